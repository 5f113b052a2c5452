"""Every query of a request has a time limit: a reader's page that cannot be answered in
time is a quick 503, and the admin gets a larger but still finite limit."""

import threading
import time
from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection

from tests.factories import ArticleFactory, StaffFactory
from tests.serving import database_url

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def articles_locked(seconds: float = 10):
    """Another session holds an exclusive lock on the articles table for `seconds` (or
    until the block ends), so that any query of it waits."""
    holder = psycopg.connect(database_url(connection.settings_dict))
    holder.execute("BEGIN")
    holder.execute("LOCK TABLE articles_article IN ACCESS EXCLUSIVE MODE")
    timer = threading.Timer(seconds, holder.rollback)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        holder.rollback()
        holder.close()


def timed_get(client, url: str):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


@pytest.fixture
def bounds(settings):
    settings.DATABASE_STATEMENT_SECONDS = 0.5
    settings.DATABASE_ADMIN_STATEMENT_SECONDS = 3


def test_a_readers_page_that_cannot_be_answered_in_time_is_a_quick_503(client, bounds):
    """A page whose query waits past the reader's limit gets the static 503 at the limit."""
    ArticleFactory(headline="Damascus talks")
    client.raise_request_exception = False
    with articles_locked():
        response, seconds = timed_get(client, "/api/articles/")
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.content.decode()
    assert seconds < 2, seconds
    # The limit was the request's: the same client's next page is answered.
    assert client.get("/api/articles/").status_code == 200


def test_the_admin_waits_longer_than_a_reader_but_not_for_ever(client, bounds):
    """An admin screen survives a wait a reader's page would not, and still has a limit."""
    ArticleFactory(headline="Damascus talks")
    client.force_login(StaffFactory(role="Editors"))
    client.raise_request_exception = False
    with articles_locked(seconds=1.2):
        response, seconds = timed_get(client, "/admin/articles/article/")
    assert response.status_code == 200, seconds
    with articles_locked():
        response, seconds = timed_get(client, "/admin/articles/article/")
    assert response.status_code == 503
    assert 2.5 < seconds < 4.5, seconds


def test_code_outside_requests_has_no_limit(client, bounds):
    """The importer and management commands keep PostgreSQL's own default (no limit), also
    on a connection a reader's page used just before."""
    ArticleFactory(headline="Damascus talks")
    assert client.get("/api/articles/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(0.8), current_setting('statement_timeout')")
        assert cursor.fetchone()[1] == "0"
