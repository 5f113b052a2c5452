"""The served site, end to end, while its database goes away and comes back."""

from urllib.parse import quote

import pytest

from newsroom.database.embedded import _get_server
from tests.serving import fetch, gunicorn, manage, production_env, wait_for


@pytest.fixture(scope="module")
def private_postgres(tmp_path_factory):
    """A PostgreSQL server of these tests' own, which they may stop, freeze and restart."""
    server = _get_server()(tmp_path_factory.mktemp("outage") / "pgdata", cleanup_mode="delete")
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def served_site(private_postgres, tmp_path_factory):
    """gunicorn, configured as `make run` configures it, in front of the private server."""
    tmp_path = tmp_path_factory.mktemp("served")
    info = private_postgres.get_postmaster_info()
    url = f"postgresql://postgres@{quote(str(info.socket_dir), safe='')}:{info.port}/newsroom"
    env = production_env(url, tmp_path / "static")
    for command in (["ensure_database"], ["migrate", "--noinput"], ["import_seeds"]):
        manage(env, *command)
    with gunicorn(env) as base:
        yield base


def test_site_answers_503_while_the_database_is_stopped_and_recovers_without_restart(
    served_site, private_postgres
):
    """Stopping PostgreSQL gives quick 503s; starting it again brings the pages back."""
    status, body, _ = fetch(served_site + "/")
    assert status == 200 and "In Damascus" in body

    private_postgres.stop()
    # Pages not in the page cache; a cached page may be served for up to a second more.
    for path in ("/healthz", "/?page=1", "/articles/anything/", "/search/?q=Baqeri"):
        status, body, seconds = fetch(served_site + path)
        assert status == 503, path
        assert "Traceback" not in body
        assert seconds < 5
    assert "Temporarily unavailable" in fetch(served_site + "/sections/world/")[1]

    private_postgres.ensure_postgres_running()
    assert wait_for(served_site + "/healthz", 200) == 200
    status, body, _ = fetch(served_site + "/")
    assert status == 200 and "In Damascus" in body


def freeze(server, sig) -> None:
    """Send `sig` to the postmaster and every backend: SIGSTOP makes a server that accepts
    connections but never answers, like a hung host."""
    import psutil

    postmaster = psutil.Process(server.get_postmaster_info().pid)
    for process in [postmaster, *postmaster.children(recursive=True)]:
        process.send_signal(sig)


def test_site_answers_503_quickly_while_the_database_is_frozen_and_recovers(
    served_site, private_postgres
):
    """A frozen PostgreSQL (SIGSTOP) gives 503s within about a second, not hung workers."""
    import signal

    assert fetch(served_site + "/")[0] == 200
    freeze(private_postgres, signal.SIGSTOP)
    try:
        for path in ("/healthz", "/?page=1", "/articles/anything/", "/search/?q=Baqeri"):
            status, body, seconds = fetch(served_site + path)
            assert status == 503, path
            assert "Traceback" not in body
            # The probe gives up after 0.8 s; the rest is slack for a loaded CI machine.
            assert seconds < 2, (path, seconds)
    finally:
        freeze(private_postgres, signal.SIGCONT)
    assert wait_for(served_site + "/healthz", 200) == 200
    status, body, _ = fetch(served_site + "/")
    assert status == 200 and "In Damascus" in body
