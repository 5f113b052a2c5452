"""Serve the project with gunicorn as `make run` does, for tests that need real workers."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    host = quote(settings_dict["HOST"] or "localhost", safe="")
    return f"postgresql://{settings_dict['USER']}@{host}:{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"


def fetch(url: str) -> tuple[int, str, float]:
    """Status, body and seconds taken; HTTP errors are answers too."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), time.monotonic() - started


def wait_for(url: str, status: int, seconds: float = 20) -> int | None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            code = fetch(url)[0]
        except OSError:
            code = None
        if code == status or time.monotonic() > deadline:
            return code
        time.sleep(0.2)


def production_env(database: str, static_root: Path, **extra: str) -> dict[str, str]:
    """The environment `make run` gives gunicorn, pointed at `database`."""
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database,
        "NEWSROOM_ENV": "production",
        "HTTPS": "off",  # as `make run`: plain HTTP on loopback
        "SECRET_KEY": "test-" + "x" * 50,
        "STATIC_ROOT": str(static_root),
        "PORT": str(free_port()),
        "WEB_CONCURRENCY": "2",
        **extra,
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


@contextmanager
def gunicorn(env: dict, log: Path | None = None):
    """gunicorn with newsroom/gunicorn_conf.py; yields its base URL once /healthz answers.
    Its logs (access log and the site's own) go to `log` if given."""
    manage(env, "collectstatic", "--noinput")
    output = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:newsroom.gunicorn_conf"],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
    )
    base = f"http://127.0.0.1:{env['PORT']}"
    try:
        assert wait_for(base + "/healthz", 200) == 200, "gunicorn did not come up"
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
