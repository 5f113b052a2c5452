"""The article page: what it shows, in what order, and what its head tells machines."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Block, Note
from articles.reader.views import render_article
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def related_part(html: str) -> str:
    """The page from its "More to read" block on."""
    return html[html.index("More to read") :]


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "the page has no JSON-LD"
    return json.loads(match.group(1))


def test_article_page_shows_headline_standfirst_byline_and_section(client):
    """The header names the story, sums it up, says who wrote it and where it belongs."""
    world = factories.SectionFactory(name="Middle East")
    article = factories.ArticleFactory(
        headline="Talks resume in Vienna",
        dek="Negotiators meet again.",
        byline="Dana Levi",
        section=world,
    )
    html = page(client, article)
    assert html.count("<h1") == 1
    assert "Talks resume in Vienna</h1>" in html
    assert "Negotiators meet again." in html
    assert "Dana Levi" in html
    assert 'href="/sections/middle-east/">Middle East</a>' in html


def test_article_page_shows_published_and_updated_times_as_time_elements(client):
    """Readers see when the story was published and, later, when it was updated."""
    published = timezone.now() - timedelta(days=1)
    article = factories.ArticleFactory(
        published_at=published, updated_at=published + timedelta(hours=5)
    )
    html = page(client, article)
    assert re.search(r'Published <bdi><time class="article__published" datetime="[^"]+">', html)
    assert re.search(r'Updated <bdi><time class="article__updated" datetime="[^"]+">', html)


def test_article_page_hides_updated_time_when_nothing_changed(client):
    """An article never updated shows only its publication time."""
    html = page(client, factories.ArticleFactory())
    assert "article__updated" not in html


def test_article_page_shows_reading_time(client):
    """A long article tells readers how many minutes it takes."""
    article = factories.ArticleFactory(paragraphs=("word " * 700,))
    article.refresh_derived()
    assert "4 min read" in page(client, article)


def test_body_blocks_keep_their_order(client):
    """Paragraphs, captions and teasers appear in the order the article was written."""
    article = factories.ArticleFactory(paragraphs=("First words.",))
    factories.CaptionFactory(article=article, text="Crowds in the square.", credit="Jane Roe / AP")
    factories.TeaserFactory(article=article, text="An earlier report")
    Block.objects.create(article=article, position=3, kind="paragraph", text="Last words.")
    html = page(client, article)
    positions = [
        html.index(text)
        for text in ("First words.", "Crowds in the square.", "An earlier report", "Last words.")
    ]
    assert positions == sorted(positions)


def test_photo_is_a_figure_with_its_caption_and_credit(client):
    """A photo sits in a figure whose caption holds the caption text and the credit."""
    article = factories.ArticleFactory()
    factories.PhotoCaptionFactory(article=article)
    html = page(client, article)
    figure = re.search(r"<figure.*?</figure>", html, re.S).group(0)
    assert '<img src="/media/photos/' in figure
    assert 'alt="A crowd holding flags"' in figure
    assert 'width="1" height="1"' in figure and 'loading="lazy"' in figure  # no jump while loading
    assert re.search(
        r"<figcaption>Protesters in Beirut\..*Bilal Hussein / AP.*</figcaption>", figure
    )


def test_caption_without_photo_reads_as_a_caption_line_in_the_story(client):
    """A caption with no photo is a caption line in the text, never an empty picture frame."""
    article = factories.ArticleFactory()
    factories.CaptionFactory(
        article=article, text="Syrian protesters in Beirut.", credit="Bilal Hussein / AP"
    )
    html = page(client, article)
    assert re.search(
        r'<p class="caption-line"><span class="caption-line__text">Syrian protesters in Beirut\.'
        r'</span> <span class="figure__credit">Bilal Hussein / AP</span></p>',
        html,
    )
    assert "<figure" not in html and "<img" not in html


def test_teaser_is_a_marked_link_to_the_published_article_it_names(client):
    """A teaser reads as a related link and leads to the article it names."""
    target = factories.ArticleFactory(headline="Israel's explosive message to Russia")
    article = factories.ArticleFactory(headline="Main story")
    factories.TeaserFactory(
        article=article, text="Israel's explosive message to Russia", link_article=target
    )
    html = page(client, article)
    assert re.search(
        r'<p class="teaser"><span class="teaser__label">Related:</span> '
        rf'<a class="teaser__link" href="{target.get_absolute_url()}">',
        html,
    )


def test_teaser_never_links_to_an_unpublished_article(client):
    """A teaser naming a draft reads as a plain related line, without the draft's address."""
    draft = factories.ArticleFactory(headline="Secret follow-up", status=Article.Status.DRAFT)
    article = factories.ArticleFactory(headline="Main story")
    factories.TeaserFactory(article=article, text="Secret follow-up", link_article=draft)
    html = page(client, article)
    assert draft.get_absolute_url() not in html
    assert '<span class="teaser__text">Secret follow-up</span>' in html


def test_furniture_is_hidden_from_readers(client):
    """Page furniture kept from the source (share buttons and the like) is not shown."""
    article = factories.ArticleFactory()
    Block.objects.create(article=article, position=5, kind="furniture", text="Share on Facebook")
    assert "Share on Facebook" not in page(client, article)


def test_topics_are_listed_at_the_end_as_links(client):
    """The article's topics come after the body, each linking to its page."""
    article = factories.ArticleFactory(paragraphs=("The body.",))
    article.topics.add(factories.TopicFactory(name="Iran"), factories.TopicFactory(name="Syria"))
    html = page(client, article)
    assert html.index("The body.") < html.index('href="/topics/iran/" rel="tag">Iran</a>')
    assert 'href="/topics/syria/" rel="tag">Syria</a>' in html


def test_related_articles_share_topics_with_the_article(client):
    """Below the article, readers find other stories on the same topics."""
    iran = factories.TopicFactory(name="Iran")
    article = factories.ArticleFactory(headline="Army chief visits Damascus")
    article.topics.add(iran)
    sibling = factories.ArticleFactory(headline="Sanctions tightened")
    sibling.topics.add(iran)
    factories.ArticleFactory(headline="Football results")
    related = related_part(page(client, article))
    assert "Sanctions tightened" in related
    assert "Football results" not in related


def test_related_articles_include_articles_of_similar_text(client):
    """Without shared topics, stories about the same things are suggested."""
    article = factories.ArticleFactory(
        headline="Baqeri warns Israel over Syria", dek="Iran's army chief in Damascus"
    )
    factories.ArticleFactory(headline="Baqeri meets Assad in Damascus")
    factories.ArticleFactory(headline="Cheese prices rise in France")
    related = related_part(page(client, article))
    assert "Baqeri meets Assad in Damascus" in related
    assert "Cheese prices" not in related


def test_related_articles_never_include_drafts_or_scheduled_articles(client):
    """Only published stories are suggested."""
    iran = factories.TopicFactory(name="Iran")
    article = factories.ArticleFactory(headline="Iran story")
    article.topics.add(iran)
    for other in (
        factories.ArticleFactory(headline="Iran draft", status=Article.Status.DRAFT),
        factories.ArticleFactory(
            headline="Iran tomorrow", published_at=timezone.now() + timedelta(days=1)
        ),
        factories.ArticleFactory(headline="Iran withdrawn", status=Article.Status.UNPUBLISHED),
    ):
        other.topics.add(iran)
    html = page(client, article)
    assert "More to read" not in html
    assert "draft" not in html and "tomorrow" not in html and "withdrawn" not in html


def test_notes_are_shown_as_dated_corrections_and_updates(client):
    """Corrections and updates appear at the foot of the article with their dates."""
    article = factories.ArticleFactory()
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


def test_article_and_its_text_direction_follow_its_language(client):
    """A Hebrew article is marked as Hebrew and reads right to left."""
    article = factories.ArticleFactory(headline="גשם בחיפה", language="he")
    html = page(client, article)
    assert '<article class="article" lang="he" dir="rtl">' in html


def test_head_has_canonical_link_and_description_from_the_standfirst(client):
    """Search engines get the article's one address and its standfirst as the summary."""
    article = factories.ArticleFactory(headline="Rain in Haifa", dek="Clouds gather over the bay.")
    factories.CaptionFactory(
        article=article, text="A caption that must not become the description."
    )
    html = page(client, article)
    assert '<link rel="canonical" href="http://testserver/articles/rain-in-haifa/">' in html
    assert '<meta name="description" content="Clouds gather over the bay.">' in html
    assert 'content="A caption that must not' not in html


def test_head_has_opengraph_and_twitter_card_tags(client):
    """Shared links show the headline, the standfirst and the address."""
    article = factories.ArticleFactory(
        headline="Rain in Haifa",
        dek="Clouds gather.",
        section=factories.SectionFactory(name="World"),
    )
    html = page(client, article)
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Rain in Haifa">' in html
    assert '<meta property="og:description" content="Clouds gather.">' in html
    assert '<meta property="og:url" content="http://testserver/articles/rain-in-haifa/">' in html
    assert '<meta property="article:section" content="World">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<meta name="twitter:title" content="Rain in Haifa">' in html


def test_head_shares_the_photo_when_there_is_one(client):
    """With a photo, shared links show it as a large card."""
    article = factories.ArticleFactory()
    factories.CaptionFactory(article=article, photo=factories.tiny_photo("p.gif"))
    html = page(client, article)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/photos/', html)


def test_json_ld_describes_a_news_article(client):
    """Machines read the headline, dates, author, section and image of the article."""
    article = factories.ArticleFactory(
        headline="Rain in Haifa",
        dek="Clouds gather.",
        byline="Dana Levi",
        section=factories.SectionFactory(name="Israel"),
    )
    factories.CaptionFactory(article=article, photo=factories.tiny_photo("p.gif"))
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


def test_json_ld_date_modified_is_the_updated_time_on_the_page(client):
    """The modification date machines read is the "Updated" time readers see."""
    published = timezone.now() - timedelta(days=1)
    article = factories.ArticleFactory(published_at=published)
    Note.objects.create(article=article, kind="update", text="New figures.")
    html = page(client, article)
    shown = re.search(r'<time class="article__updated" datetime="([^"]+)"', html).group(1)
    assert json_ld(html)["dateModified"] == shown


def test_json_ld_date_modified_is_the_publication_time_when_never_updated(client):
    """An article never updated was last modified when it was published."""
    html = page(client, factories.ArticleFactory())
    shown = re.search(r'<time class="article__published" datetime="([^"]+)"', html).group(1)
    assert json_ld(html)["dateModified"] == shown == json_ld(html)["datePublished"]


def test_json_ld_cannot_break_out_of_its_script_element(client):
    """A headline containing markup stays inside the JSON-LD data."""
    html = page(client, factories.ArticleFactory(headline="</script><script>alert(1)</script>"))
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script>"


def test_article_page_has_no_scripts_or_inline_styles(client):
    """The page works without JavaScript and will pass a strict Content-Security-Policy."""
    article = factories.ArticleFactory()
    factories.CaptionFactory(article=article)
    html = page(client, article)
    assert re.findall(r"<script(?![^>]*application/ld\+json)", html) == []
    assert "style=" not in html and "<style" not in html


def test_article_page_costs_at_most_four_queries(client, django_assert_max_num_queries):
    """However many blocks, topics and notes, the page needs the same few queries."""
    article = factories.ArticleFactory(paragraphs=tuple(f"Paragraph {i}." for i in range(30)))
    for i in range(10):
        factories.CaptionFactory(article=article, text=f"Caption {i}", credit="AP")
        factories.TeaserFactory(
            article=article,
            text=f"Teaser {i}",
            link_article=factories.ArticleFactory(headline=f"Target {i}"),
        )
        article.topics.add(factories.TopicFactory(name=f"Topic {i}"))
        Note.objects.create(article=article, text=f"Note {i}")
    factories.SectionFactory(name="World")
    with django_assert_max_num_queries(4):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_preview_shows_a_banner_and_is_never_cached(rf):
    """Editors previewing a draft see it is not published, and no cache keeps the page."""
    draft = factories.ArticleFactory(headline="Draft story", status=Article.Status.DRAFT)
    response = render_article(rf.get("/admin/preview/"), draft, preview=True)
    html = response.content.decode()
    assert "Preview — not published" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_published_article_page_has_no_preview_banner(client):
    """Readers never see the preview banner."""
    assert "Preview — not published" not in page(client, factories.ArticleFactory())
