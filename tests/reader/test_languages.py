"""Articles in their own language: labels, dates and reading times (issue 16)."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from articles.models import Block
from tests.factories import ArticleFactory, BlockFactory, SectionFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2026, 11, 30, 14, 54, tzinfo=UTC)


def article_html(client, article) -> str:
    html = client.get(article.get_absolute_url()).content.decode()
    return html[html.index("<article") : html.index("</article>")]


def card_for(html: str, headline: str) -> str:
    """The story card in a list that carries this headline."""
    end = html.index(headline)
    return html[html.rindex("<article", 0, end) : html.index("</article>", end)]


def test_a_hebrew_article_shows_its_labels_date_and_reading_time_in_hebrew(client):
    """A Hebrew page says פורסם, names the month in Hebrew and gives its reading time in Hebrew."""
    article = ArticleFactory(
        headline="סערה בנמל חיפה",
        language="he",
        published_at=PUBLISHED,
        paragraphs=["מילה " * 1000],
    )
    BlockFactory(article=article, kind=Block.Kind.TEASER, text="כותרת אחרת")
    html = article_html(client, article)
    assert 'lang="he" dir="rtl"' in html
    assert "פורסם" in html and "Published" not in html
    assert "30 בנובמבר 2026, 14:54 UTC" in html
    assert "5 דקות קריאה" in html and "min read" not in html
    assert "עוד בנושא" in html and "Related" not in html


def test_an_arabic_article_shows_its_labels_date_and_reading_time_in_arabic(client):
    """An Arabic page says نُشر, names the month in Arabic and counts minutes in Arabic."""
    article = ArticleFactory(
        headline="عاصفة في الميناء",
        language="ar",
        published_at=PUBLISHED,
        paragraphs=["كلمة " * 1000],
    )
    html = article_html(client, article)
    assert 'lang="ar" dir="rtl"' in html
    assert "نُشر" in html and "Published" not in html
    assert "30 نوفمبر 2026، 14:54 UTC" in html
    assert "5 دقائق قراءة" in html and "min read" not in html


def test_dates_on_an_rtl_page_are_isolated_so_their_parts_keep_their_order(client):
    """Each shown time sits in <bdi>, so "30 November 2026, 14:54" never reorders in an RTL line."""
    article = ArticleFactory(headline="סערה", language="he", published_at=PUBLISHED)
    html = article_html(client, article)
    assert re.search(
        r"<bdi><time class=\"article__published\"[^>]*>30 בנובמבר 2026, 14:54 UTC</time></bdi>",
        html,
    )


def test_an_english_article_keeps_english_labels_with_the_time_zone(client):
    """The site's own language is unchanged: Published, the date with its zone, 1 min read."""
    html = article_html(client, ArticleFactory(published_at=PUBLISHED))
    assert "Published" in html and "30 November 2026, 14:54 UTC" in html
    assert "1 min read" in html


def test_an_article_in_a_language_without_a_translation_uses_the_sites_language(client):
    """A French article gets the site's English labels and dates rather than a half translation."""
    html = article_html(client, ArticleFactory(language="fr", published_at=PUBLISHED))
    assert 'lang="fr"' in html
    assert "Published" in html and "30 November 2026" in html


def test_times_show_the_sites_time_zone(client, settings):
    """With the site in Jerusalem time, readers see the local hour and its zone."""
    settings.TIME_ZONE = "Asia/Jerusalem"
    html = article_html(client, ArticleFactory(published_at=PUBLISHED))
    assert "30 November 2026, 16:54 IST" in html


def test_a_list_that_mixes_languages_shows_each_entry_in_its_own(client):
    """On a section page each card's date is in its article's language and direction."""
    section = SectionFactory(name="Middle East")
    ArticleFactory(headline="סערה בנמל", language="he", section=section, published_at=PUBLISHED)
    ArticleFactory(
        headline="عاصفة في الميناء",
        language="ar",
        section=section,
        published_at=PUBLISHED - timedelta(hours=1),
    )
    ArticleFactory(
        headline="Storm at the port", section=section, published_at=PUBLISHED - timedelta(hours=2)
    )
    html = client.get("/sections/middle-east/").content.decode()
    hebrew, arabic, english = (
        card_for(html, h) for h in ("סערה בנמל", "عاصفة في الميناء", "Storm at the port")
    )
    assert 'lang="he" dir="rtl"' in hebrew and "30 בנובמבר 2026, 14:54 UTC" in hebrew
    assert 'lang="ar" dir="rtl"' in arabic and "30 نوفمبر 2026، 13:54 UTC" in arabic
    assert 'lang="en" dir="ltr"' in english and "30 November 2026, 12:54 UTC" in english
    assert "Section" in html  # the page's own labels stay in the site's language


def test_more_to_read_under_a_hebrew_article_is_headed_in_hebrew(client):
    """The related articles' heading speaks the article's language."""
    article = ArticleFactory(headline="סערה בנמל חיפה", language="he")
    ArticleFactory(headline="נמל חיפה נסגר", language="he")
    html = client.get(article.get_absolute_url()).content.decode()
    related = html[html.index('class="related"') :]
    assert "עוד לקריאה" in related and "More to read" not in related
