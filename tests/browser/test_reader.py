"""The reader's site in real Chromium: read, follow a teaser, search, browse sections (issue 4)."""

import math
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Section
from tests.factories import ArticleFactory, SectionFactory

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ce89d911b5e9762c.txt"
SEED_HEADLINE = "In Damascus, Iran's Army Chief Warns Against Israeli Incursions Into Syria"
TEASED = "Israel’s Explosive Message to Russia Sent in Syria, Received in Tel Aviv"


@pytest.fixture
def newsroom(transactional_db):
    """The seed article in Middle East, and the article its teaser names in World."""
    middle_east, world = SectionFactory(name="Middle East"), SectionFactory(name="World")
    # Written first, so that the importer links the seed's teaser to it by headline.
    ArticleFactory(
        headline=TEASED, paragraphs=("Israel's strike on a Syrian battery.",), section=world
    )
    call_command("import_seeds", str(SEED), verbosity=0)
    Article.objects.filter(source_file__endswith=SEED.name).update(section=middle_east)
    return Article.objects.get(source_file__endswith=SEED.name)


def test_reader_reads_the_seed_article_and_follows_its_teaser(page, newsroom, screenshot):
    """From the front page a reader opens the story, sees its photo caption and follows the teaser."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto("/")
    page.get_by_role("link", name=SEED_HEADLINE).click()
    assert page.locator("h1").inner_text() == SEED_HEADLINE
    caption = page.locator(".caption-line", has_text="Syrian protesters in Beirut")
    assert "Bilal Hussein / AP" in caption.text_content()
    assert page.locator("time[datetime]").first.is_visible()
    screenshot(page, "reader-article")

    page.locator(".teaser").get_by_role("link", name=TEASED).click()
    page.wait_for_url(f"**{Article.objects.get(headline=TEASED).get_absolute_url()}")
    assert page.locator("h1").inner_text() == TEASED
    assert errors == []  # nothing missing, nothing refused by the Content-Security-Policy


def test_reader_searches_for_baqeri_and_finds_the_seed_article(page, newsroom, screenshot):
    """The masthead search finds the seed article, with the word highlighted."""
    page.goto("/")
    page.get_by_role("searchbox", name="Search articles").fill("Baqeri")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Baqeri")
    result = page.get_by_role("link", name=SEED_HEADLINE)
    assert result.is_visible()
    assert page.locator("mark", has_text="Baqeri").count() >= 1
    screenshot(page, "reader-search")
    result.click()
    assert page.locator("h1").inner_text() == SEED_HEADLINE


def test_reader_switches_from_one_section_to_another(page, newsroom, screenshot):
    """The section navigation leads from Middle East to World, each listing its own stories."""
    page.goto("/")
    nav = page.get_by_role("navigation", name="Sections")
    nav.get_by_role("link", name="Middle East").click()
    assert page.locator("h1").inner_text() == "Middle East"
    assert page.get_by_role("link", name=SEED_HEADLINE).is_visible()

    nav.get_by_role("link", name="World").click()
    assert page.locator("h1").inner_text() == "World"
    assert page.get_by_role("link", name=TEASED).is_visible()
    assert page.get_by_role("link", name=SEED_HEADLINE).count() == 0
    assert nav.locator('[aria-current="page"]').inner_text() == "World"
    screenshot(page, "reader-section")


def test_front_article_search_and_section_pages_pass_axe(new_page, newsroom, axe, screenshot):
    """axe-core finds no accessibility violations on the main kinds of page."""
    page = new_page(bypass_csp=True)  # axe-core is injected as an inline script
    section = Section.objects.get(name="Middle East")
    pages = {
        "front": "/",
        "article": newsroom.get_absolute_url(),
        "search": "/search/?q=Baqeri",
        "section": f"/sections/{section.slug}/",
    }
    found = {}
    for name, url in pages.items():
        page.goto(url)
        found[name] = axe(page)
        screenshot(page, f"reader-axe-{name}")
    assert found == {name: [] for name in pages}


def test_article_reads_well_on_a_phone_without_javascript(new_page, newsroom, screenshot):
    """On a narrow screen with JavaScript off, the article fits the width and shows its body."""
    page = new_page(phone=True, java_script_enabled=False)
    page.goto(newsroom.get_absolute_url())
    assert page.locator("h1").is_visible()
    assert page.locator(".article__body p").first.is_visible()
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390
    screenshot(page, "reader-article-phone")


def test_right_to_left_article_reads_right_to_left(page, transactional_db):
    """A Hebrew article is laid out right to left."""
    article = ArticleFactory(
        headline="גשם כבד צפוי בחיפה", paragraphs=("עננים מתקבצים מעל המפרץ.",), language="he"
    )
    page.goto(article.get_absolute_url())
    direction = page.locator("article.article").evaluate("el => getComputedStyle(el).direction")
    assert direction == "rtl"


def test_printed_article_leaves_out_navigation_and_related_links(page, newsroom):
    """The print stylesheet hides the site's navigation and keeps the story."""
    page.goto(newsroom.get_absolute_url())
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Sections").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".article__body").is_visible()


def test_imported_article_tells_its_reading_time(page, newsroom):
    """The imported seed shows the minutes its body takes to read, counted when it was imported."""
    minutes = math.ceil(len(newsroom.body_text.split()) / 230)
    assert minutes > 1
    page.goto(newsroom.get_absolute_url())
    assert page.locator(".article__reading-time").inner_text() == f"{minutes} min read"


def test_reader_searches_for_a_hyphenated_name(page, transactional_db, screenshot):
    """Searching "al-Sarraj" finds the story naming him, both parts highlighted, and not one with the parts apart."""
    ArticleFactory(
        headline="Talks in Tripoli", paragraphs=("Fayez al-Sarraj met the envoy.",)
    ).refresh_derived()
    ArticleFactory(
        headline="Market report", paragraphs=("Sarraj said al fresco cafes were full.",)
    ).refresh_derived()
    page.goto("/")
    page.get_by_role("searchbox", name="Search articles").fill("al-Sarraj")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=al-Sarraj")
    assert page.get_by_role("link", name="Talks in Tripoli").is_visible()
    assert page.get_by_role("link", name="Market report").count() == 0
    excerpt = page.locator(".story-card__excerpt")
    assert [m.inner_text() for m in excerpt.locator("mark").all()] == ["al", "Sarraj"]
    screenshot(page, "reader-search-hyphenated")
