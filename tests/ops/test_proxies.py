"""Behind a reverse proxy: the reader's address is throttled and logged, not the proxy's;
each gunicorn instance has a control socket of its own."""

import json
import subprocess
import sys
import urllib.request

import pytest
from django.db import connection

from tests.factories import StaffFactory
from tests.serving import ROOT, database_url, gunicorn, production_env

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"
PROXY = "10.0.0.2"


def log_in(client, password: str, forwarded_for: str | None, remote: str = PROXY):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(
        LOGIN, {"username": "eve", "password": password}, REMOTE_ADDR=remote, **headers
    )


@pytest.fixture
def eve():
    return StaffFactory(username="eve", password="correct-horse-battery")


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]


def lock_out(client, settings, forwarded_for: str | None, remote: str = PROXY) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong", forwarded_for, remote)
    assert log_in(client, "wrong", forwarded_for, remote).status_code == 429


def test_behind_a_trusted_proxy_one_readers_lockout_does_not_lock_out_another(
    client, eve, settings, behind_proxy
):
    """Failures from one reader behind the proxy lock that reader out, not every reader."""
    lock_out(client, settings, "198.51.100.7")
    assert log_in(client, "correct-horse-battery", "203.0.113.5").status_code == 302


def test_a_client_cannot_escape_a_lockout_by_forging_x_forwarded_for(
    client, eve, settings, behind_proxy
):
    """The proxy appends the real address; what the client wrote to its left is ignored."""
    lock_out(client, settings, "198.51.100.7")
    forged = "203.0.113.5, 198.51.100.7"
    assert log_in(client, "correct-horse-battery", forged).status_code == 429


def test_without_trusted_proxies_x_forwarded_for_is_ignored(client, eve, settings):
    """With no TRUSTED_PROXIES set, a client sending the header gains nothing by it."""
    lock_out(client, settings, "198.51.100.7", remote="192.0.2.1")
    response = log_in(client, "correct-horse-battery", "203.0.113.5", remote="192.0.2.1")
    assert response.status_code == 429


def test_x_forwarded_for_from_an_untrusted_address_is_ignored(client, eve, settings, behind_proxy):
    """Only a request that comes from a trusted proxy has its header believed."""
    lock_out(client, settings, "198.51.100.7", remote="192.0.2.1")
    response = log_in(client, "correct-horse-battery", "203.0.113.5", remote="192.0.2.1")
    assert response.status_code == 429


def workers_of(port: str) -> list[int]:
    """The worker pids the gunicorn instance on `port` reports through its own control socket."""
    socket = ROOT / "var" / f"gunicorn-{port}.ctl"
    shown = subprocess.run(
        [sys.executable, "-m", "gunicorn.ctl.cli", "-s", str(socket), "-c", "show workers", "-j"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert shown.returncode == 0, shown.stderr
    return sorted(worker["pid"] for worker in json.loads(shown.stdout)["workers"])


@pytest.mark.django_db(transaction=True)
def test_two_gunicorn_instances_each_keep_their_own_control_socket_and_log_readers(tmp_path):
    """Two sites served at once on one machine each answer gunicornc on their own socket;
    behind a trusted proxy, the access log names the reader, not the proxy."""
    url = database_url(connection.settings_dict)
    first = production_env(url, tmp_path / "static1", TRUSTED_PROXIES="127.0.0.1")
    second = production_env(url, tmp_path / "static2")
    log = tmp_path / "first.log"
    with gunicorn(first, log=log) as base, gunicorn(second):
        one, two = workers_of(first["PORT"]), workers_of(second["PORT"])
        request = urllib.request.Request(
            base + "/healthz?from-a-reader", headers={"X-Forwarded-For": "198.51.100.7"}
        )
        urllib.request.urlopen(request, timeout=10).close()
    assert len(one) == len(two) == 2
    assert not set(one) & set(two)
    [line] = [line for line in log.read_text().splitlines() if "from-a-reader" in line]
    assert line.startswith("198.51.100.7 ")
