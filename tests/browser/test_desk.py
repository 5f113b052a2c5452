"""The editor's desk in real Chromium (issue 13): drafts of live articles, permanent notes,
bylines that survive a save, and two editors who see each other."""

import re

import pytest

from tests.factories import ArticleFactory, NoteFactory, StaffFactory

# Chromium, the live server and screenshots come from tests/browser/conftest.py.
pytestmark = pytest.mark.usefixtures("transactional_db")


def log_in(page, user) -> None:
    page.context.clear_cookies()
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw-staff-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def article_text(page, url: str) -> str:
    """The public page's <article> element, as the server sent it."""
    html = page.request.get(url).text()
    return re.search(r"<article .*?</article>", html, re.S).group(0)


def test_a_reporters_edit_to_a_live_article_waits_until_an_editor_approves_it(new_page, screenshot):
    """The public page keeps the old headline through the reporter's save and changes on approval."""
    from playwright.sync_api import expect

    article = ArticleFactory(headline="Bridge opens", paragraphs=["The bridge opened today."])
    reporter, editor = StaffFactory(role="Reporters"), StaffFactory(role="Editors")
    page = new_page()
    log_in(page, reporter)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".newsroom-live")).to_contain_text("This article is published")
    page.fill("#id_headline", "Bridge opens to traffic")
    page.click("input[name=_submit_changes]")
    expect(page.locator(".messagelist")).to_contain_text("sent to the editors")
    page.goto(article.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Bridge opens")
    screenshot(page, "desk-1-public-unchanged")

    log_in(page, editor)
    page.goto("/admin/articles/article/?pending=submitted")
    page.click("text=Waiting for an editor")
    expect(page.locator(".newsroom-diff").first).to_contain_text("Bridge opens to traffic")
    page.click("text=Preview the article with these changes")
    expect(page.locator("h1")).to_have_text("Bridge opens to traffic")
    page.go_back()
    screenshot(page, "desk-2-review")
    page.click("button[value=publish]")
    expect(page.locator(".messagelist")).to_contain_text("The changes are live.")
    page.goto(article.get_absolute_url())
    page.reload()  # the browser keeps public pages for a minute (Cache-Control: max-age=60)
    expect(page.locator("h1")).to_have_text("Bridge opens to traffic")


def test_an_editor_restores_an_earlier_version_and_the_correction_stays(page):
    """Restoring from the history brings back the old text and keeps the correction on the page."""
    from playwright.sync_api import expect

    article = ArticleFactory(headline="Mayor resigns", paragraphs=["The mayor resigned."])
    editor = StaffFactory(role="Editors")
    log_in(page, editor)
    for headline in ("Mayor resigns after vote", "Mayor quits"):
        page.goto(f"/admin/articles/article/{article.pk}/change/")
        page.fill("#id_headline", headline)
        page.click("input[name=_publish_changes]")
        expect(page.locator(".messagelist .success")).to_be_visible()
    NoteFactory(article=article, text="An earlier version gave the wrong date of the vote.")
    page.goto(f"/admin/articles/article/{article.pk}/history/")
    page.locator("#change-history tbody tr").last.locator("th a").click()
    expect(page.locator(".newsroom-notes-kept")).to_contain_text(
        "Public corrections and updates are kept"
    )
    expect(page.locator("#id_headline")).to_have_value("Mayor resigns after vote")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.goto(article.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Mayor resigns after vote")
    expect(page.locator(".notes")).to_contain_text(
        "An earlier version gave the wrong date of the vote."
    )


def test_an_imported_two_line_byline_survives_opening_and_saving_unchanged(page):
    """Saving an imported article without changes leaves its page's article text byte for byte."""
    from playwright.sync_api import expect

    from articles.importing.pipeline import import_files

    seed = (
        "Council Approves New Budget After Long Debate\n\nBy Sarah Klein\nLos Angeles Times\n\n"
        "The city council approved the budget on Tuesday.\n\nMembers debated for six hours.\n\n"
        "Reporting by Sarah Klein; Editing by Mark Potter\n"
    )
    (report,) = import_files([("council.txt", seed.encode())], publish=True)
    from articles.models import Article

    article = Article.objects.get(pk=report.article_id)
    before = article_text(page, article.get_absolute_url())
    assert "Sarah Klein</a><br><a" in before  # the byline keeps its line break
    log_in(page, StaffFactory(role="Editors"))
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#id_byline")).to_have_value("By Sarah Klein\nLos Angeles Times")
    page.click("input[name=_publish_changes]")
    expect(page.locator(".messagelist")).to_contain_text("No changes to save")
    assert article_text(page, article.get_absolute_url()) == before
    page.goto(f"/admin/articles/article/{article.pk}/history/")
    expect(page.locator("#change-history tbody tr")).to_have_count(1)
    expect(page.locator("#change-history")).to_contain_text("Imported from council.txt.")


def test_two_editors_on_one_article_each_see_the_other(new_page):
    """Each browser's form names the other editor and the time they opened it."""
    from playwright.sync_api import expect

    article = ArticleFactory(status="draft")
    eve, max_ = (
        StaffFactory(role="Editors", username="eve"),
        StaffFactory(role="Editors", username="max"),
    )
    first, second = new_page(), new_page()
    log_in(first, eve)
    log_in(second, max_)
    url = f"/admin/articles/article/{article.pk}/change/"
    first.goto(url)
    second.goto(url)
    expect(second.locator("#newsroom-presence")).to_contain_text("eve has this article open since")
    expect(first.locator("#newsroom-presence")).to_contain_text("max has this article open since")
    expect(first.locator("#newsroom-presence")).to_contain_text("UTC")


def test_typed_text_is_autosaved_and_offered_back_after_the_tab_is_closed(new_page):
    """Typing autosaves without publishing; a new tab offers the text back and restores it."""
    from playwright.sync_api import expect

    from articles.models import Article

    article = ArticleFactory(headline="Bridge opens")
    editor = StaffFactory(role="Editors")
    page = new_page()
    log_in(page, editor)
    url = f"/admin/articles/article/{article.pk}/change/"
    page.goto(url)
    page.fill("#id_headline", "Bridge opens to traffic at last")
    expect(page.locator("#newsroom-autosave-status")).to_contain_text("Autosaved on")
    page.close()  # the tab is closed without saving
    assert Article.objects.get(pk=article.pk).headline == "Bridge opens"

    again = new_page()
    log_in(again, editor)
    again.goto(url)
    expect(again.locator("#id_headline")).to_have_value("Bridge opens")
    expect(again.locator("#newsroom-autosave")).to_contain_text("was kept but never saved")
    again.click("#newsroom-autosave-restore")
    expect(again.locator("#id_headline")).to_have_value("Bridge opens to traffic at last")
