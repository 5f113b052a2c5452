"""The served site, end to end, while its database goes away and comes back."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from newsroom.embedded_postgres import _get_server

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str, float]:
    """Status, body and seconds taken; HTTP errors are answers too."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), time.monotonic() - started


def wait_for(url: str, status: int, seconds: float = 20) -> int:
    deadline = time.monotonic() + seconds
    while True:
        try:
            code = fetch(url)[0]
        except OSError:
            code = None
        if code == status or time.monotonic() > deadline:
            return code
        time.sleep(0.2)


@pytest.fixture
def private_postgres(tmp_path):
    """A PostgreSQL server of this test's own, which it may stop and start at will."""
    server = _get_server()(tmp_path / "pgdata", cleanup_mode="delete")
    yield server
    server.cleanup()


@pytest.fixture
def served_site(private_postgres, tmp_path):
    """gunicorn, configured as `make run` configures it, in front of the private server."""
    info = private_postgres.get_postmaster_info()
    url = f"postgresql://postgres@{quote(str(info.socket_dir), safe='')}:{info.port}/newsroom"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "NEWSROOM_ENV": "production",
        "HTTPS": "off",  # as `make run`: plain HTTP on loopback
        "SECRET_KEY": "test-" + "x" * 50,
        "STATIC_ROOT": str(tmp_path / "static"),
        "PORT": str(free_port()),
        "WEB_CONCURRENCY": "2",
    }
    manage = [sys.executable, "manage.py"]
    for command in (
        ["ensure_database"],
        ["migrate", "--noinput"],
        ["import_seeds"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run(
            manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120
        )
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:newsroom.gunicorn_conf"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{env['PORT']}"
    assert wait_for(base + "/healthz", 200) == 200
    yield base
    gunicorn.terminate()
    gunicorn.wait(timeout=30)


def test_site_answers_503_while_the_database_is_stopped_and_recovers_without_restart(
    served_site, private_postgres
):
    """Stopping PostgreSQL gives quick 503s; starting it again brings the pages back."""
    status, body, _ = fetch(served_site + "/")
    assert status == 200 and "In Damascus" in body

    private_postgres.stop()
    for path in ("/healthz", "/", "/articles/anything/"):
        status, body, seconds = fetch(served_site + path)
        assert status == 503, path
        assert "Traceback" not in body
        assert seconds < 5
    assert "Temporarily unavailable" in fetch(served_site + "/")[1]

    private_postgres.ensure_postgres_running()
    assert wait_for(served_site + "/healthz", 200) == 200
    status, body, _ = fetch(served_site + "/")
    assert status == 200 and "In Damascus" in body
