"""The served site, end to end, while its database goes away and comes back."""

import signal
import statistics
import threading
import time
from urllib.parse import quote

import psycopg
import pytest

from newsroom.database.backend.outage import RETRY_SECONDS
from newsroom.database.embedded import _get_server
from tests.serving import fetch, gunicorn, manage, production_env, wait_for

WORKERS = 2  # production_env's WEB_CONCURRENCY


@pytest.fixture(scope="module")
def private_postgres(tmp_path_factory):
    """A PostgreSQL server of these tests' own, which they may stop, freeze and restart."""
    server = _get_server()(tmp_path_factory.mktemp("outage") / "pgdata", cleanup_mode="delete")
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def database_url(private_postgres) -> str:
    info = private_postgres.get_postmaster_info()
    return f"postgresql://postgres@{quote(str(info.socket_dir), safe='')}:{info.port}/newsroom"


@pytest.fixture(scope="module")
def site_log(tmp_path_factory):
    return tmp_path_factory.mktemp("log") / "gunicorn.log"


@pytest.fixture(scope="module")
def served_site(database_url, tmp_path_factory, site_log):
    """gunicorn, configured as `make run` configures it, in front of the private server."""
    tmp_path = tmp_path_factory.mktemp("served")
    env = production_env(database_url, tmp_path / "static", LOG_LEVEL="INFO")
    for command in (["ensure_database"], ["migrate", "--noinput"], ["import_seeds"]):
        manage(env, *command)
    with gunicorn(env, log=site_log) as base:
        yield base


def times_to_503(base: str, label: str, count: int = 12) -> list[float]:
    """Seconds each of `count` uncached pages took to answer 503 (each must be 503)."""
    seconds = []
    for number in range(count):
        path = ("/healthz", "/?page=1", "/articles/anything/", f"/search/?q={label}{number}")[
            number % 4
        ]
        status, body, took = fetch(base + path)
        assert status == 503, path
        assert "Traceback" not in body
        seconds.append(took)
    print(
        f"\n{label}: time to 503 over {count} pages: median {statistics.median(seconds):.3f} s,"
        f" slowest {max(seconds):.3f} s"
    )
    return seconds


def outage_lines(log) -> tuple[int, int]:
    """How many times the workers logged an outage's start and its end."""
    text = log.read_text()
    return text.count("is unavailable"), text.count("answers again")


def until_every_worker_has_seen_the_database(
    base: str, log, before: tuple[int, int], seconds: float = 20
) -> tuple[int, int]:
    """Outage starts and ends logged since `before`, once each worker that logged a start
    has logged its end. The kernel picks which worker takes a request, so a few requests
    may all reach one worker: keep asking for uncached pages until the others have had one."""
    deadline = time.monotonic() + seconds
    asked = 0
    while True:
        started, ended = (a - b for a, b in zip(outage_lines(log), before, strict=True))
        if ended >= started or time.monotonic() > deadline:
            return started, ended
        asked += 1
        assert fetch(f"{base}/search/?q=back{asked}")[0] == 200
        time.sleep(0.05)


def test_site_answers_503_while_the_database_is_stopped_and_recovers_without_restart(
    served_site, private_postgres, site_log
):
    """Stopping PostgreSQL gives 503s within a second; starting it again brings the pages back,
    and the log says so once per worker, with no traceback."""
    status, body, _ = fetch(served_site + "/")
    assert status == 200 and "In Damascus" in body
    before = outage_lines(site_log)

    private_postgres.stop()
    seconds = times_to_503(served_site, "stopped")
    assert max(seconds) < 1, seconds
    assert "Temporarily unavailable" in fetch(served_site + "/sections/world/")[1]

    private_postgres.ensure_postgres_running()
    assert wait_for(served_site + "/healthz", 200) == 200
    assert "In Damascus" in fetch(served_site + "/")[1]
    started, ended = until_every_worker_has_seen_the_database(served_site, site_log, before)
    assert 1 <= started <= WORKERS
    assert ended == started  # each worker that logged the outage logged its end, once
    assert "Traceback" not in site_log.read_text()


def freeze(server, sig) -> None:
    """Send `sig` to the postmaster and every backend: SIGSTOP makes a server that accepts
    connections but never answers, like a hung host."""
    import psutil

    postmaster = psutil.Process(server.get_postmaster_info().pid)
    for process in [postmaster, *postmaster.children(recursive=True)]:
        process.send_signal(sig)


def test_site_answers_503_within_a_second_while_the_database_is_frozen_and_recovers(
    served_site, private_postgres, site_log
):
    """A frozen PostgreSQL (SIGSTOP) gives 503s within a second (one probe per request at
    most, not a health check and then a probe), not hung workers, and no tracebacks."""
    for _ in range(6):  # both workers have just read the content version: no query needed
        assert fetch(served_site + "/")[0] == 200
    freeze(private_postgres, signal.SIGSTOP)
    try:
        # An article page straight away: its first query is its own (a prepared statement),
        # which must be health-checked like any other (it once waited out its time limit).
        seconds = [fetch(served_site + "/articles/anything/")[2] for _ in range(2)]
        seconds += times_to_503(served_site, "frozen")
    finally:
        freeze(private_postgres, signal.SIGCONT)
    assert max(seconds) < 1, seconds
    # Each worker tries again a second after its last failure.
    assert wait_for(served_site + "/healthz", 200) == 200
    assert wait_for(served_site + "/", 200) == 200
    assert "Traceback" not in site_log.read_text()


def test_a_request_caught_mid_query_by_a_freeze_answers_503_at_its_time_limit(
    served_site, private_postgres, database_url
):
    """A page whose query is running when PostgreSQL freezes gets its 503 about a second
    after the reader's 2 s limit, instead of waiting for gunicorn to kill its worker (30 s)."""
    time.sleep(RETRY_SECONDS)  # no worker is still pausing after an earlier test's outage
    assert wait_for(served_site + "/", 200) == 200
    holder = psycopg.connect(database_url)  # makes the page's query wait, then the freeze
    holder.execute("BEGIN")
    holder.execute("LOCK TABLE articles_article IN ACCESS EXCLUSIVE MODE")
    answer = {}
    request = threading.Thread(
        target=lambda: answer.update(result=fetch(served_site + "/search/?q=midquery"))
    )
    request.start()
    try:
        request.join(0.5)  # the query is waiting for the lock now
        freeze(private_postgres, signal.SIGSTOP)
        request.join(15)
    finally:
        freeze(private_postgres, signal.SIGCONT)
        holder.rollback()
        holder.close()
    status, _, seconds = answer["result"]
    print(f"\ncaught mid-query by a freeze: 503 after {seconds:.2f} s")
    assert status == 503
    assert 2 < seconds < 4.5
    assert wait_for(served_site + "/healthz", 200) == 200
