"""The article page: what it shows, in what order, and what its head tells machines."""

import json
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Article, Block, Note
from articles.reader.views import render_article
from tests.conftest import make_caption, make_section, make_teaser, make_topic

pytestmark = pytest.mark.django_db

# A 1×1 transparent GIF: enough for an ImageField.
TINY_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "the page has no JSON-LD"
    return json.loads(match.group(1))


def test_article_page_shows_headline_standfirst_byline_and_section(client, article_factory):
    """The header names the story, sums it up, says who wrote it and where it belongs."""
    world = make_section("Middle East")
    article = article_factory(
        "Talks resume in Vienna", dek="Negotiators meet again.", byline="Dana Levi", section=world
    )
    html = page(client, article)
    assert html.count("<h1") == 1
    assert "Talks resume in Vienna</h1>" in html
    assert "Negotiators meet again." in html
    assert "Dana Levi" in html
    assert 'href="/sections/middle-east/">Middle East</a>' in html


def test_article_page_shows_published_and_updated_times_as_time_elements(client, article_factory):
    """Readers see when the story was published and, later, when it was updated."""
    published = timezone.now() - timedelta(days=1)
    article = article_factory(published_at=published, updated_at=published + timedelta(hours=5))
    html = page(client, article)
    assert re.search(r'Published <bdi><time class="article__published" datetime="[^"]+">', html)
    assert re.search(r'Updated <bdi><time class="article__updated" datetime="[^"]+">', html)


def test_article_page_hides_updated_time_when_nothing_changed(client, article_factory):
    """An article never updated shows only its publication time."""
    html = page(client, article_factory())
    assert "article__updated" not in html


def test_article_page_shows_reading_time(client, article_factory):
    """A long article tells readers how many minutes it takes."""
    article = article_factory(paragraphs=("word " * 700,))
    article.refresh_derived()
    assert "4 min read" in page(client, article)


def test_body_blocks_keep_their_order(client, article_factory):
    """Paragraphs, captions and teasers appear in the order the article was written."""
    article = article_factory(paragraphs=("First words.",))
    make_caption(article, "Crowds in the square.", credit="Jane Roe / AP")
    make_teaser(article, "An earlier report")
    Block.objects.create(article=article, position=3, kind="paragraph", text="Last words.")
    html = page(client, article)
    positions = [
        html.index(text)
        for text in ("First words.", "Crowds in the square.", "An earlier report", "Last words.")
    ]
    assert positions == sorted(positions)


def test_photo_is_a_figure_with_its_caption_and_credit(client, article_factory):
    """A photo sits in a figure whose caption holds the caption text and the credit."""
    article = article_factory()
    make_caption(
        article,
        "Protesters in Beirut.",
        credit="Bilal Hussein / AP",
        photo=SimpleUploadedFile("beirut.gif", TINY_GIF, content_type="image/gif"),
        alt_text="A crowd holding flags",
    )
    html = page(client, article)
    figure = re.search(r"<figure.*?</figure>", html, re.S).group(0)
    assert '<img src="/media/photos/' in figure
    assert 'alt="A crowd holding flags"' in figure
    assert 'width="1" height="1"' in figure and 'loading="lazy"' in figure  # no jump while loading
    assert re.search(
        r"<figcaption>Protesters in Beirut\..*Bilal Hussein / AP.*</figcaption>", figure
    )


def test_caption_without_photo_reads_as_a_caption_line_in_the_story(client, article_factory):
    """A caption with no photo is a caption line in the text, never an empty picture frame."""
    article = article_factory()
    make_caption(article, "Syrian protesters in Beirut.", credit="Bilal Hussein / AP")
    html = page(client, article)
    assert re.search(
        r'<p class="caption-line"><span class="caption-line__text">Syrian protesters in Beirut\.'
        r'</span> <span class="figure__credit">Bilal Hussein / AP</span></p>',
        html,
    )
    assert "<figure" not in html and "<img" not in html


def test_teaser_is_a_marked_link_to_the_published_article_it_names(client, article_factory):
    """A teaser reads as a related link and leads to the article it names."""
    target = article_factory("Israel's explosive message to Russia")
    article = article_factory("Main story")
    make_teaser(article, "Israel's explosive message to Russia", link_article=target)
    html = page(client, article)
    assert re.search(
        r'<p class="teaser"><span class="teaser__label">Related:</span> '
        rf'<a class="teaser__link" href="{target.get_absolute_url()}">',
        html,
    )


def test_teaser_never_links_to_an_unpublished_article(client, article_factory):
    """A teaser naming a draft reads as a plain related line, without the draft's address."""
    draft = article_factory("Secret follow-up", status=Article.Status.DRAFT)
    article = article_factory("Main story")
    make_teaser(article, "Secret follow-up", link_article=draft)
    html = page(client, article)
    assert draft.get_absolute_url() not in html
    assert '<span class="teaser__text">Secret follow-up</span>' in html


def test_furniture_is_hidden_from_readers(client, article_factory):
    """Page furniture kept from the source (share buttons and the like) is not shown."""
    article = article_factory()
    Block.objects.create(article=article, position=5, kind="furniture", text="Share on Facebook")
    assert "Share on Facebook" not in page(client, article)


def test_topics_are_listed_at_the_end_as_links(client, article_factory):
    """The article's topics come after the body, each linking to its page."""
    article = article_factory(paragraphs=("The body.",))
    article.topics.add(make_topic("Iran"), make_topic("Syria"))
    html = page(client, article)
    assert html.index("The body.") < html.index('href="/topics/iran/" rel="tag">Iran</a>')
    assert 'href="/topics/syria/" rel="tag">Syria</a>' in html


def test_related_articles_share_topics_with_the_article(client, article_factory):
    """Below the article, readers find other stories on the same topics."""
    iran = make_topic("Iran")
    article = article_factory("Army chief visits Damascus")
    article.topics.add(iran)
    sibling = article_factory("Sanctions tightened")
    sibling.topics.add(iran)
    article_factory("Football results")
    html = page(client, article)
    related = html[html.index("More to read") :]
    assert "Sanctions tightened" in related
    assert "Football results" not in related


def test_related_articles_include_articles_of_similar_text(client, article_factory):
    """Without shared topics, stories about the same things are suggested."""
    article = article_factory("Baqeri warns Israel over Syria", dek="Iran's army chief in Damascus")
    article_factory("Baqeri meets Assad in Damascus")
    article_factory("Cheese prices rise in France")
    html = page(client, article)
    related = html[html.index("More to read") :]
    assert "Baqeri meets Assad in Damascus" in related
    assert "Cheese prices" not in related


def test_related_articles_never_include_drafts_or_scheduled_articles(client, article_factory):
    """Only published stories are suggested."""
    iran = make_topic("Iran")
    article = article_factory("Iran story")
    article.topics.add(iran)
    for other in (
        article_factory("Iran draft", status=Article.Status.DRAFT),
        article_factory("Iran tomorrow", published_at=timezone.now() + timedelta(days=1)),
        article_factory("Iran withdrawn", status=Article.Status.UNPUBLISHED),
    ):
        other.topics.add(iran)
    html = page(client, article)
    assert "More to read" not in html
    assert "draft" not in html and "tomorrow" not in html and "withdrawn" not in html


def test_notes_are_shown_as_dated_corrections_and_updates(client, article_factory):
    """Corrections and updates appear at the foot of the article with their dates."""
    article = article_factory()
    Note.objects.create(
        article=article, kind="correction", text="An earlier version misspelled Baqeri."
    )
    Note.objects.create(article=article, kind="update", text="Added the Kremlin's statement.")
    html = page(client, article)
    assert "Corrections and updates" in html
    assert re.search(
        r'<strong class="note__kind">Correction</strong> <bdi><time datetime="[^"]+">[^<]+</time></bdi>: '
        r"An earlier version misspelled Baqeri\.",
        html,
    )
    assert "Added the Kremlin&#x27;s statement." in html


def test_article_and_its_text_direction_follow_its_language(client, article_factory):
    """A Hebrew article is marked as Hebrew and reads right to left."""
    article = article_factory("גשם בחיפה", language="he")
    html = page(client, article)
    assert '<article class="article" lang="he" dir="rtl">' in html


def test_head_has_canonical_link_and_description_from_the_standfirst(client, article_factory):
    """Search engines get the article's one address and its standfirst as the summary."""
    article = article_factory("Rain in Haifa", dek="Clouds gather over the bay.")
    make_caption(article, "A caption that must not become the description.")
    html = page(client, article)
    assert '<link rel="canonical" href="http://testserver/articles/rain-in-haifa/">' in html
    assert '<meta name="description" content="Clouds gather over the bay.">' in html
    assert 'content="A caption that must not' not in html


def test_head_has_opengraph_and_twitter_card_tags(client, article_factory):
    """Shared links show the headline, the standfirst and the address."""
    article = article_factory("Rain in Haifa", dek="Clouds gather.", section=make_section())
    html = page(client, article)
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Rain in Haifa">' in html
    assert '<meta property="og:description" content="Clouds gather.">' in html
    assert '<meta property="og:url" content="http://testserver/articles/rain-in-haifa/">' in html
    assert '<meta property="article:section" content="World">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<meta name="twitter:title" content="Rain in Haifa">' in html


def test_head_shares_the_photo_when_there_is_one(client, article_factory):
    """With a photo, shared links show it as a large card."""
    article = article_factory()
    make_caption(article, photo=SimpleUploadedFile("p.gif", TINY_GIF, content_type="image/gif"))
    html = page(client, article)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/photos/', html)


def test_json_ld_describes_a_news_article(client, article_factory):
    """Machines read the headline, dates, author, section and image of the article."""
    article = article_factory(
        "Rain in Haifa", dek="Clouds gather.", byline="Dana Levi", section=make_section("Israel")
    )
    make_caption(article, photo=SimpleUploadedFile("p.gif", TINY_GIF, content_type="image/gif"))
    data = json_ld(page(client, article))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Rain in Haifa"
    assert data["description"] == "Clouds gather."
    assert data["author"] == [
        {"@type": "Person", "name": "Dana Levi", "url": "http://testserver/authors/dana-levi/"}
    ]
    assert data["articleSection"] == "Israel"
    assert data["datePublished"]
    assert data["image"][0].startswith("http://testserver/media/photos/")


def test_json_ld_date_modified_is_the_updated_time_on_the_page(client, article_factory):
    """The modification date machines read is the "Updated" time readers see."""
    published = timezone.now() - timedelta(days=1)
    article = article_factory(published_at=published)
    Note.objects.create(article=article, kind="update", text="New figures.")
    html = page(client, article)
    shown = re.search(r'<time class="article__updated" datetime="([^"]+)"', html).group(1)
    assert json_ld(html)["dateModified"] == shown


def test_json_ld_date_modified_is_the_publication_time_when_never_updated(client, article_factory):
    """An article never updated was last modified when it was published."""
    html = page(client, article_factory())
    shown = re.search(r'<time class="article__published" datetime="([^"]+)"', html).group(1)
    assert json_ld(html)["dateModified"] == shown == json_ld(html)["datePublished"]


def test_json_ld_cannot_break_out_of_its_script_element(client, article_factory):
    """A headline containing markup stays inside the JSON-LD data."""
    html = page(client, article_factory("</script><script>alert(1)</script>"))
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script>"


def test_article_page_has_no_scripts_or_inline_styles(client, article_factory):
    """The page works without JavaScript and will pass a strict Content-Security-Policy."""
    article = article_factory()
    make_caption(article)
    html = page(client, article)
    assert re.findall(r"<script(?![^>]*application/ld\+json)", html) == []
    assert "style=" not in html and "<style" not in html


def test_article_page_costs_at_most_four_queries(
    client, article_factory, django_assert_max_num_queries
):
    """However many blocks, topics and notes, the page needs the same few queries."""
    article = article_factory(paragraphs=tuple(f"Paragraph {i}." for i in range(30)))
    for i in range(10):
        make_caption(article, f"Caption {i}", credit="AP")
        make_teaser(article, f"Teaser {i}", link_article=article_factory(f"Target {i}"))
        article.topics.add(make_topic(f"Topic {i}"))
        Note.objects.create(article=article, text=f"Note {i}")
    make_section("World")
    with django_assert_max_num_queries(4):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_preview_shows_a_banner_and_is_never_cached(rf, article_factory):
    """Editors previewing a draft see it is not published, and no cache keeps the page."""
    draft = article_factory("Draft story", status=Article.Status.DRAFT)
    response = render_article(rf.get("/admin/preview/"), draft, preview=True)
    html = response.content.decode()
    assert "Preview — not published" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_published_article_page_has_no_preview_banner(client, article_factory):
    """Readers never see the preview banner."""
    assert "Preview — not published" not in page(client, article_factory())
