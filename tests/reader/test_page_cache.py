"""The page cache: cached pages cost no query, and every change reaches readers at once."""

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
    page_cache._known["version"] = None
    yield
    cache.clear()


def forget_version_check():
    """Skip the once-a-second wait before the next request re-reads the version."""
    page_cache._known["checked"] = 0.0


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
