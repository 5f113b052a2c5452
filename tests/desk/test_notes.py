"""Corrections and update notes are permanent: restores keep them; only an editor withdraws one."""

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.desk.notes import KEPT_ON_RESTORE
from articles.models import Note
from tests.admin_support import change_url, errors_of, form_data
from tests.factories import ArticleFactory, NoteFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(StaffFactory(role="Editors", username="eve"))
    return client


def edit(client, article, **changes) -> None:
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)


def withdraw_url(note) -> str:
    return reverse("admin:articles_article_withdraw_note", args=[note.article_id, note.pk])


def restore(client, article, version) -> object:
    url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
    page = client.get(url)
    response = client.post(url, form_data(page))
    assert response.status_code == 302, errors_of(response)
    return page


def test_restoring_a_version_from_before_a_correction_keeps_the_correction(editor_client, client):
    """The older text comes back and the correction stays on the public page; the screen says so."""
    article = ArticleFactory(headline="Mayor resigns", paragraphs=["The mayor resigned."])
    edit(editor_client, article, headline="Mayor resigns after vote")
    earlier = Version.objects.get_for_object(article).get()
    edit(editor_client, article, headline="Mayor quits")
    NoteFactory(article=article, text="An earlier version gave the wrong date of the vote.")
    page = restore(editor_client, article, earlier)
    assert KEPT_ON_RESTORE in page.text
    article.refresh_from_db()
    assert article.headline == "Mayor resigns after vote"
    assert list(article.notes.values_list("text", flat=True)) == [
        "An earlier version gave the wrong date of the vote."
    ]
    assert "An earlier version gave the wrong date" in client.get(article.get_absolute_url()).text


def test_restoring_never_brings_back_a_withdrawn_note_unwithdrawn(editor_client):
    """A version saved before a withdrawal, restored, leaves the note withdrawn."""
    article = ArticleFactory()
    note = NoteFactory(article=article)
    edit(editor_client, article, headline="Before the withdrawal")
    earlier = Version.objects.get_for_object(article).get()
    editor_client.post(withdraw_url(note), {"reason": "The name was right after all."})
    restore(editor_client, article, earlier)
    note.refresh_from_db()
    assert note.withdrawn_reason == "The name was right after all."


def test_an_editor_withdraws_a_note_with_a_reason_readers_see(editor_client, client):
    """The note stays, marked withdrawn with the date and reason, and the history records it."""
    article = ArticleFactory()
    note = NoteFactory(article=article, text="An earlier version misspelled the name.")
    response = editor_client.post(withdraw_url(note), {"reason": "The spelling was correct."})
    assert response.status_code == 302
    today = timezone.localtime().strftime("%-d %B %Y")
    page = client.get(article.get_absolute_url()).text
    assert "An earlier version misspelled the name." in page
    assert "This correction was withdrawn on" in page and today in page
    assert "The spelling was correct." in page
    comment = Version.objects.get_for_object(article).first().revision.get_comment()
    assert (
        comment.startswith("Withdrew the correction of ") and "The spelling was correct." in comment
    )


def test_withdrawing_needs_a_reason(editor_client):
    """Without a reason the note is left as it was and the editor is told what to write."""
    note = NoteFactory()
    response = editor_client.post(withdraw_url(note), {"reason": "  "})
    assert "Say why the note is withdrawn: readers will see it." in response.text
    note.refresh_from_db()
    assert note.withdrawn_at is None


def test_a_reporter_cannot_withdraw_a_note(client):
    """Withdrawing is an editor's decision: a reporter is refused."""
    note = NoteFactory()
    client.force_login(StaffFactory(role="Reporters"))
    response = client.post(withdraw_url(note), {"reason": "Because."})
    assert response.status_code == 403
    note.refresh_from_db()
    assert note.withdrawn_at is None


def test_a_saved_note_cannot_be_rewritten_or_deleted_from_the_change_form(editor_client):
    """Posting a changed text or a delete tick for a saved note changes nothing."""
    article = ArticleFactory()
    note = NoteFactory(article=article, text="The original correction.")
    data = form_data(editor_client.get(change_url(article)))
    data.update({"notes-0-text": "Rewritten.", "notes-0-DELETE": "on", "headline": "New headline"})
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    assert Note.objects.get(pk=note.pk).text == "The original correction."
