"""Links in the body editor, in real Chromium: the address is typed in a field of the page
beside the words (never the browser's prompt), checked before anything is saved, shown
again for an existing link, and the link can be removed, all from the keyboard."""

import pytest

from articles.models import Article
from tests.admin_support import make_staff
from tests.browser.admin_pages import log_in
from tests.factories import ArticleFactory

# Chromium and the live server come from tests/browser/conftest.py.
pytestmark = pytest.mark.usefixtures("transactional_db")


def first_word_selected(page, text: str) -> None:
    """Click into the block holding `text` and select its first word, as a person would."""
    page.click(f".newsroom-editable:has-text('{text}')")
    page.keyboard.press("Control+Home")
    page.keyboard.press("Control+Shift+ArrowRight")


def test_a_link_is_typed_checked_changed_and_removed_in_the_page_without_a_prompt(page):
    from playwright.sync_api import expect

    article = ArticleFactory(
        headline="Council meets", paragraphs=["Council met on Friday."], status="draft"
    )
    make_staff("eve", "Editors")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, "eve")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    words = page.locator(".newsroom-editable").first
    address = page.get_by_role("textbox", name="Link address")
    field = page.get_by_role("group", name="Link address")

    first_word_selected(page, "Council met")
    page.keyboard.press("Control+K")
    expect(field).to_be_visible()
    expect(address).to_be_focused()
    expect(address).to_have_value("")
    expect(field.get_by_role("button", name="Remove link")).to_be_hidden()
    expect(page.get_by_role("button", name="Link (Ctrl+K)")).to_have_attribute(
        "aria-expanded", "true"
    )

    # A scheme the server would strip is refused in words, and nothing is linked.
    page.keyboard.type("javascript:alert(1)")
    page.keyboard.press("Enter")
    expect(field.get_by_role("alert")).to_have_text(
        "Not linked: “javascript:alert(1)” is not an http, https or site address (/…)."
    )
    expect(address).to_have_attribute("aria-invalid", "true")
    expect(address).to_be_focused()
    expect(words.locator("a")).to_have_count(0)

    # The right address and Enter link the words the editor had selected.
    page.keyboard.press("Control+A")
    page.keyboard.type("https://example.org/council")
    expect(page.locator(".newsroom-link-error")).to_have_text("")  # gone as the editor types
    page.keyboard.press("Enter")
    expect(field).to_be_hidden()
    expect(words.locator("a")).to_have_text("Council")
    expect(words.locator("a")).to_have_attribute("href", "https://example.org/council")
    expect(words).to_be_focused()
    expect(page.locator("#newsroom-body-status")).to_have_text(
        "Linked to https://example.org/council."
    )

    # The caret in the link: the field shows its address; Esc leaves it as it was.
    page.keyboard.press("Control+Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Control+K")
    expect(address).to_have_value("https://example.org/council")
    expect(field.get_by_role("button", name="Remove link")).to_be_visible()
    page.keyboard.type("/elsewhere")
    page.keyboard.press("Escape")
    expect(field).to_be_hidden()
    expect(words).to_be_focused()
    expect(words.locator("a")).to_have_attribute("href", "https://example.org/council")

    # Changed to an address on the site, and saved.
    page.keyboard.press("Control+K")
    page.keyboard.type("/sections/city/")
    page.keyboard.press("Enter")
    expect(words.locator("a")).to_have_attribute("href", "/sections/city/")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    stored = Article.objects.get(pk=article.pk).blocks.get()
    assert stored.html == '<a href="/sections/city/">Council</a> met on Friday.'

    # Reopened, the saved link shows its address, and the keyboard removes it.
    page.click(".newsroom-editable a")
    page.keyboard.press("Control+K")
    expect(address).to_have_value("/sections/city/")
    page.keyboard.press("Tab")  # to "Link"
    page.keyboard.press("Tab")  # to "Remove link"
    expect(field.get_by_role("button", name="Remove link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(field).to_be_hidden()
    expect(words.locator("a")).to_have_count(0)
    expect(words).to_have_text("Council met on Friday.")
    expect(page.locator("#newsroom-body-status")).to_have_text("Link removed.")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    stored = Article.objects.get(pk=article.pk).blocks.get()
    assert (stored.text, stored.html) == ("Council met on Friday.", "")
    assert dialogs == []


def test_the_link_button_opens_the_field_and_the_field_passes_axe(new_page):
    """By mouse too; every control of the open field has a name a screen reader says."""
    from pathlib import Path

    import axe_playwright_python
    from playwright.sync_api import expect

    article = ArticleFactory(headline="Ferry strike ends", paragraphs=["Ferries sail again."])
    make_staff("eve", "Editors")
    page = new_page(bypass_csp=True)  # axe-core goes in as an inline script
    log_in(page, "eve")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    first_word_selected(page, "Ferries sail")
    page.get_by_role("button", name="Link (Ctrl+K)").click()
    field = page.get_by_role("group", name="Link address")
    expect(field).to_be_visible()
    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).with_name("axe.min.js")))
    result = page.evaluate("async () => await axe.run('#blocks-group')")
    assert [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]] == []
    page.get_by_role("textbox", name="Link address").fill("https://example.org/ferries")
    field.get_by_role("button", name="Link the words").click()
    expect(page.locator(".newsroom-editable a")).to_have_text("Ferries")
    expect(field).to_be_hidden()
