"""The article screen in real Chromium (issue 14): a caption's photo survives a form sent
back with an error, each teaser says where it links, and the language is guessed as the
editor types."""

import re

import pytest

from articles.models import Article
from tests.admin_support import make_staff
from tests.browser.admin_pages import add_block, log_in
from tests.factories import ArticleFactory, TeaserFactory

# Chromium, the live server and screenshots come from tests/browser/conftest.py.
pytestmark = pytest.mark.usefixtures("transactional_db", "media_in_tmp")

HEBREW_HEADLINE = "גשם כבד צפוי בחיפה"
HEBREW_TEXT = "עננים מתקבצים מעל המפרץ ורוחות חזקות צפויות בערב."


# Whether the caption's thumbnail shows a picture: the browser fetched and decoded it.
THUMBNAIL_SHOWN = (
    "() => { const img = document.querySelector('#blocks-1 .desk-photo__thumb');"
    " return img.complete && img.naturalWidth > 0; }"
)


def test_a_chosen_photo_survives_an_error_elsewhere_and_is_stored_on_the_next_save(
    page, photo_file, screenshot
):
    """Choose a photo, leave the headline empty, save: the error, the thumbnail and the photo
    are all there; fill the headline, save: the photo is stored with the caption."""
    from playwright.sync_api import expect

    make_staff("eve", "Editors")
    log_in(page, "eve")
    page.goto("/admin/articles/article/add/")
    add_block(page, 0, text="The harbour wall gave way at 3am.")
    add_block(page, 1, kind="caption", text="What is left of the wall")
    thumbnail = page.locator("#blocks-1 .desk-photo__thumb")
    expect(thumbnail).to_be_hidden()
    page.click("#blocks-1 summary:has-text('Photo and credit')")
    page.set_input_files("#id_blocks-1-photo", str(photo_file))
    # A preview as soon as the file is chosen, before anything is sent.
    expect(thumbnail).to_be_visible()
    expect(thumbnail).to_have_attribute("src", re.compile(r"^data:image/jpeg;base64,"))
    page.fill("#id_blocks-1-alt_text", "Broken stones of the harbour wall at dawn")
    page.click("input[name=_continue]")

    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-headline .errorlist")).to_have_text(
        "Every article needs a headline."
    )
    kept = page.locator("#blocks-1 .desk-photo__thumb")
    page.click("#blocks-1 .newsroom-editable")  # the body editor opens a block on focus
    expect(kept).to_be_visible()
    expect(kept).to_have_attribute("src", re.compile(r"^/media/photos/unsaved/\w+/harbour\.jpg$"))
    page.wait_for_function(THUMBNAIL_SHOWN)
    expect(page.locator("#blocks-1 .desk-photo__kept")).to_contain_text(
        "Your photo harbour.jpg is kept from your last try"
    )
    # The browser's own file input is empty again, as browsers always leave it.
    assert page.eval_on_selector("#id_blocks-1-photo", "input => input.files.length") == 0
    screenshot(page, "desk-photos-1-kept-after-error")

    page.fill("#id_headline", "Harbour wall gives way")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    caption = Article.objects.get(headline="Harbour wall gives way").blocks.get(kind="caption")
    assert caption.photo.name.startswith("photos/") and "unsaved" not in caption.photo.name
    assert (caption.photo_width, caption.photo_height) == (1200, 800)
    assert caption.alt_text == "Broken stones of the harbour wall at dawn"
    saved = page.locator("#blocks-1 .desk-photo__thumb")
    expect(saved).to_have_attribute("src", caption.photo.url)
    page.wait_for_function(THUMBNAIL_SHOWN)
    screenshot(page, "desk-photos-2-saved")


def test_teasers_say_where_they_go_and_a_hebrew_story_is_guessed_right_to_left(page, screenshot):
    """As the editor types: the teaser's destination and the language guess change; saved,
    the public page links the teaser and reads right to left."""
    from playwright.sync_api import expect

    target = ArticleFactory(headline="Storm season starts early")
    make_staff("eve", "Editors")
    log_in(page, "eve")
    page.goto("/admin/articles/article/add/")
    guess = page.locator("[data-desk-language-guess]")
    page.locator("#id_headline").press_sequentially(HEBREW_HEADLINE)
    expect(guess).to_have_text("Looks like Hebrew (right to left).")
    direction = page.eval_on_selector("#id_headline", "box => getComputedStyle(box).direction")
    assert direction == "rtl"  # the editor's box reads as the page will
    add_block(page, 0, text=HEBREW_TEXT)
    assert (
        page.eval_on_selector("#id_blocks-0-text", "box => getComputedStyle(box).direction")
        == "rtl"
    )
    add_block(page, 1, kind="teaser")
    where = page.locator("#blocks-1 [data-desk-teaser-link]")
    page.locator("#blocks-1 .newsroom-editable").press_sequentially("Stormy")
    expect(where).to_contain_text("No link: no article has this headline")
    page.locator("#blocks-1 .newsroom-editable").fill("Storm season")
    expect(where).to_contain_text("links to a search for its words")
    page.locator("#blocks-1 .newsroom-editable").press_sequentially(" starts early")
    expect(where).to_contain_text(
        "Links to the article with this headline: “Storm season starts early”."
    )
    expect(where.locator("a")).to_have_attribute("href", target.get_absolute_url())
    screenshot(page, "desk-photos-3-teaser-and-language")

    page.select_option("#id_status", "published")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    # Reopened, the screen says where the saved teaser goes at once.
    expect(page.locator("#blocks-1 [data-desk-teaser-link]")).to_contain_text("Links to")
    article = Article.objects.get(headline=HEBREW_HEADLINE)
    page.goto(article.get_absolute_url())
    expect(page.locator("article.article")).to_have_attribute("dir", "rtl")
    expect(page.locator("article.article")).to_have_attribute("lang", "he")
    link = page.locator("a.teaser__link")
    expect(link).to_have_text("Storm season starts early")
    expect(link).to_have_attribute("href", target.get_absolute_url())


def test_the_screen_asks_once_where_all_its_teasers_go_as_it_opens(page):
    """Twelve teasers, one request on load (not one each), and each says where it goes."""
    from playwright.sync_api import expect

    target = ArticleFactory(headline="Storm season starts early")
    article = ArticleFactory(headline="Harbour", paragraphs=["The wall held."], status="draft")
    texts = ["Storm season starts early", "A story nobody wrote"]
    texts += [f"Nobody wrote story {n} either" for n in range(10)]
    for text in texts:
        TeaserFactory(article=article, text=text)
    make_staff("eve", "Editors")
    log_in(page, "eve")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/teaser-link" in r.url else None)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    lines = page.locator("[data-desk-teaser-link]")
    expect(lines).to_have_count(len(texts))
    for n in range(len(texts)):
        expect(lines.nth(n)).to_contain_text("Readers: ")
    page.wait_for_load_state("networkidle")
    assert [url.rsplit("/", 2)[-2] for url in asked] == ["teaser-links"]
    storm = page.locator(".newsroom-block", has_text="Storm season starts early")
    # (Saved, the teaser holds the article its headline named: the desk says "you chose".)
    expect(storm.locator("[data-desk-teaser-link]")).to_contain_text(
        "Links to the article you chose: “Storm season starts early”."
    )
    expect(storm.locator("[data-desk-teaser-link] a")).to_have_attribute(
        "href", target.get_absolute_url()
    )
    nobody = page.locator(".newsroom-block", has_text="A story nobody wrote")
    expect(nobody.locator("[data-desk-teaser-link]")).to_contain_text("No link:")
