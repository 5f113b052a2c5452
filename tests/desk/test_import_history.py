"""Every import writes history: import, re-import and --force each record "Imported from <file>"."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.admin_support import form_data
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

FIRST = "Harbour Wall Gives Way in Storm\n\nThe old harbour wall gave way on Sunday.\n\nNo one was hurt."
SECOND = FIRST.replace("No one was hurt.", "Two boats sank.")
THIRD = FIRST.replace("No one was hurt.", "The mayor visited.")


def import_text(tmp_path, text: str, *options: str) -> Article:
    path = tmp_path / "harbour.txt"
    path.write_text(text)
    call_command("import_seeds", *options, str(path), stdout=StringIO())
    return Article.objects.get(source_file="harbour.txt")


def history(client, article) -> list[tuple[str, list[str]]]:
    """Each version on the article's history page: its comment and paragraphs, oldest first."""
    client.force_login(StaffFactory(role="Editors"))
    page = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    rows = []
    for version in reversed([row["version"] for row in page.context["versions"]]):
        blocks = version.revision.version_set.filter(content_type__model="block")
        texts = [
            v.field_dict["text"] for v in sorted(blocks, key=lambda v: v.field_dict["position"])
        ]
        rows.append((version.revision.get_comment(), texts))
    return rows


def edit_dek(client, article, dek: str) -> None:
    client.force_login(StaffFactory(role="Editors"))
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    data["dek"] = dek
    assert client.post(url, data).status_code == 302


def test_import_reimport_and_force_each_record_a_version(tmp_path, client):
    """Import, re-import, an editor's save and a forced import: four versions, each its text."""
    article = import_text(tmp_path, FIRST)
    import_text(tmp_path, SECOND)
    edit_dek(client, article, "An editor's standfirst.")
    import_text(tmp_path, THIRD, "--force")
    opening = "The old harbour wall gave way on Sunday."
    assert history(client, article) == [
        ("Imported from harbour.txt.", [opening, "No one was hurt."]),
        ("Imported from harbour.txt.", [opening, "Two boats sank."]),
        ("Changed Standfirst.", [opening, "Two boats sank."]),
        ("Imported from harbour.txt.", [opening, "The mayor visited."]),
    ]


def test_an_unchanged_reimport_records_nothing(tmp_path, client):
    """Importing the same file again adds no version."""
    article = import_text(tmp_path, FIRST)
    import_text(tmp_path, FIRST)
    assert len(history(client, article)) == 1


def test_an_editors_first_save_keeps_the_imported_text_in_the_history(tmp_path, client):
    """The import's version comes before the editor's, holding the text as imported."""
    article = import_text(tmp_path, FIRST)
    client.force_login(StaffFactory(role="Editors"))
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    data["blocks-1-text"] = "Everyone was safe."
    assert client.post(url, data).status_code == 302
    assert history(client, article) == [
        (
            "Imported from harbour.txt.",
            ["The old harbour wall gave way on Sunday.", "No one was hurt."],
        ),
        (
            "Changed Text for block “Paragraph: Everyone was safe.”.",
            ["The old harbour wall gave way on Sunday.", "Everyone was safe."],
        ),
    ]


def test_the_imported_text_can_be_compared_and_restored(tmp_path, client):
    """An editor restores the first import's text over the second import's."""
    article = import_text(tmp_path, FIRST)
    import_text(tmp_path, SECOND)
    assert len(history(client, article)) == 2
    first, second = Version.objects.get_for_object(article).order_by("pk")
    compare = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"old": first.pk, "new": second.pk},
    )
    assert [(r["old"], r["new"]) for r in compare.context["blocks"] if r["kind"] != "same"] == [
        ("Paragraph: No one was hurt.", "Paragraph: Two boats sank.")
    ]
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    response = client.post(restore_url, form_data(client.get(restore_url)))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).body_text.endswith("No one was hurt.")


def test_the_history_page_lists_the_import_with_the_uploader(client):
    """An upload through the admin is listed in the history under the editor who uploaded it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    editor = StaffFactory(role="Editors", username="eve")
    client.force_login(editor)
    upload = SimpleUploadedFile("harbour.txt", FIRST.encode())
    client.post("/admin/articles/article/import/", {"files": [upload]})
    article = Article.objects.get()
    page = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    (row,) = page.context["versions"]
    assert (row["revision"].user, row["revision"].get_comment()) == (
        editor,
        "Imported from harbour.txt.",
    )
