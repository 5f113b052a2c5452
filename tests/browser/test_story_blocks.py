"""An article with every new kind of block in real Chromium (issue 14): nothing refused by
the strict CSP, nothing axe-core objects to, the phone's width kept, and in Hebrew the
quote's rule and the lists' indent on the right."""

import pytest

from tests.browser.test_news_pages import fits_the_width
from tests.factories import ArticleFactory, every_kind_of_block

WIDTHS = pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])


@pytest.fixture
def stories(transactional_db):
    english = ArticleFactory(
        headline="Council approves the bridge", paragraphs=("The council met.",)
    )
    hebrew = ArticleFactory(
        headline="המועצה אישרה את הגשר", language="he", paragraphs=("המועצה התכנסה בערב.",)
    )
    for article in (english, hebrew):
        every_kind_of_block(article)
    return {"english": english, "hebrew": hebrew}


@WIDTHS
def test_every_kind_of_block_loads_under_the_csp_and_passes_axe(
    new_page, stories, axe, screenshot, phone
):
    strict = new_page(phone=phone)
    problems: list[str] = []
    strict.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    strict.goto(stories["english"].get_absolute_url())
    assert strict.locator(".article__body h2").inner_text() == "What happens next"
    assert strict.locator(".embed-card__title").inner_text() == "The council's report"
    assert problems == []

    page = new_page(phone=phone, bypass_csp=True)
    page.goto(stories["english"].get_absolute_url())
    assert fits_the_width(page)
    screenshot(page, f"story-blocks-{'phone' if phone else 'desktop'}")
    assert axe(page) == []


def test_a_hebrew_storys_quote_and_lists_mirror(new_page, stories, axe):
    """Logical properties: the quote's rule and the list's indent stand on the reading side."""
    page = new_page(bypass_csp=True)
    for language, side, other in (("english", "left", "right"), ("hebrew", "right", "left")):
        page.goto(stories[language].get_absolute_url())
        quote = page.locator(".quote")
        assert quote.evaluate(f"q => getComputedStyle(q).border{side.title()}Width") == "4px"
        assert quote.evaluate(f"q => getComputedStyle(q).border{other.title()}Width") == "0px"
        indent = page.locator(".article__list").first.evaluate(
            f"l => getComputedStyle(l).padding{side.title()}"
        )
        assert indent != "0px"
    assert axe(page) == []
