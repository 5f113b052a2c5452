"""The news front page, an author's page, Hebrew and Arabic pages and helpful searches in
real Chromium, on a desktop and a phone, with axe-core finding nothing (issue 16)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Author, FrontPagePin
from tests.factories import ArticleFactory, LargePhotoCaptionFactory, SectionFactory

WIDTHS = pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
HEBREW_HEADLINE = "סערה חזקה פוגעת בנמל חיפה"
ARABIC_HEADLINE = "عاصفة قوية تضرب ميناء المدينة"


def hours_ago(n: float):
    return timezone.now() - timedelta(hours=n)


@pytest.fixture
def news_site(transactional_db, settings, tmp_path):
    """Three sections in the editors' order, stories with photos, a pinned lead, an author
    with a bio, and a Hebrew and an Arabic story in Middle East beside English ones."""
    settings.MEDIA_ROOT = tmp_path / "media"
    world = SectionFactory(name="World", position=2)
    middle_east = SectionFactory(name="Middle East", position=1)
    business = SectionFactory(name="Business", position=3)
    body = ["The first paragraph tells the news. " * 6, "More detail follows here. " * 8]
    stories = []
    for n, section in enumerate([world, middle_east, business] * 4):
        story = ArticleFactory(
            headline=f"{section.name} story number {n} moves the markets",
            dek="A standfirst of one sentence that says what happened.",
            byline="By Rita Reporter",
            section=section,
            published_at=hours_ago(n + 2),
            paragraphs=body,
        )
        if n % 3 != 2:
            LargePhotoCaptionFactory(article=story, alt_text=f"Scene of story {n}")
        stories.append(story)
    lead = ArticleFactory(
        headline="Ceasefire agreed after all-night talks in Damascus",
        dek="Both sides agree to halt fighting from noon on Wednesday.",
        byline="By Rita Reporter and Sam Smith",
        section=world,
        published_at=hours_ago(30),
        paragraphs=body,
    )
    LargePhotoCaptionFactory(
        article=lead, alt_text="Delegates shake hands", text="Delegates after the talks."
    )
    FrontPagePin.objects.create(article=lead, position=0)
    FrontPagePin.objects.create(article=stories[4], position=1)
    Author.objects.filter(name="Rita Reporter").update(
        bio="Rita Reporter covers diplomacy and the markets from Jerusalem."
    )
    hebrew = ArticleFactory(
        headline=HEBREW_HEADLINE,
        dek="הנמל נסגר לשעות ארוכות.",
        byline="מאת דנה כהן",
        language="he",
        section=middle_east,
        published_at=hours_ago(1),
        paragraphs=["הספינות עגנו בנמל חיפה כל הלילה. " * 170],
    )
    arabic = ArticleFactory(
        headline=ARABIC_HEADLINE,
        dek="أغلق الميناء لساعات طويلة.",
        byline="بقلم سامي علي",
        language="ar",
        section=middle_east,
        published_at=hours_ago(1.5),
        paragraphs=["رست السفن في المدينة طوال الليل. " * 170],
    )
    return {"lead": lead, "hebrew": hebrew, "arabic": arabic, "middle_east": middle_east}


def load_every_image(page) -> None:
    """Scroll through the page so that lazy images load, then back to the top."""
    page.evaluate(
        "async () => { for (let y = 0; y < document.body.scrollHeight; y += 500) {"
        " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); } window.scrollTo(0, 0); }"
    )
    page.wait_for_function("[...document.images].every(i => i.complete)")


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def looks_right(page, name: str, screenshot, axe) -> None:
    """What every news page must do: fit its width, be saved for review, pass axe-core."""
    assert fits_the_width(page)
    screenshot(page, name)
    assert axe(page) == []


# The horizontal middle of where `text` is drawn inside the first element matching `selector`.
TEXT_X = """([selector, text]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const box = range.getBoundingClientRect();
    return box.left + box.width / 2;
  }
  return null;
}"""


def x_of(page, selector: str, text: str) -> float:
    found = page.evaluate(TEXT_X, [selector, text])
    assert found is not None, f"{text!r} not in {selector}"
    return found


@WIDTHS
def test_front_page_shows_the_pinned_lead_with_its_photo_and_the_section_blocks(
    new_page, news_site, axe, screenshot, phone
):
    """The editor's lead leads with its photo, top stories have thumbnails, sections follow in order."""
    page = new_page(phone=phone, bypass_csp=True)
    page.goto("/")
    lead = page.locator(".story-card--lead")
    assert lead.get_by_role("heading", name=news_site["lead"].headline).is_visible()
    lead_photo = lead.locator("img")
    assert lead_photo.get_attribute("alt") == "Delegates shake hands"
    assert lead_photo.evaluate("img => img.complete && img.naturalWidth > 0")
    assert lead_photo.bounding_box()["width"] > (300 if phone else 600)
    assert page.locator(".front-top__stories .story-card__photo img").count() >= 2
    assert page.locator(".section-block__name").all_inner_texts() == [
        "MIDDLE EAST",
        "WORLD",
        "BUSINESS",
    ]
    assert page.locator(".site-nav li").all_inner_texts()[1:] == [
        "Middle East",
        "World",
        "Business",
    ]
    load_every_image(page)
    assert page.evaluate("[...document.images].every(i => i.naturalWidth > 0)")
    looks_right(page, f"news-front-{'phone' if phone else 'desktop'}", screenshot, axe)


@WIDTHS
def test_author_page_shows_the_bio_and_the_authors_stories(
    new_page, news_site, axe, screenshot, phone
):
    """From the lead story's byline a reader reaches the author's page, with bio and stories."""
    page = new_page(phone=phone, bypass_csp=True)
    page.goto(news_site["lead"].get_absolute_url())
    page.locator(".article__byline").get_by_role("link", name="Rita Reporter").click()
    page.wait_for_url("**/authors/rita-reporter/")
    assert page.locator("h1").inner_text() == "Rita Reporter"
    assert "covers diplomacy" in page.locator(".author-card__bio").inner_text()
    assert page.locator(".story-card").count() >= 10
    looks_right(page, f"news-author-{'phone' if phone else 'desktop'}", screenshot, axe)


@WIDTHS
@pytest.mark.parametrize(
    ("language", "published", "minutes", "minute_word"),
    [("hebrew", "פורסם", "5", "דקות"), ("arabic", "نُشر", "5", "دقائق")],
)
def test_a_right_to_left_article_reads_in_its_language_and_order(
    new_page, news_site, axe, screenshot, phone, language, published, minutes, minute_word
):
    """Labels are in the article's language; the day stands right of its month and the
    number of minutes right of "minutes", as right-to-left readers read them."""
    article = news_site[language]
    page = new_page(phone=phone, bypass_csp=True)
    page.goto(article.get_absolute_url())
    meta = page.locator(".article__meta")
    assert published in meta.inner_text()
    assert "min read" not in meta.inner_text() and "Published" not in meta.inner_text()
    day = str(article.published_at.day)
    month = "ב" if language == "hebrew" else timezone.localtime(article.published_at).strftime("%Y")
    assert x_of(page, ".article__published", day) > x_of(page, ".article__published", month)
    assert x_of(page, ".article__reading-time", minutes) > x_of(
        page, ".article__reading-time", minute_word
    )
    assert page.locator("article.article").evaluate("a => getComputedStyle(a).direction") == "rtl"
    looks_right(page, f"news-{language}-article-{'phone' if phone else 'desktop'}", screenshot, axe)


@WIDTHS
def test_a_list_mixing_languages_shows_each_entry_in_its_own(
    new_page, news_site, axe, screenshot, phone
):
    """On the section page the Hebrew and Arabic entries run right to left, the English left to right."""
    page = new_page(phone=phone, bypass_csp=True)
    page.goto(f"/sections/{news_site['middle_east'].slug}/")
    hebrew = page.locator(".story-card", has_text=HEBREW_HEADLINE)
    arabic = page.locator(".story-card", has_text=ARABIC_HEADLINE)
    english = page.locator(".story-card", has_text="story number 1 moves")
    for card, direction in ((hebrew, "rtl"), (arabic, "rtl"), (english, "ltr")):
        assert card.evaluate("c => getComputedStyle(c).direction") == direction
    assert (
        "בדצמבר" in hebrew.locator("time").inner_text()
        or "בנובמבר" in hebrew.locator("time").inner_text()
    )
    assert "UTC" in english.locator("time").inner_text()
    headline_box = hebrew.locator("h2").bounding_box()
    english_box = english.locator("h2").bounding_box()
    # Right-to-left headlines end at the right edge, English ones start at the left.
    assert headline_box["x"] + headline_box["width"] > english_box["x"] + english_box["width"] - 2
    screenshot(page, f"news-mixed-list-{'phone' if phone else 'desktop'}")
    assert axe(page) == []


@WIDTHS
def test_searches_find_prefixed_hebrew_and_help_when_nothing_matches(
    new_page, news_site, axe, screenshot, phone
):
    """נמל finds בנמל; a misspelling offers the right word; a hopeless word can be left out."""
    page = new_page(phone=phone, bypass_csp=True)
    size = "phone" if phone else "desktop"
    page.goto("/search/?q=נמל")
    assert page.get_by_role("link", name=HEBREW_HEADLINE).is_visible()
    assert page.locator("mark", has_text="בנמל").count() >= 1
    screenshot(page, f"news-search-hebrew-{size}")
    assert axe(page) == []

    page.goto("/search/?q=Damscus")
    page.locator(".search-help").get_by_role("link", name="damascus").click()
    page.wait_for_url("**/search/?q=damascus")
    assert page.get_by_role("link", name=news_site["lead"].headline).is_visible()

    page.goto("/search/?q=ceasefire+zebra")
    help_text = page.locator(".search-help").inner_text()
    assert "without “zebra”" in help_text
    screenshot(page, f"news-search-help-{size}")
    assert axe(page) == []
    page.locator(".search-help").get_by_role("link", name="ceasefire").click()
    assert page.get_by_role("link", name=news_site["lead"].headline).is_visible()
