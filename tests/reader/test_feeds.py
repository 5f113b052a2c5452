"""RSS and Atom feeds, sitemap.xml and the Google News sitemap."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def xml(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)


def rss_titles(client, url: str) -> list[str]:
    return [item.findtext("title") for item in xml(client, url).iter("item")]


def atom_titles(client, url: str) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in xml(client, url).iter(f"{ATOM}entry")]


class _Markup(HTMLParser):
    """What a feed reader's HTML renderer would make of a summary: its tags and its text."""

    def __init__(self, html: str):
        super().__init__()
        self.tags, self.text = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def newsroom():
    """A published story per section and topic, plus ones readers must never see."""
    middle_east, world = SectionFactory(name="Middle East"), SectionFactory(name="World")
    iran = TopicFactory(name="Iran")
    now = timezone.now()
    damascus = ArticleFactory(
        headline="Damascus talks",
        dek="Iran's army chief visits.",
        byline="Reuters",
        section=middle_east,
    )
    damascus.topics.add(iran)
    ArticleFactory(headline="Paris strike", section=world, published_at=now - timedelta(days=3))
    for hidden in (
        ArticleFactory(headline="Draft story", section=middle_east, status=Article.Status.DRAFT),
        ArticleFactory(
            headline="Scheduled story", section=middle_east, published_at=now + timedelta(days=1)
        ),
        ArticleFactory(
            headline="Withdrawn story", section=middle_east, status=Article.Status.UNPUBLISHED
        ),
    ):
        hidden.topics.add(iran)
    return damascus


def test_site_rss_feed_lists_published_articles_newest_first(client, newsroom):
    """The site's RSS feed carries the published stories, newest first."""
    assert rss_titles(client, "/feeds/rss/") == ["Damascus talks", "Paris strike"]


def test_rss_items_carry_link_summary_author_date_and_topics(client, newsroom):
    """Each item links to the article and gives its standfirst, byline, date and topics."""
    item = next(xml(client, "/feeds/rss/").iter("item"))
    assert item.findtext("link") == "http://testserver/articles/damascus-talks/"
    assert "".join(_Markup(item.findtext("description")).text) == "Iran's army chief visits."
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Reuters"
    assert item.findtext("pubDate")
    assert [c.text for c in item.iter("category")] == ["Iran"]


def test_site_atom_feed_lists_the_same_articles(client, newsroom):
    """The Atom feed offers the same stories as RSS."""
    assert atom_titles(client, "/feeds/atom/") == ["Damascus talks", "Paris strike"]
    assert xml(client, "/feeds/atom/").find(f"{ATOM}entry/{ATOM}updated").text


def test_section_feeds_list_only_the_sections_articles(client, newsroom):
    """A section's RSS and Atom feeds hold its own published stories."""
    assert rss_titles(client, "/sections/middle-east/rss/") == ["Damascus talks"]
    assert atom_titles(client, "/sections/world/atom/") == ["Paris strike"]


def test_topic_feeds_list_only_the_topics_articles(client, newsroom):
    """A topic's feeds hold the published stories tagged with it."""
    assert rss_titles(client, "/topics/iran/rss/") == ["Damascus talks"]
    assert atom_titles(client, "/topics/iran/atom/") == ["Damascus talks"]


def test_feed_of_unknown_section_is_not_found(client, db):
    """A feed for a section that does not exist answers 404."""
    assert client.get("/sections/nowhere/rss/").status_code == 404
    assert client.get("/topics/nothing/atom/").status_code == 404


def test_sitemap_index_points_to_articles_sections_and_topics(client, newsroom):
    """sitemap.xml lists one sitemap per kind of page, at full addresses."""
    locations = [loc.text for loc in xml(client, "/sitemap.xml").iter(f"{SITEMAP}loc")]
    assert locations == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-sections.xml",
        "http://testserver/sitemap-topics.xml",
    ]


def test_article_sitemap_lists_only_published_articles_with_lastmod(client, newsroom):
    """Search engines learn every published article and when it last changed, nothing else."""
    urls = xml(client, "/sitemap-articles.xml").findall(f"{SITEMAP}url")
    assert [u.findtext(f"{SITEMAP}loc") for u in urls] == [
        "http://testserver/articles/damascus-talks/",
        "http://testserver/articles/paris-strike/",
    ]
    assert all(u.findtext(f"{SITEMAP}lastmod") for u in urls)


def test_section_and_topic_sitemaps_list_their_pages(client, newsroom):
    """Sections and topics have their own sitemaps."""
    sections = [loc.text for loc in xml(client, "/sitemap-sections.xml").iter(f"{SITEMAP}loc")]
    assert sections == [
        "http://testserver/sections/middle-east/",
        "http://testserver/sections/world/",
    ]
    topics = [loc.text for loc in xml(client, "/sitemap-topics.xml").iter(f"{SITEMAP}loc")]
    assert topics == ["http://testserver/topics/iran/"]


def test_news_sitemap_lists_articles_of_the_last_two_days(client, newsroom):
    """The Google News sitemap names recent published stories with title, date and language."""
    urls = xml(client, "/news-sitemap.xml").findall(f"{SITEMAP}url")
    assert [u.findtext(f"{SITEMAP}loc") for u in urls] == [
        "http://testserver/articles/damascus-talks/"
    ]
    news = urls[0].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}title") == "Damascus talks"
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Newsroom"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert (
        news.findtext(f"{NEWS}publication_date")
        == newsroom.published_at.replace(microsecond=0).isoformat()
    )


def test_feeds_and_sitemaps_are_cacheable(client, newsroom):
    """Feeds and sitemaps carry public caching headers and an ETag."""
    for url in ("/feeds/rss/", "/topics/iran/atom/", "/sitemap.xml", "/news-sitemap.xml"):
        response = client.get(url)
        assert "public" in response["Cache-Control"], url
        assert response.has_header("ETag"), url


MARKUP_HEADLINE = "Nuclear talks <i>in</i> Vienna go into a second week"
MARKUP_STANDFIRST = "<script>alert('feed')</script> Talks <b>resume</b> & go on"


@pytest.fixture
def imported_markup():
    """An article imported from a seed file whose headline and standfirst hold markup."""
    from articles.importing.pipeline import import_files

    text = f"{MARKUP_HEADLINE}\n\n{MARKUP_STANDFIRST}\n\nThe talks went on all day.\n"
    [report] = import_files([("markup.txt", text.encode())])
    assert report.parsed.dek == MARKUP_STANDFIRST, report


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_feeds_send_markup_in_a_standfirst_as_text_a_feed_reader_shows(
    client, imported_markup, url
):
    """A reader parsing the feed finds the standfirst's tags as words, not elements to run."""
    root = xml(client, url)
    item = next(root.iter("item"), None) or next(root.iter(f"{ATOM}entry"))
    summary = item.find("description")
    if summary is None:
        summary = item.find(f"{ATOM}summary")
    if summary.get("type", "html") == "html":  # RSS descriptions are always HTML
        rendered = _Markup(summary.text)
        assert rendered.tags == []
        assert "".join(rendered.text) == MARKUP_STANDFIRST
    else:
        assert summary.text == MARKUP_STANDFIRST
    title = item.find("title") if item.find("title") is not None else item.find(f"{ATOM}title")
    assert title.text == MARKUP_HEADLINE
    assert title.get("type", "text") == "text"
