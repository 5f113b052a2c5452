"""Live articles have a draft: changes wait, out of readers' sight, until an editor publishes them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.caching import content_version
from articles.models import Article, PendingChange
from tests.admin_support import change_url, errors_of, form_data
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/articles/article/"


@pytest.fixture
def live():
    return ArticleFactory(headline="Bridge opens", paragraphs=["The bridge opened today."])


@pytest.fixture
def reporter():
    return StaffFactory(role="Reporters", username="ray")


@pytest.fixture
def editor():
    return StaffFactory(role="Editors", username="eve")


def save_form(client, article, button: str, **changes):
    data = form_data(client.get(change_url(article)), button=button)
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    return response


def changes_url(article) -> str:
    return reverse("admin:articles_article_changes", args=[article.pk])


def public_headline(client, article) -> str:
    client.logout()
    page = client.get(article.get_absolute_url()).text
    return page.split('<h1 class="article__headline">')[1].split("</h1>")[0]


def test_a_reporters_change_to_a_live_article_waits_and_readers_see_the_old_one(
    client, live, reporter
):
    """The reporter's save is kept as pending changes; the public page does not move."""
    client.force_login(reporter)
    save_form(client, live, "_save", headline="Bridge opens to traffic")
    assert public_headline(client, live) == "Bridge opens"
    pending = PendingChange.objects.get(article=live)
    assert (pending.content["fields"]["headline"], pending.author) == (
        "Bridge opens to traffic",
        reporter,
    )


def test_a_reporter_cannot_publish_changes_even_by_posting_the_button(client, live, reporter):
    """A forged "Publish changes" from a reporter still only saves a draft."""
    client.force_login(reporter)
    save_form(client, live, "_publish_changes", headline="Forged")
    assert Article.objects.get(pk=live.pk).headline == "Bridge opens"


def test_reopening_the_article_shows_the_pending_changes_and_their_author(client, live, reporter):
    """The form opens on the draft, saying whose it is and that readers do not see it."""
    client.force_login(reporter)
    save_form(client, live, "_save_draft", headline="Bridge opens to traffic")
    page = client.get(change_url(live))
    assert page.context["adminform"].form["headline"].value() == "Bridge opens to traffic"
    assert "changes not yet live (draft), saved by" in page.text and "ray" in page.text


def test_editors_find_submitted_changes_in_the_list_by_filter_and_column(
    client, live, reporter, editor
):
    """Submitted changes are listed under "Waiting for an editor" with the author and time."""
    ArticleFactory(headline="Untouched story")
    client.force_login(reporter)
    save_form(client, live, "_submit_changes", headline="Bridge opens to traffic")
    client.force_login(editor)
    page = client.get(LIST_URL, {"pending": "submitted"})
    assert [a.headline for a in page.context["cl"].result_list] == ["Bridge opens"]
    assert "Waiting for an editor: ray, " in page.text and " UTC" in page.text


def test_the_preview_shows_the_changes_as_readers_will_see_them(client, live, reporter, editor):
    """Preview renders the reader's page with the changes; the live page stays as it was."""
    client.force_login(reporter)
    save_form(client, live, "_submit_changes", headline="Bridge opens to traffic")
    client.force_login(editor)
    preview = client.get(reverse("admin:articles_article_changes_preview", args=[live.pk]))
    assert '<h1 class="article__headline">Bridge opens to traffic</h1>' in preview.text
    assert "The bridge opened today." in preview.text
    assert Article.objects.get(pk=live.pk).headline == "Bridge opens"


def test_the_review_page_compares_the_changes_with_the_live_article(client, live, reporter, editor):
    """Headline and body differences are listed live → with the changes."""
    client.force_login(reporter)
    save_form(
        client,
        live,
        "_submit_changes",
        headline="Bridge opens to traffic",
        **{"blocks-0-text": "The bridge opened this morning."},
    )
    client.force_login(editor)
    page = client.get(changes_url(live))
    assert [(r["label"], r["old"], r["new"]) for r in page.context["fields"]] == [
        ("Headline", "Bridge opens", "Bridge opens to traffic")
    ]
    assert [(r["old"], r["new"]) for r in page.context["blocks"]] == [
        ("Paragraph: The bridge opened today.", "Paragraph: The bridge opened this morning.")
    ]


def test_an_editor_publishes_the_changes_and_the_history_says_whose_they_were(
    client, live, reporter, editor
):
    """Approving makes the changes live, removes them from waiting and records a version."""
    client.force_login(reporter)
    save_form(client, live, "_submit_changes", headline="Bridge opens to traffic")
    client.force_login(editor)
    client.post(changes_url(live), {"action": "publish"})
    assert public_headline(client, live) == "Bridge opens to traffic"
    assert not PendingChange.objects.exists()
    revision = Version.objects.get_for_object(live).first().revision
    assert revision.user == editor
    assert revision.get_comment().startswith("Published the changes ray saved on ")


def test_an_editor_sends_changes_back_with_a_note_the_reporter_sees(client, live, reporter, editor):
    """The note reaches the reporter's form; nothing goes live."""
    client.force_login(reporter)
    save_form(client, live, "_submit_changes", headline="Bridge opens to traffic")
    client.force_login(editor)
    refused = client.post(changes_url(live), {"action": "send_back", "note": " "})
    assert "Write the author a note saying what to change." in refused.text
    client.post(changes_url(live), {"action": "send_back", "note": "Check the opening time."})
    client.force_login(reporter)
    assert "Sent back by an editor: Check the opening time." in client.get(change_url(live)).text
    assert Article.objects.get(pk=live.pk).headline == "Bridge opens"


def test_a_reporter_may_not_decide_on_pending_changes(client, live, reporter):
    """Publishing from the review page is refused to a reporter."""
    client.force_login(reporter)
    save_form(client, live, "_submit_changes", headline="Bridge opens to traffic")
    assert client.post(changes_url(live), {"action": "publish"}).status_code == 403
    assert Article.objects.get(pk=live.pk).headline == "Bridge opens"


def test_an_editors_save_draft_waits_and_publish_changes_goes_live(client, live, editor):
    """An editor chooses: "Save draft" keeps the page as it is, "Publish changes" updates it."""
    client.force_login(editor)
    save_form(client, live, "_save_draft", headline="Bridge opens to traffic")
    assert public_headline(client, live) == "Bridge opens"
    client.force_login(editor)
    save_form(client, live, "_publish_changes", dek="Cars crossed at noon.")
    article = Article.objects.get(pk=live.pk)
    assert (article.headline, article.dek) == ("Bridge opens to traffic", "Cars crossed at noon.")
    assert not PendingChange.objects.exists()


def test_scheduled_changes_go_live_by_themselves_when_their_time_comes(
    client, live, reporter, editor
):
    """Changes scheduled for a time go live once it has passed, with no job to run."""
    client.force_login(reporter)
    save_form(client, live, "_submit_changes", headline="Bridge opens to traffic")
    client.force_login(editor)
    soon = timezone.localtime() + timedelta(hours=1)
    response = client.post(
        changes_url(live),
        {
            "action": "schedule",
            "publish_at_0": soon.date().isoformat(),
            "publish_at_1": soon.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302
    content_version()
    assert Article.objects.get(pk=live.pk).headline == "Bridge opens"
    PendingChange.objects.update(publish_at=timezone.now() - timedelta(hours=1))
    content_version(fresh=True)  # the next once-a-second check
    assert Article.objects.get(pk=live.pk).headline == "Bridge opens to traffic"
    assert not PendingChange.objects.exists()


def test_a_draft_of_a_live_article_cannot_empty_it(client, live, editor):
    """Removing every paragraph is refused with the publishing rule, draft or not."""
    client.force_login(editor)
    data = form_data(client.get(change_url(live)), button="_save_draft")
    data["blocks-0-DELETE"] = "on"
    response = client.post(change_url(live), data)
    assert response.status_code == 200
    assert any("no body text" in e for e in errors_of(response))


def test_a_reporters_upload_for_a_live_article_waits_for_an_editor(client, reporter):
    """The admin importer keeps a reporter's new version of a live article as pending changes."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.importing.pipeline import import_files

    text = "Bridge Opens on Time\n\nThe bridge opened today.\n\nCars crossed at noon."
    (report,) = import_files([("bridge.txt", text.encode())], publish=True)
    article = Article.objects.get(pk=report.article_id)
    client.force_login(reporter)
    upload = SimpleUploadedFile("bridge.txt", text.replace("noon", "dawn").encode())
    response = client.post("/admin/articles/article/import/", {"files": [upload]})
    assert [(r["name"], r["outcome"]) for r in response.context["rows"]] == [
        ("bridge.txt", "waiting for an editor")
    ]
    assert public_headline(client, article) == "Bridge Opens on Time"
    assert "Cars crossed at noon." in client.get(article.get_absolute_url()).text
    pending = PendingChange.objects.get(article=article)
    assert pending.state == "submitted"
    assert [b["text"] for b in pending.content["blocks"]][-1] == "Cars crossed at dawn."
