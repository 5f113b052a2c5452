"""Importing seed files from the admin, through the same importer as the command (issue 5)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from tests.admin_support import make_staff

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/articles/article/import/"
SEED = """Floods Close the Coast Road After a Week of Rain

Drivers were told to stay away as the water rose

The flooded road near the harbour on Tuesday.
Bilal Hussein / AP

The coast road was closed on Tuesday after a week of rain, the police said.

"We have never seen water this high," said a shopkeeper who has worked there for thirty years.
"""


def seed(name: str = "flood.txt", text: str = SEED) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def rows_of(response) -> list[tuple[str, str]]:
    return [(row["name"], row["outcome"]) for row in response.context["rows"]]


def test_the_article_list_links_to_the_import_page(editor_client):
    """The desk finds "Import seed files" on the article list."""
    assert IMPORT_URL in editor_client.get("/admin/articles/article/").text


def test_uploaded_seed_files_are_imported_as_drafts_by_default(editor_client):
    """Files go through the importer; new articles wait as drafts unless told otherwise."""
    response = editor_client.post(
        IMPORT_URL, {"files": [seed("a.txt"), seed("b.txt", SEED.replace("Floods", "Storms"))]}
    )
    assert rows_of(response) == [("a.txt", "imported"), ("b.txt", "imported")]
    article = Article.objects.get(source_file="a.txt")
    assert article.headline == "Floods Close the Coast Road After a Week of Rain"
    assert article.status == Article.Status.DRAFT
    assert reverse("admin:articles_article_change", args=[article.pk]) in response.text
    assert "Import finished: imported 2, updated 0, unchanged 0, conflicts 0, rejected 0" in [
        str(m) for m in response.context["messages"]
    ]
    assert Version.objects.get_for_object(article).get().revision.get_comment() == (
        "Imported from a.txt."
    )


def test_publish_immediately_puts_imported_articles_on_the_site(editor_client):
    """With "publish immediately" ticked, the article is live at once."""
    editor_client.post(IMPORT_URL, {"files": [seed()], "publish": "on"})
    article = Article.objects.get()
    assert article.is_published
    assert editor_client.get(article.get_absolute_url()).status_code == 200


def test_importing_the_same_file_again_changes_nothing(editor_client):
    """A second upload of an unchanged file is reported unchanged."""
    editor_client.post(IMPORT_URL, {"files": [seed()]})
    response = editor_client.post(IMPORT_URL, {"files": [seed()]})
    assert rows_of(response) == [("flood.txt", "unchanged")]
    assert Article.objects.count() == 1


def test_an_editors_changes_are_kept_unless_overwrite_is_ticked(editor_client):
    """A file whose article an editor changed is a conflict; "force" overwrites it."""
    editor_client.post(IMPORT_URL, {"files": [seed()]})
    edited_at = (timezone.now() + timedelta(seconds=1)).replace(microsecond=0)
    Article.objects.update(
        headline="Edited by the desk", edited_at=edited_at, last_editor=make_staff("ed", "Editors")
    )
    changed = SEED.replace("thirty years", "forty years")
    response = editor_client.post(IMPORT_URL, {"files": [seed(text=changed)]})
    assert rows_of(response) == [("flood.txt", "conflict")]
    when = timezone.localtime(edited_at).strftime("%-d %B %Y, %H:%M:%S %Z")
    assert f"changed by ed on {when} since its last import" in response.text
    assert Article.objects.get().headline == "Edited by the desk"
    response = editor_client.post(IMPORT_URL, {"files": [seed(text=changed)], "force": "on"})
    assert rows_of(response) == [("flood.txt", "updated")]
    assert Article.objects.get().headline.startswith("Floods")


def test_only_check_stores_nothing(editor_client):
    """A dry run reports what would happen and writes no article."""
    response = editor_client.post(IMPORT_URL, {"files": [seed()], "dry_run": "on"})
    assert rows_of(response) == [("flood.txt", "would be imported")]
    assert not Article.objects.exists()


def test_a_file_over_two_megabytes_is_refused_and_the_others_imported(editor_client):
    """A file over the limit is rejected with its size; the rest of the upload goes ahead."""
    big = seed("big.txt", SEED + "x" * 2_100_000)
    response = editor_client.post(IMPORT_URL, {"files": [big, seed("ok.txt")]})
    assert rows_of(response) == [("big.txt", "rejected"), ("ok.txt", "imported")]
    assert "the file is 2.1 MB; files over 2 MB are not imported" in response.text


def test_a_file_the_importer_rejects_is_shown_with_its_reason(editor_client):
    """The importer's own rejection reason reaches the editor."""
    response = editor_client.post(IMPORT_URL, {"files": [seed("empty.txt", "")]})
    assert rows_of(response) == [("empty.txt", "rejected")]
    assert response.context["rows"][0]["message"]


def test_submitting_without_files_says_what_to_do(editor_client):
    """The form asks for at least one file."""
    response = editor_client.post(IMPORT_URL, {})
    assert "Choose at least one seed file to import." in response.text


def test_reporters_import_drafts_only(client):
    """Reporters may import, but neither publish nor overwrite; forged ticks are ignored."""
    client.force_login(make_staff("ray", "Reporters"))
    page = client.get(IMPORT_URL)
    assert set(page.context["form"].fields) == {"files", "dry_run"}
    client.post(IMPORT_URL, {"files": [seed()], "publish": "on", "force": "on"})
    assert Article.objects.get().status == Article.Status.DRAFT


def test_the_import_page_is_for_staff_only(client):
    """Anonymous visitors are sent to the admin login."""
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
