"""What the body editor keeps through a form sent back with an error, in real Chromium:
deleted blocks stay deleted (new ones too), and "Recognised as …" notes stay until the
editor accepts them or the article is saved."""

import pytest

from articles.models import Article
from tests.admin_support import make_staff
from tests.browser.admin_pages import log_in
from tests.factories import ArticleFactory

# Chromium and the live server come from tests/browser/conftest.py.
pytestmark = pytest.mark.usefixtures("transactional_db")

CAPTION = "Syrian protesters in Beirut, July 24, 2011"
CREDIT = "Bilal Hussein / AP"
TEASER = "Israel’s Explosive Message to Russia Sent in Syria, Received in Tel Aviv"


def shown_texts(page) -> list[str]:
    return page.locator(
        ".newsroom-block:not(.newsroom-deleted) .newsroom-editable"
    ).all_inner_texts()


def block(page, text: str):
    return page.locator(".newsroom-block", has=page.locator(".newsroom-editable", has_text=text))


def test_blocks_deleted_before_an_error_elsewhere_stay_deleted_new_ones_too(page):
    from playwright.sync_api import expect

    article = ArticleFactory(
        headline="Ferry strike ends",
        paragraphs=["First paragraph.", "Second paragraph."],
        status="draft",
    )
    make_staff("eve", "Editors")
    log_in(page, "eve")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("text=Second paragraph.")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("A new paragraph, deleted before the error.")
    page.keyboard.press("Enter")
    page.keyboard.type("A new paragraph that stays.")
    for text in ("A new paragraph, deleted", "First paragraph."):
        row = block(page, text)
        row.locator(".newsroom-editable").click()
        row.get_by_role("button", name="Delete this block").click()
    assert shown_texts(page) == ["Second paragraph.", "A new paragraph that stays."]
    page.fill("#id_headline", "")
    page.click("input[name=_continue]")

    expect(page.locator(".errornote")).to_be_visible()
    assert shown_texts(page) == ["Second paragraph.", "A new paragraph that stays."]
    # Each still says it was deleted, with its Undo, as before the error.
    expect(page.locator(".newsroom-deleted .newsroom-undo span")).to_have_text(
        ["Deleted paragraph: “First paragraph.”", "Deleted paragraph: “A new paragraph, deleted before the error.”"]
    )  # fmt: skip
    page.fill("#id_headline", "Ferry strike ends")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    stored = Article.objects.get(pk=article.pk).blocks.order_by("position")
    assert [b.text for b in stored] == ["Second paragraph.", "A new paragraph that stays."]


def test_a_deleted_new_block_brought_back_after_an_error_is_saved(page):
    """Undo still works on a block that came back deleted."""
    from playwright.sync_api import expect

    article = ArticleFactory(
        headline="Bridge opens", paragraphs=["The bridge opened."], status="draft"
    )
    make_staff("eve", "Editors")
    log_in(page, "eve")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("text=The bridge opened.")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Traffic was light.")
    block(page, "Traffic was light.").get_by_role("button", name="Delete this block").click()
    page.fill("#id_headline", "")
    page.click("input[name=_continue]")
    expect(page.locator(".errornote")).to_be_visible()
    page.get_by_role("button", name="Undo the delete").click()
    assert shown_texts(page) == ["The bridge opened.", "Traffic was light."]
    page.fill("#id_headline", "Bridge opens")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    stored = Article.objects.get(pk=article.pk).blocks.order_by("position")
    assert [b.text for b in stored] == ["The bridge opened.", "Traffic was light."]


def test_recognised_notes_stay_through_an_error_until_accepted_or_saved(page):
    from playwright.sync_api import expect

    make_staff("eve", "Editors")
    log_in(page, "eve")
    page.goto("/admin/articles/article/add/")
    page.click(".newsroom-start .newsroom-plus")
    page.click(".newsroom-start >> role=button[name='Insert a paragraph']")
    story = "\n\n".join(
        ["The harbour wall gave way overnight, the council said.", CAPTION, CREDIT, f">> {TEASER} >>"]
    )  # fmt: skip
    page.locator(".newsroom-editable:focus").evaluate(
        """(el, text) => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        story,
    )
    status = page.locator("#newsroom-body-status")
    expect(status).to_have_text("Pasted 1 paragraph, 1 photo caption, 1 related-link teaser.")
    caption = page.locator(".newsroom-block[data-kind=caption]")
    teaser = page.locator(".newsroom-block[data-kind=teaser]")
    caption_note = caption.locator(".newsroom-recognised")
    teaser_note = teaser.locator(".newsroom-recognised")
    expect(teaser_note).to_contain_text("Recognised as a related-link teaser")
    caption.get_by_role("button", name="Keep it as a photo caption").click()
    expect(caption_note).to_be_hidden()

    page.click("input[name=_continue]")  # no headline: sent back with an error
    expect(page.locator(".errornote")).to_be_visible()
    # The teaser's note is back, with its choices; the caption the editor kept has none.
    expect(teaser_note).to_contain_text("Recognised as a related-link teaser")
    expect(teaser.get_by_role("button", name="Keep it as a related-link teaser")).to_be_visible()
    expect(caption_note).to_be_hidden()
    expect(caption.locator("input[name$='-credit']")).to_have_value(CREDIT)

    # A second error: still there. Then saved: the note has done its work.
    page.click("input[name=_continue]")
    expect(page.locator(".errornote")).to_be_visible()
    expect(teaser_note).to_contain_text("Recognised as a related-link teaser")
    page.fill("#id_headline", "Harbour wall gives way")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(page.locator(".newsroom-block[data-kind=teaser]")).to_have_count(1)
    expect(teaser_note).to_be_hidden()
    stored = Article.objects.get(headline="Harbour wall gives way").blocks.order_by("position")
    assert [b.kind for b in stored] == ["paragraph", "caption", "teaser"]


def test_make_it_a_paragraph_works_on_a_note_brought_back_by_an_error(page):
    """The note shown again knows what it recognised: the caption's credit becomes a
    paragraph of its own, as it would have before the error."""
    from playwright.sync_api import expect

    make_staff("eve", "Editors")
    log_in(page, "eve")
    page.goto("/admin/articles/article/add/")
    page.click(".newsroom-start .newsroom-plus")
    page.click(".newsroom-start >> role=button[name='Insert a paragraph']")
    page.locator(".newsroom-editable:focus").evaluate(
        """(el, text) => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        f"{CAPTION}\n{CREDIT}",
    )
    caption = page.locator(".newsroom-block[data-kind=caption]")
    expect(caption.locator(".newsroom-recognised")).to_contain_text("Recognised as a caption")
    page.click("input[name=_continue]")
    expect(page.locator(".errornote")).to_be_visible()
    caption.get_by_role("button", name="Make it a paragraph").click()
    assert shown_texts(page) == [CAPTION, CREDIT]
    expect(page.locator(".newsroom-block[data-kind=paragraph]")).to_have_count(2)
    page.fill("#id_headline", "Protest in Beirut")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    stored = Article.objects.get(headline="Protest in Beirut").blocks.order_by("position")
    assert [(b.kind, b.text, b.credit) for b in stored] == [
        ("paragraph", CAPTION, ""),
        ("paragraph", CREDIT, ""),
    ]
