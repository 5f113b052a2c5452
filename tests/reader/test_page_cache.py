"""The page cache: cached pages cost no query, and every change reaches readers at once."""

import threading
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.utils import timezone

from articles import caching as page_cache
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    page_cache.content_version(fresh=True)
    yield
    cache.clear()


def forget_version_check():
    """Skip the once-a-second wait before the next request re-reads the version."""
    page_cache.content_version(fresh=True)


def test_a_cached_article_page_costs_no_query(client, django_assert_num_queries):
    """The second reader of a page gets it from the cache without touching PostgreSQL."""
    article = ArticleFactory(headline="Cached story")
    first = client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(article.get_absolute_url())
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"]


def test_a_cached_page_still_answers_304_to_a_matching_etag(client):
    """Browsers and CDNs revalidating a cached page get 304 Not Modified."""
    article = ArticleFactory()
    etag = client.get(article.get_absolute_url())["ETag"]
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_an_edit_shows_at_once(client, django_capture_on_commit_callbacks):
    """Changing a headline invalidates every cached page that shows it."""
    article = ArticleFactory(headline="Old headline")
    assert "Old headline" in client.get("/").text
    assert "Old headline" in client.get(article.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "New headline"
        article.save()
    assert "New headline" in client.get("/").text
    assert "New headline" in client.get(article.get_absolute_url()).text


def test_unpublishing_removes_the_article_at_once(client, django_capture_on_commit_callbacks):
    """An unpublished article leaves the cached front page and its address answers 404."""
    article = ArticleFactory(headline="Retracted story")
    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Retracted story" in client.get("/").text
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.UNPUBLISHED
        article.save()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Retracted story" not in client.get("/").text


def test_publishing_shows_the_new_article_at_once(client, django_capture_on_commit_callbacks):
    """A draft published by an editor appears on a front page that was cached before."""
    draft = ArticleFactory(headline="Fresh scoop", status=Article.Status.DRAFT)
    assert "Fresh scoop" not in client.get("/").text
    with django_capture_on_commit_callbacks(execute=True):
        draft.status = Article.Status.PUBLISHED
        draft.published_at = timezone.now()
        draft.save()
    assert "Fresh scoop" in client.get("/").text


def test_a_scheduled_article_appears_when_its_time_comes(client):
    """No edit happens at the scheduled time; the clock alone renews the cached pages."""
    ArticleFactory(headline="Already out")
    scheduled = ArticleFactory(
        headline="Embargoed", published_at=timezone.now() + timedelta(hours=1)
    )
    assert "Embargoed" not in client.get("/").text
    # The embargo lifts: move its time into the past without any signal or invalidation.
    Article.objects.filter(pk=scheduled.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    forget_version_check()
    assert "Embargoed" in client.get("/").text


def test_imports_invalidate_too(client, tmp_path, django_capture_on_commit_callbacks):
    """Articles written by the importer's bulk writes show up on a cached front page."""
    ArticleFactory(headline="Existing story")
    client.get("/")
    (tmp_path / "new.txt").write_text("Imported headline\n\nBody text.\n\nMore body.")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_seeds", str(tmp_path / "new.txt"), stdout=StringIO())
    assert "Imported headline" in client.get("/").text


def test_responses_that_set_cookies_are_never_cached(rf, settings):
    """A page carrying a cookie (a CSRF token, a session) is not stored for other readers."""
    calls = []

    @page_cache.cached_page
    def view(request):
        calls.append(request)
        response = HttpResponse("personal")
        response.set_cookie("sessionid", "secret")
        return response

    view(rf.get("/personal/"))
    view(rf.get("/personal/"))
    assert len(calls) == 2


def test_an_edit_renews_its_own_page_and_the_lists_but_no_other_article(
    client, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """After one article is edited, another article's cached page still costs no query."""
    edited = ArticleFactory(headline="Bridge closes for repairs")
    other = ArticleFactory(headline="Library reopens")
    forget_version_check()  # the versions as they stand once both are published
    for url in (edited.get_absolute_url(), other.get_absolute_url(), "/"):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        edited.headline = "Bridge reopens early"
        edited.save()
    assert "Bridge reopens early" in client.get("/").text
    assert "Bridge reopens early" in client.get(edited.get_absolute_url()).text
    with django_assert_num_queries(0):
        assert "Library reopens" in client.get(other.get_absolute_url()).text


def test_editing_a_draft_leaves_every_cached_page_alone(
    client, monkeypatch, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Work on an unpublished draft renews no page readers see."""
    monkeypatch.setattr(page_cache, "VERSION_CHECK_SECONDS", 3600)
    live = ArticleFactory(headline="Council votes on budget")
    draft = ArticleFactory(headline="Embargoed budget leak", status=Article.Status.DRAFT)
    forget_version_check()
    client.get("/")
    client.get(live.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        draft.headline = "Budget leak, second draft"
        draft.save()
    with django_assert_num_queries(0):
        client.get("/")
        client.get(live.get_absolute_url())


@pytest.mark.django_db(transaction=True)
def test_one_request_renders_a_changed_page_while_the_others_get_the_previous_copy(rf):
    """Many readers missing the same page at once cost one rendering, and none waits for it."""
    from django.db import connection

    renders = []

    @page_cache.cached_page
    def front(request):
        renders.append(request)
        time.sleep(0.5)
        return HttpResponse(f"front page {len(renders)}")

    article = ArticleFactory(headline="Storm warning")
    front(rf.get("/front/"))
    article.headline = "Storm warning lifted"
    article.save()  # committed: every list's copy is now out of date

    answers = []

    def reader():
        answers.append(front(rf.get("/front/")).content.decode())
        connection.close()

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    assert len(renders) == 2  # the first copy, and one rendering after the change
    assert sorted(answers) == ["front page 1"] * 3 + ["front page 2"]
