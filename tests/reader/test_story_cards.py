"""Story cards are kept in the fragment cache, and an edit shows on every list at once (issue 17)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import caching
from articles.models import Article, Block
from tests.factories import ArticleFactory, PhotoCaptionFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings, tmp_path):
    """Fragments on, whole pages off, as bench/run.py --no-page-cache serves the site."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    settings.MEDIA_ROOT = tmp_path / "media"


def hours_ago(n: int):
    return timezone.now() - timedelta(hours=n)


def lists_of(article: Article) -> list[str]:
    """The lists a reader finds the article on: the front page, its section's, its author's."""
    author = article.authors.get()
    return ["/", article.section.get_absolute_url(), author.get_absolute_url()]


def pages(client, urls: list[str]) -> list[str]:
    return [client.get(url).content.decode() for url in urls]


def test_an_edited_headline_shows_at_once_on_every_list(client):
    """Saving a new headline renews the article's cards on the front, section and author pages,
    although no cached content version has moved (the edit's transaction has not committed)."""
    world = SectionFactory(name="World")
    article = ArticleFactory(headline="Talks in Geneva", byline="By Rita Reporter", section=world)
    for n in range(3):
        ArticleFactory(headline=f"Other story {n}", section=world, published_at=hours_ago(n + 2))
    urls = lists_of(article)
    assert all("Talks in Geneva" in html for html in pages(client, urls))
    article.headline = "Talks in Geneva collapse"
    article.save()
    front, section, author = pages(client, urls)
    assert all("Talks in Geneva collapse" in html for html in (front, section, author))
    assert "Other story 0" in front and "Other story 0" in section  # the cards left as they were


@pytest.mark.parametrize(
    ("field", "value"),
    [("dek", "A new standfirst."), ("byline", "By Sam Smith"), ("language", "he")],
)
def test_every_field_a_card_shows_renews_it(client, field, value):
    """The lead card shows the standfirst, byline and language; each change shows at once."""
    article = ArticleFactory(dek="The old standfirst.", byline="By Rita Reporter", language="en")
    client.get("/")
    setattr(article, field, value)
    article.save()
    lead = client.get("/").content.decode().split("story-card--lead", 1)[1].split("</article>")[0]
    assert {"dek": "A new standfirst.", "byline": "Sam Smith", "language": 'lang="he"'}[
        field
    ] in lead


def test_a_renamed_section_and_a_new_photo_renew_the_cards(client):
    """Cards name their section and show the first photo: changing either shows at once."""
    section = SectionFactory(name="World")
    article = ArticleFactory(headline="Talks in Geneva", section=section)
    assert "story-card--photo" not in client.get(section.get_absolute_url()).content.decode()
    assert "World" in client.get("/").content.decode()
    section.name = "International"
    section.save()
    PhotoCaptionFactory(article=article)
    html = client.get("/").content.decode()
    lead = html.split("story-card--lead", 1)[1].split("</article>")[0]
    assert "story-card--photo" in html and "<img" in lead
    assert "International" in client.get(section.get_absolute_url()).content.decode()


def test_cached_cards_are_the_cards_a_fresh_render_gives(client, settings):
    """The front and section pages read the same with their cards from the cache as without."""
    section = SectionFactory(name="World")
    for n in range(6):
        article = ArticleFactory(
            section=section, published_at=hours_ago(n + 1), byline="By Ann Lee"
        )
        if n % 2:
            PhotoCaptionFactory(article=article)
    urls = ["/", section.get_absolute_url(), "/?page=1"]
    settings.FRAGMENT_CACHE_SECONDS = 0
    fresh = pages(client, urls)
    settings.FRAGMENT_CACHE_SECONDS = 300
    assert pages(client, urls) == fresh  # rendered and stored
    assert pages(client, urls) == fresh  # from the cache


def test_an_unpublished_article_leaves_every_list_at_once(client):
    """A card kept in the cache is never shown for an article that has left the site."""
    section = SectionFactory(name="World")
    article = ArticleFactory(headline="Talks in Geneva", section=section)
    ArticleFactory(headline="Other story", section=section, published_at=hours_ago(3))
    urls = ["/", section.get_absolute_url()]
    assert all("Talks in Geneva" in html for html in pages(client, urls))
    article.status = Article.Status.UNPUBLISHED
    article.save()
    assert not any("Talks in Geneva" in html for html in pages(client, urls))


def test_lists_cost_the_same_few_queries_with_their_cards_cached(
    client, django_assert_max_num_queries, monkeypatch
):
    """However many articles a list shows, it costs the same few queries (its cards from the
    cache): no card, feed item or API result costs a query of its own."""
    sections = [SectionFactory(name=name) for name in ("World", "Sport", "Business", "Science")]
    for n in range(40):
        article = ArticleFactory(section=sections[n % 4], published_at=hours_ago(n + 1))
        if n % 3 == 0:
            PhotoCaptionFactory(article=article)
    assert Block.objects.filter(kind=Block.Kind.CAPTION).count() == 14
    topic = TopicFactory(name="Diplomacy")
    topic.articles.set(Article.objects.all()[:30])
    bounds = [
        ("/", 4),  # pins and newest, section blocks, the latest list with its count, nav
        ("/?page=2", 3),
        (sections[0].get_absolute_url(), 2),  # the section, its page with the count
        ("/feeds/rss/", 1),  # the items with their topics
        (f"/topics/{topic.slug}/rss/", 2),
        ("/api/articles/", 1),  # the page with its count and topics
        (f"/api/articles/?topic={topic.slug}", 2),
    ]
    # The content versions are read at most once a second: on a busy machine a second may
    # pass between two requests below, and that read is not the list's cost. Read them now,
    # after the articles were written, and not again.
    monkeypatch.setattr(caching, "VERSION_CHECK_SECONDS", 3600)
    caching.content_version(fresh=True)
    for url, most in bounds:
        client.get(url)
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200
