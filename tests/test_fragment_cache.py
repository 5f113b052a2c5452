"""The section navigation and the related articles are cached as fragments (issue 6)."""

import pytest
from django.core.cache import cache

from articles import cache as content_cache
from tests.conftest import make_section, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings, monkeypatch):
    """Fragments on, whole pages off; the content version is re-read only after a change."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    monkeypatch.setattr(content_cache, "VERSION_CHECK_SECONDS", 3600)
    monkeypatch.setitem(content_cache._known, "version", None)
    cache.clear()
    yield
    cache.clear()


def nav(html: str) -> str:
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


def related(html: str) -> str:
    return html[html.index("More to read") :]


def test_cached_fragments_save_their_queries(client, article_factory, django_assert_num_queries):
    """A second cold render of an article page needs only the article's own query."""
    topic = make_topic("Diplomacy")
    article = article_factory("Talks in Geneva", section=make_section("World"))
    article.topics.add(topic)
    article_factory("Talks resume in Vienna").topics.add(topic)
    first = client.get(article.get_absolute_url()).content.decode()
    with django_assert_num_queries(1):
        second = client.get(article.get_absolute_url()).content.decode()
    assert second == first
    assert "Talks resume in Vienna" in related(second) and "World" in nav(second)


def test_cached_section_list_saves_its_navigation_query(
    client, article_factory, django_assert_num_queries
):
    """A section page served twice queries for the navigation only once."""
    section = make_section("World")
    article_factory("Talks in Geneva", section=section)
    url = f"/sections/{section.slug}/"
    client.get(url)
    with django_assert_num_queries(3):  # the section, the count, the page of articles
        assert 'aria-current="page">World' in nav(client.get(url).content.decode())


def test_renamed_section_shows_in_the_navigation_at_once(
    client, article_factory, django_capture_on_commit_callbacks
):
    """Saving a section renews the cached navigation on every page."""
    section = make_section("World")
    article = article_factory("Talks in Geneva", section=section)
    assert "World" in nav(client.get(article.get_absolute_url()).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        section.name = "International"
        section.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "International" in nav(html) and "World" not in nav(html)


def test_edited_related_headline_shows_at_once(
    client, article_factory, django_capture_on_commit_callbacks
):
    """Editing a related article's headline renews the "More to read" block that shows it."""
    topic = make_topic("Diplomacy")
    article = article_factory("Talks in Geneva")
    other = article_factory("Talks resume in Vienna")
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
    client, settings, article_factory, django_assert_num_queries
):
    """FRAGMENT_CACHE_SECONDS = 0 renders the navigation and related articles every time."""
    settings.FRAGMENT_CACHE_SECONDS = 0
    article = article_factory("Talks in Geneva", section=make_section("World"))
    client.get(article.get_absolute_url())
    with django_assert_num_queries(3):  # the article, its related articles, the sections
        client.get(article.get_absolute_url())
