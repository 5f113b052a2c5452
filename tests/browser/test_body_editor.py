"""The article's body editor in real Chromium (issue 14): a story pasted through the clipboard,
ordered by drag and by keyboard, formatted, given new kinds of block, published."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from tests.admin_support import make_staff
from tests.browser.admin_pages import log_in
from tests.browser.conftest import ARTIFACTS

# Chromium, the live server and screenshots come from tests/browser/conftest.py.
pytestmark = pytest.mark.usefixtures("transactional_db", "media_in_tmp")

HEADLINE = "Harbour wall mended before the winter storms"
CAPTION = "Syrian protesters in Beirut, July 24, 2011"
CREDIT = "Bilal Hussein / AP"
TEASER = "Israel’s Explosive Message to Russia Sent in Syria, Received in Tel Aviv"
ALT_TEXT = "Protesters with flags fill a street in Beirut"


def paragraph(n: int) -> str:
    return f"Paragraph {n}: the council said the harbour wall would be mended by spring, residents said."


# The story as it comes from a word processor: 20 paragraphs, a photo's caption and credit,
# a related link and the page's junk, one line each with blank lines between.
STORY_LINES = [
    *(paragraph(n) for n in range(1, 16)),
    CAPTION,
    CREDIT,
    f">> {TEASER} >>",
    "Advertisement",
    *(paragraph(n) for n in range(16, 21)),
    "Share this article",
]
STORY = "\n\n".join(STORY_LINES)


class Actions:
    """The editor's actions, counted as the issue counts them: clicks and keystroke groups
    (typing a run of text, a paste or a shortcut is one)."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, target) -> None:
        self.count += 1
        (self.page.locator(target) if isinstance(target, str) else target).click()

    def type(self, text: str) -> None:
        self.count += 1
        self.page.keyboard.type(text)

    def press(self, keys: str, times: int = 1) -> None:
        for _ in range(times):
            self.count += 1
            self.page.keyboard.press(keys)


def block(page, text: str):
    """The block whose text holds `text`."""
    return page.locator(".newsroom-block:not(.newsroom-deleted)").filter(
        has=page.locator(".newsroom-editable", has_text=text)
    )


def block_texts(page) -> list[str]:
    return page.locator(
        ".newsroom-block:not(.newsroom-deleted) .newsroom-editable"
    ).all_inner_texts()


def insert_after(actions: Actions, page, text: str, kind_label: str) -> None:
    """The "+" under the block holding `text`, then a kind from its menu."""
    row = block(page, text)
    row.hover()
    actions.click(row.locator(".newsroom-plus"))
    article = "an" if kind_label[0] in "aeiou" else "a"
    actions.click(row.get_by_role("button", name=f"Insert {article} {kind_label}", exact=True))


def story_as_stored(article) -> tuple:
    """The header and every block's words and marks, as the database keeps them."""
    article.refresh_from_db()
    fields = ("kind", "text", "html", "credit", "attribution", "link_url")
    blocks = [tuple(getattr(b, name) for name in fields) for b in article.blocks.all()]
    return article.headline, article.dek, blocks, article.body_text, article.word_count


def test_a_pasted_story_is_ordered_formatted_and_published_in_its_order(
    new_page, screenshot, photo_file, tmp_path
):
    from playwright.sync_api import expect

    from articles.models import Article

    make_staff("eve", "Editors")
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    log_in(page, "eve")
    page.goto("/admin/articles/article/add/")
    actions = Actions(page)
    actions.click("#id_headline")
    actions.type(HEADLINE)

    # The story goes in with one paste into the first paragraph.
    actions.click(".newsroom-start .newsroom-plus")
    actions.click(".newsroom-start >> role=button[name='Insert a paragraph']")
    page.evaluate("text => navigator.clipboard.writeText(text)", STORY)
    actions.press("Control+V")
    status = page.locator("#newsroom-body-status")
    expect(status).to_contain_text("Pasted 20 paragraphs, 1 photo caption, 1 related-link teaser.")
    expect(status).to_contain_text(
        "Left out 2 lines of page junk: “Advertisement”, “Share this article”."
    )
    expect(page.locator(".newsroom-block[data-kind=paragraph]")).to_have_count(20)
    caption = page.locator(".newsroom-block[data-kind=caption]")
    expect(caption.locator(".newsroom-editable")).to_have_text(CAPTION)
    expect(caption.locator("input[name$='-credit']")).to_have_value(CREDIT)
    expect(caption.locator(".newsroom-recognised")).to_contain_text(
        f"Recognised as a caption, credit “{CREDIT}”"
    )
    teaser = page.locator(".newsroom-block[data-kind=teaser]")
    expect(teaser.locator(".newsroom-editable")).to_have_text(TEASER)
    expect(teaser.locator(".newsroom-recognised")).to_contain_text(
        "Recognised as a related-link teaser"
    )
    actions.click(caption.get_by_role("button", name="Keep it as a photo caption"))
    expect(caption.locator(".newsroom-recognised")).to_be_hidden()
    # The caption gets its photo, with what it shows for readers who cannot see it.
    actions.click(caption.locator(".newsroom-editable"))
    actions.click(caption.locator("summary", has_text="Photo and credit"))
    caption.locator("input[type=file]").set_input_files(str(photo_file))
    actions.count += 1  # choosing the file
    actions.click(caption.locator("input[name$='-alt_text']"))
    actions.type(ALT_TEXT)
    screenshot(page, "body-editor-1-pasted")

    # Paragraph 12 goes to position 3 by drag and drop on its handle...
    handle = block(page, "Paragraph 12:").locator(".newsroom-handle")
    target = block(page, "Paragraph 3:").locator(".newsroom-bar")
    # Both in the middle of the window, so the drag needs no scrolling on the way.
    target.evaluate("el => el.scrollIntoView({block: 'center'})")
    box, goal = handle.bounding_box(), target.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    actions.count += 1  # one drag
    # As a person drags: slowly upwards, letting go when the block shows at position 3.
    at_third = "() => document.querySelectorAll('.newsroom-block .newsroom-editable')[2]"
    at_third += ".textContent.startsWith('Paragraph 12:')"
    y = box["y"] + box["height"] / 2
    while y > goal["y"] - goal["height"] and not page.evaluate(at_third):
        y -= 4
        page.mouse.move(goal["x"] + 40, y)
        page.wait_for_timeout(20)
    page.mouse.up()
    expect(status).to_have_text("Paragraph moved to position 3.")
    assert block_texts(page)[:4] == [paragraph(1), paragraph(2), paragraph(12), paragraph(3)]

    # ... and paragraph 13 to position 3 by keyboard: the focus stays on it all the way.
    actions.click(block(page, "Paragraph 13:").locator(".newsroom-editable"))
    actions.press("Alt+ArrowUp", times=10)
    expect(status).to_have_text("Paragraph moved to position 3.")
    assert block_texts(page)[:5] == [paragraph(n) for n in (1, 2, 13, 12, 3)]
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == paragraph(13)
    # What the old screen also did (write, paste, order): there it took about 96 actions (an
    # "Add another", a click and a paste for each of 22 blocks, the caption's kind, folded
    # section and credit, a save, then 10 positions retyped to move one paragraph, publish).
    story_actions = actions.count

    # A subheading, a quote with its speaker and a list, each inserted where it belongs.
    insert_after(actions, page, "Paragraph 5:", "subheading")
    actions.type("What happens next")
    insert_after(actions, page, "What happens next", "quote")
    actions.type("We will be ready before the first storm.")
    quote = block(page, "We will be ready")
    actions.click(quote.locator("input[name$='-attribution']"))
    actions.type("Mayor Ana Ruiz")
    insert_after(actions, page, "We will be ready", "bulleted list")
    actions.type("Sandbags at the pier")
    actions.press("Enter")
    actions.type("Boats moved inland")
    # Enter at the end of a paragraph makes the next one.
    actions.click(block(page, "Paragraph 20:").locator(".newsroom-editable"))
    actions.press("Control+End")
    actions.press("Enter")
    actions.type("The council meets again on Friday.")

    # A bold word and a link in the first paragraph, by shortcut.
    first = block(page, "Paragraph 1:").locator(".newsroom-editable")
    actions.click(first)
    actions.press("Control+Home")
    actions.press("Control+Shift+ArrowRight")  # "Paragraph"
    actions.press("Control+B")
    actions.press("Control+End")
    actions.press("Shift+ArrowLeft")  # held down over "residents said.": one action
    for _ in range(len("residents said.") - 1):
        page.keyboard.press("Shift+ArrowLeft")
    actions.press("Control+K")  # the link's field opens under the block, the focus in it
    actions.type("https://example.org/harbour")
    actions.press("Enter")
    expect(first.locator("b, strong")).to_have_text("Paragraph")
    expect(first.locator("a")).to_have_attribute("href", "https://example.org/harbour")
    screenshot(page, "body-editor-2-arranged")

    # Published straight from the screen.
    page.select_option("#id_status", "published")
    actions.count += 1
    actions.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    # The same story, ordered and published: a tenth of the old screen's actions or so.
    # (Its photo, alt text included, is five of them.)
    assert story_actions + 2 <= 30, story_actions
    assert actions.count <= 55, actions.count  # with the subheading, quote, list and marks
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "body-editor-actions.txt").write_text(
        f"story pasted, given its photo, ordered and published: {story_actions + 2}\n"
        f"with a subheading, a quote, a list, a new paragraph, a bold word and a link: "
        f"{actions.count}\n"
    )

    article = Article.objects.get(headline=HEADLINE)
    assert article.is_published
    expected_order = [
        ("paragraph", paragraph(1)),
        ("paragraph", paragraph(2)),
        ("paragraph", paragraph(13)),
        ("paragraph", paragraph(12)),
        ("paragraph", paragraph(3)),
        ("paragraph", paragraph(4)),
        ("paragraph", paragraph(5)),
        ("subheading", "What happens next"),
        ("quote", "We will be ready before the first storm."),
        ("bulleted_list", "Sandbags at the pier\nBoats moved inland"),
        *(("paragraph", paragraph(n)) for n in (6, 7, 8, 9, 10, 11, 14, 15)),
        ("caption", CAPTION),
        ("teaser", TEASER),
        *(("paragraph", paragraph(n)) for n in range(16, 21)),
        ("paragraph", "The council meets again on Friday."),
    ]
    stored = list(article.blocks.order_by("position"))
    assert [(b.kind, b.text) for b in stored] == expected_order
    assert [b.position for b in stored] == list(range(len(expected_order)))
    assert stored[0].html == (
        "<strong>Paragraph</strong> 1: the council said the harbour wall would be mended by spring, "
        '<a href="https://example.org/harbour">residents said.</a>'
    )
    assert stored[8].attribution == "Mayor Ana Ruiz"
    assert stored[18].credit == CREDIT
    assert stored[18].photo and stored[18].alt_text == ALT_TEXT

    # The reader's page and the API show all of it, in that order.
    page.goto(article.get_absolute_url())
    body = page.locator("article")
    expect(body.locator("h2", has_text="What happens next")).to_be_visible()
    expect(body.locator("blockquote")).to_contain_text("We will be ready before the first storm.")
    expect(body.locator("figure.quote figcaption")).to_have_text("Mayor Ana Ruiz")
    expect(body.locator("ul li")).to_have_text(["Sandbags at the pier", "Boats moved inland"])
    expect(body.locator("b, strong").first).to_have_text("Paragraph")
    expect(body.locator("a[href='https://example.org/harbour']")).to_have_text("residents said.")
    expect(body.get_by_text(CREDIT)).to_be_visible()
    expect(body.locator(f"figure img[alt='{ALT_TEXT}']")).to_be_visible()
    shown = body.locator("p, h2, blockquote, ul, figure, .teaser").all_inner_texts()
    first_at = {
        text: next(i for i, s in enumerate(shown) if text in s)
        for text in (
            paragraph(13),
            paragraph(12),
            paragraph(3),
            "What happens next",
            "Sandbags",
            CAPTION,
            paragraph(20),
        )
    }
    assert list(first_at.values()) == sorted(first_at.values()), first_at
    screenshot(page, "body-editor-3-public")

    api = json.loads(page.request.get(f"/api/articles/{article.slug}/").text())
    assert [(b["type"], b["text"]) for b in api["body"]] == expected_order

    # Written out as a seed file and read back in, the story is the same, block for block
    # (its photo's file stays in the media folder: seed files are text).
    before = story_as_stored(article)
    call_command("export_articles", str(tmp_path / "export"), stdout=StringIO())
    Article.objects.all().delete()
    call_command("import_seeds", str(tmp_path / "export"), stdout=StringIO())
    assert story_as_stored(Article.objects.get()) == before


def test_marks_pasted_from_google_docs_survive_and_scripts_do_not(new_page):
    """Docs marks bold with a span's weight inside a <b> that is not bold; both read right."""
    from playwright.sync_api import expect

    make_staff("eve", "Editors")
    page = new_page()
    refused = []  # the strict CSP refuses pasted style attributes, if they ever reach the page
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    log_in(page, "eve")
    page.goto("/admin/articles/article/add/")
    page.click(".newsroom-start .newsroom-plus")
    page.click(".newsroom-start >> role=button[name='Insert a paragraph']")
    docs = (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">'
        '<p dir="ltr"><span style="font-weight:400;">The </span>'
        '<span style="font-weight:700;">harbour</span><span style="font-weight:400;"> wall was '
        '</span><span style="font-style:italic;">mended</span><span> by the </span>'
        '<a href="https://example.org/council"><span>council</span></a>'
        '<a href="javascript:alert(1)">, they said</a><img src=x onerror="alert(2)">.</p>'
        '<br><p dir="ltr"><span>A second paragraph of the story, long enough to read.</span></p>'
        "</b>"
        # Word: bold and italic tags whose style says "mso-bidi-font-weight:normal".
        "<p class=MsoNormal><b style='mso-bidi-font-weight:normal'><span style='font-size:12pt'>"
        "Word</span></b><span> keeps bold and <i style='mso-bidi-font-style:normal'>italic</i>"
        " in its paragraphs.<o:p></o:p></span></p>"
    )
    page.locator(".newsroom-editable").first.evaluate(
        """(el, html) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', 'plain text fallback');
            el.focus();
            el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        docs,
    )
    expect(page.locator("#newsroom-body-status")).to_contain_text("Pasted 3 paragraphs.")
    expect(page.locator(".newsroom-editable").nth(2)).to_have_text(
        "Word keeps bold and italic in its paragraphs."
    )
    assert page.locator(".newsroom-editable").nth(2).inner_html() == (
        "<strong>Word</strong> keeps bold and <em>italic</em> in its paragraphs."
    )
    first = page.locator(".newsroom-editable").first
    expect(first).to_have_text("The harbour wall was mended by the council, they said.")
    assert first.inner_html() == (
        "The <strong>harbour</strong> wall was <em>mended</em> by the "
        '<a href="https://example.org/council">council</a>, they said.'
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.fill("#id_headline", "Docs paste")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    from articles.models import Article

    stored = Article.objects.get(headline="Docs paste").blocks.order_by("position").first()
    assert stored.html == (
        "The <strong>harbour</strong> wall was <em>mended</em> by the "
        '<a href="https://example.org/council">council</a>, they said.'
    )
    assert dialogs == []
    assert refused == []


def test_a_form_with_an_error_shows_the_blocks_in_the_editors_order_with_the_message(new_page):
    """Nothing is lost to a validation error: the moved and new blocks come back in order."""
    from playwright.sync_api import expect

    from tests.factories import ArticleFactory

    article = ArticleFactory(
        headline="Ferry strike ends",
        paragraphs=["First paragraph.", "Second paragraph.", "Third paragraph."],
        status="draft",
    )
    make_staff("eve", "Editors")
    page = new_page()
    log_in(page, "eve")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("text=Third paragraph.")
    page.keyboard.press("Alt+ArrowUp")
    page.keyboard.press("Alt+ArrowUp")
    # The buttons move a block too, and keep the focus where it was.
    first = block(page, "First paragraph.")
    first.locator(".newsroom-editable").click()
    first.get_by_role("button", name="Move down (Alt+Down)").click()
    expect(page.locator("#newsroom-body-status")).to_have_text("Paragraph moved to position 3.")
    first.get_by_role("button", name="Move up (Alt+Up)").click()
    expect(page.locator("#newsroom-body-status")).to_have_text("Paragraph moved to position 2.")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Move up (Alt+Up)"
    insert_after(Actions(page), page, "First paragraph.", "embedded link")
    page.click("text=Second paragraph.")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("A paragraph typed before the error.")
    page.click("input[name=_continue]")

    expect(page.locator(".errornote")).to_be_visible()
    assert block_texts(page) == [
        "Third paragraph.",
        "First paragraph.",
        "",
        "Second paragraph.",
        "A paragraph typed before the error.",
    ]
    embed = page.locator(".newsroom-block[data-kind=embed]")
    expect(embed).to_have_class(re.compile("newsroom-open"))
    expect(embed).to_contain_text("Give the address (http or https) of the page this embed shows.")
    embed.locator("input[name$='-embed_url']").fill("https://example.org/ferries")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    stored = article.blocks.order_by("position")
    assert [(b.kind, b.text) for b in stored] == [
        ("paragraph", "Third paragraph."),
        ("paragraph", "First paragraph."),
        ("embed", "https://example.org/ferries"),
        ("paragraph", "Second paragraph."),
        ("paragraph", "A paragraph typed before the error."),
    ]


def test_blocks_typed_and_never_saved_come_back_from_the_autosave(new_page):
    """A closed tab keeps the new blocks too: restoring makes them again, in their order."""
    from playwright.sync_api import expect

    from tests.factories import ArticleFactory, StaffFactory

    article = ArticleFactory(headline="Bridge opens", paragraphs=["The bridge opened today."])
    editor = StaffFactory(role="Editors")

    def open_as_editor():
        page = new_page()
        log_in(page, editor.username, "pw-staff-1")
        page.goto(f"/admin/articles/article/{article.pk}/change/")
        return page

    page = open_as_editor()
    page.click("text=The bridge opened today.")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Traffic was light.")
    page.keyboard.press("Alt+ArrowUp")
    expect(page.locator("#newsroom-autosave-status")).to_contain_text("Autosaved on")
    page.close()

    again = open_as_editor()
    assert block_texts(again) == ["The bridge opened today."]
    again.click("#newsroom-autosave-restore")
    expect(again.locator("#newsroom-autosave-status")).to_contain_text("back in the form")
    assert block_texts(again) == ["Traffic was light.", "The bridge opened today."]
    again.click("input[name=_publish_changes]")
    expect(again.locator(".messagelist .success")).to_be_visible()
    stored = article.blocks.order_by("position").values_list("text", flat=True)
    assert list(stored) == ["Traffic was light.", "The bridge opened today."]


def test_the_body_editor_passes_axe_with_a_block_open_and_the_insert_menu_shown(new_page):
    """Every control of the editor has a name a screen reader can say (axe-core, in the
    editor's part of the page: the rest is Django's admin)."""
    from pathlib import Path

    import axe_playwright_python

    from articles.models import Block
    from tests.factories import ArticleFactory

    article = ArticleFactory(headline="Ferry strike ends", paragraphs=["First.", "Second."])
    for position, kind in enumerate(["subheading", "quote", "bulleted_list", "caption"], 2):
        Block.objects.create(article=article, position=position, kind=kind, text="Words\nMore")
    make_staff("eve", "Editors")
    page = new_page(bypass_csp=True)  # axe-core goes in as an inline script
    log_in(page, "eve")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("text=Second.")
    second = block(page, "Second.")
    second.locator(".newsroom-plus").click()
    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).with_name("axe.min.js")))
    result = page.evaluate("async () => await axe.run('#blocks-group')")
    assert [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]] == []
