"""The newsroom in real Chromium: a reporter files, an editor publishes, changes and restores (issue 5)."""

import pytest

from tests.admin_support import make_staff
from tests.browser.admin_pages import add_block, log_in

# Chromium, the live server and screenshots come from tests/browser/conftest.py.

HEADLINE = "Harbour wall gives way in the night storm"
CHANGED = "Harbour wall collapses in the night storm"
SEED_HEADLINE = "Gale Warning Issued for the Whole Coast"

pytestmark = pytest.mark.usefixtures("media_in_tmp")


def test_a_story_goes_from_reporter_draft_to_published_changed_and_restored(
    page, screenshot, transactional_db
):
    """A reporter drafts and previews, an editor publishes, edits, compares and restores."""
    from playwright.sync_api import expect

    from articles.models import Article

    def shot(page, name: str) -> None:
        screenshot(page, f"editor-{name}")

    make_staff("ray", "Reporters")
    make_staff("eve", "Editors")

    # The reporter writes a draft with a caption and a teaser, and submits it.
    log_in(page, "ray")
    page.goto("/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially(HEADLINE)
    expect(page.locator("#id_slug")).to_have_value("harbour-wall-gives-way-in-the-night-storm")
    page.fill("#id_dek", "Fishermen moved their boats before dawn.")
    add_block(page, 0, text="The old harbour wall gave way at 3am.")
    add_block(
        page,
        1,
        kind="caption",
        text="What is left of the wall",
        credit="Bilal Hussein / AP",
    )
    add_block(
        page,
        2,
        kind="teaser",
        text="Storm season starts early",
        link_url="https://example.org/storms",
    )
    expect(page.locator("#id_status option")).to_have_text(["Draft", "Submitted for review"])
    page.select_option("#id_status", "submitted")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.click("#blocks-1 .newsroom-editable")  # a block opens on focus
    page.click("#blocks-1 summary:has-text('Photo and credit')")
    expect(page.get_by_text("Photographer: Bilal Hussein · Agency: AP")).to_be_visible()
    shot(page, "1-reporter-draft")

    # The preview shows the page as readers will see it, before it is public.
    page.click("a.viewsitelink:has-text('Preview')")
    expect(page.locator("h1")).to_have_text(HEADLINE)
    expect(page.get_by_text("What is left of the wall")).to_be_visible()
    expect(page.locator(".preview-banner")).to_be_visible()
    shot(page, "2-preview")
    article = Article.objects.get()
    assert page.request.get(article.get_absolute_url()).status == 404

    # The editor publishes it from the list.
    log_in(page, "eve")
    page.goto("/admin/articles/article/")
    expect(page.locator("#result_list")).to_contain_text("Submitted for review")
    page.check(f"input[name=_selected_action][value='{article.pk}']")
    page.select_option("select[name=action]", "publish_selected")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 article(s) published.")
    shot(page, "3-published-list")

    page.goto(article.get_absolute_url())
    expect(page.locator("h1")).to_have_text(HEADLINE)
    shot(page, "4-public-page")

    # The editor changes the headline, then looks at the history.
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_headline", CHANGED)
    page.click("input[name=_publish_changes]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("a.historylink")
    expect(page.locator("#change-history tbody tr")).to_have_count(3)
    page.click("input[value='Compare selected versions']")
    expect(page.locator(".newsroom-diff del").first).to_have_text("gives way")
    expect(page.locator(".newsroom-diff ins").first).to_have_text("collapses")
    shot(page, "5-compare")

    # Restoring the version before the change brings the first headline back.
    page.click("text=Restore the older version…")
    expect(page.locator("#id_headline")).to_have_value(HEADLINE)
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.goto(article.get_absolute_url())
    expect(page.locator("h1")).to_have_text(HEADLINE)
    shot(page, "6-restored")

    # The editor imports a seed file from the admin; it arrives as a draft.
    page.goto("/admin/articles/article/")
    page.click("text=Import seed files")
    seed = f"{SEED_HEADLINE}\n\nThe standfirst of the story\n\nA first paragraph of the story, long enough.\n"
    page.set_input_files(
        "#id_files", files=[{"name": "gale.txt", "mimeType": "text/plain", "buffer": seed.encode()}]
    )
    page.click("input[value=Import]")
    expect(page.locator(".newsroom-import")).to_contain_text("imported")
    expect(page.locator(".newsroom-import")).to_contain_text(SEED_HEADLINE)
    shot(page, "7-import")
    assert Article.objects.get(source_file="gale.txt").status == Article.Status.DRAFT
