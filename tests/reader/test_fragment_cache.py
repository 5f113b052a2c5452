"""The section navigation and the related articles are cached as fragments (issue 6)."""

import re

import pytest
from django.core.cache import cache

from articles import caching as content_cache
from tests.factories import ArticleFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings, monkeypatch):
    """Fragments on, whole pages off; the content version is re-read only after a change."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    monkeypatch.setattr(content_cache, "VERSION_CHECK_SECONDS", 3600)
    content_cache.content_version(fresh=True)
    cache.clear()
    yield
    cache.clear()


def nav(html: str) -> str:
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


def related(html: str) -> str:
    return html[html.index("More to read") :]


def test_cached_fragments_save_their_queries(client, django_assert_num_queries):
    """A second cold render of an article page needs only the article's own query."""
    topic = TopicFactory(name="Diplomacy")
    article = ArticleFactory(headline="Talks in Geneva", section=SectionFactory(name="World"))
    article.topics.add(topic)
    ArticleFactory(headline="Talks resume in Vienna").topics.add(topic)
    first = client.get(article.get_absolute_url()).content.decode()
    with django_assert_num_queries(1):
        second = client.get(article.get_absolute_url()).content.decode()
    assert second == first
    assert "Talks resume in Vienna" in related(second) and "World" in nav(second)


def test_cached_section_list_saves_its_navigation_query(client, django_assert_num_queries):
    """A section page served twice queries for the navigation only once."""
    section = SectionFactory(name="World")
    ArticleFactory(headline="Talks in Geneva", section=section)
    url = f"/sections/{section.slug}/"
    client.get(url)
    with django_assert_num_queries(2):  # the section, the page of articles with their count
        assert 'aria-current="page">World' in nav(client.get(url).content.decode())


def test_renamed_section_shows_in_the_navigation_at_once(
    client, django_capture_on_commit_callbacks
):
    """Saving a section renews the cached navigation on every page."""
    section = SectionFactory(name="World")
    article = ArticleFactory(headline="Talks in Geneva", section=section)
    assert "World" in nav(client.get(article.get_absolute_url()).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        section.name = "International"
        section.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "International" in nav(html) and "World" not in nav(html)


def test_edited_related_headline_shows_at_once(client, django_capture_on_commit_callbacks):
    """Editing a related article's headline renews the "More to read" block that shows it."""
    topic = TopicFactory(name="Diplomacy")
    article = ArticleFactory(headline="Talks in Geneva")
    other = ArticleFactory(headline="Talks resume in Vienna")
    article.topics.add(topic)
    other.topics.add(topic)
    assert "Talks resume in Vienna" in related(
        client.get(article.get_absolute_url()).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        other.headline = "Talks collapse in Vienna"
        other.save()
    html = related(client.get(article.get_absolute_url()).content.decode())
    assert "Talks collapse in Vienna" in html and "Talks resume in Vienna" not in html


def test_fragments_are_rendered_afresh_when_switched_off(
    client, settings, django_assert_num_queries
):
    """FRAGMENT_CACHE_SECONDS = 0 renders the navigation and related articles every time."""
    settings.FRAGMENT_CACHE_SECONDS = 0
    article = ArticleFactory(headline="Talks in Geneva", section=SectionFactory(name="World"))
    client.get(article.get_absolute_url())
    with django_assert_num_queries(3):  # the article, its related articles, the sections
        client.get(article.get_absolute_url())


def test_search_window_is_kept_and_moves_when_an_article_is_published(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    """A search's window of newest articles is looked up once; a newly published article is found at once."""
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from articles.reader import search

    monkeypatch.setattr(search, "RANKED_MATCHES", 2)
    monkeypatch.setattr("articles.reader.views.RANKED_MATCHES", 2)
    # Ten articles, half of them matching: a window of the newest six should hold two.
    monkeypatch.setattr(search, "_estimate", lambda cursor, params: (10, 0.5))
    now = timezone.now()
    for n in range(10):
        ArticleFactory(
            headline=f"Convoy {n}" if n % 2 == 0 else f"Market {n}",
            published_at=now - timedelta(hours=n + 1),
        ).refresh_derived()

    def found() -> list[str]:
        html = client.get("/search/", {"q": "convoy"}).content.decode()
        cards = re.findall(r'class="story-card__headline"><a href="[^"]+">(.*?)</a>', html)
        return [re.sub(r"</?mark>", "", card) for card in cards]

    assert found() == ["Convoy 0", "Convoy 2"]
    with CaptureQueriesContext(connection) as queries:
        assert found() == ["Convoy 0", "Convoy 2"]
    assert not [q for q in queries.captured_queries if "OFFSET" in q["sql"]]
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(headline="Convoy new", published_at=now).refresh_derived()
    assert found() == ["Convoy new", "Convoy 0"]
