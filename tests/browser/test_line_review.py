"""The line review in real Chromium (issue 15): an editor opens an article with a line the
importer was unsure of, gives it another role, imports a new version of the file from the
admin, and the role is kept."""

import re

import pytest

from tests.browser.admin_pages import log_in
from tests.factories import StaffFactory
from tests.line_review_support import BRIDGE_UPDATED, UNSURE, bridge, import_text

pytestmark = pytest.mark.usefixtures("transactional_db")


def body_of(page, url: str) -> str:
    """The public page's <article> element as the server sends it now."""
    html = page.request.get(url).text()
    return re.search(r"<article .*?</article>", html, re.S).group(0)


def test_an_editor_changes_a_lines_role_and_a_reimport_keeps_it(page, screenshot):
    from playwright.sync_api import expect

    import_text()
    article = bridge()
    editor = StaffFactory(role="Editors")
    assert UNSURE not in body_of(page, article.get_absolute_url())  # furniture: hidden

    log_in(page, editor.username, "pw-staff-1")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("text=1 line needs a look")

    item = page.locator("#line-13")
    expect(item.locator("tr.line-review-flagged")).to_contain_text(UNSURE)
    expect(item.locator("tr.line-review-flagged")).to_contain_text("furniture")
    expect(item.locator("table")).to_contain_text("The mayor said the bridge")  # its context
    screenshot(page, "line-review-1-flagged")
    item.locator("button[value=paragraph]").click()
    expect(page.locator(".messagelist")).to_contain_text("Line 13 is now a paragraph")
    expect(page.locator("#line-review-summary")).to_contain_text("No line needs a look.")
    expect(page.locator("#reviewed-13")).to_contain_text("paragraph")
    assert f"<p>{UNSURE}</p>" in body_of(page, article.get_absolute_url())

    # A new version of the file, uploaded on the admin's import screen: every line moves.
    page.goto("/admin/articles/article/import/")
    upload = {"name": "bridge.txt", "mimeType": "text/plain", "buffer": BRIDGE_UPDATED.encode()}
    page.set_input_files("#id_files", files=[upload])
    page.click("input[value=Import]")
    expect(page.locator(".newsroom-import")).to_contain_text("updated")
    screenshot(page, "line-review-2-reimported")

    body = body_of(page, article.get_absolute_url())
    assert "The first piles were driven" in body  # the new version is in
    assert f"<p>{UNSURE}</p>" in body  # and the editor's role with it
    page.goto(f"/admin/articles/article/{article.pk}/lines/")
    expect(page.locator("#reviewed-15")).to_contain_text("paragraph")
    expect(page.locator("#line-review-summary")).to_contain_text("No line needs a look.")
