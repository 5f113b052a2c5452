"""Header fields keep what they say: several-line bylines, sign-offs, and saves that change nothing."""

import pytest
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from articles.importing.pipeline import import_files
from articles.models import Article
from tests.admin_support import change_url, errors_of, form_data
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db

SEED = b"""Council Approves New Budget After Long Debate

By Sarah Klein
Los Angeles Times

SPRINGFIELD, Ill. -

The city council approved the budget on Tuesday.

Members debated for six hours.

Reporting by Sarah Klein; Editing by Mark Potter
"""


@pytest.fixture
def imported():
    (report,) = import_files([("council.txt", SEED)], publish=True)
    return Article.objects.get(pk=report.article_id)


@pytest.fixture
def editor_client(client):
    client.force_login(StaffFactory(role="Editors"))
    return client


def test_an_end_of_story_sign_off_stays_at_the_end_of_the_story(imported, client):
    """ "Reporting by …; Editing by …" is the story's last paragraph, not part of the byline."""
    assert imported.byline == "By Sarah Klein\nLos Angeles Times"
    last = imported.blocks.order_by("position").last()
    assert last.text == "Reporting by Sarah Klein; Editing by Mark Potter"
    page = client.get(imported.get_absolute_url()).content.decode()
    assert page.index("Members debated") < page.index("Reporting by Sarah Klein")
    assert "Sarah Klein</a><br><a" in page  # the byline keeps its line break


def test_the_byline_and_dateline_are_edited_in_text_areas(imported, editor_client):
    """Both fields show every line of what they hold."""
    page = editor_client.get(change_url(imported)).content.decode()
    assert '<textarea name="byline"' in page
    assert '<textarea name="dateline"' in page
    assert ">\nBy Sarah Klein\nLos Angeles Times</textarea>" in page


def test_saving_an_imported_article_without_changes_changes_and_records_nothing(
    imported, editor_client
):
    """Open and save: same fields, same page, no history entry and no "Changed Byline"."""
    before_page = editor_client.get(imported.get_absolute_url()).content
    data = form_data(editor_client.get(change_url(imported)))
    versions = Version.objects.get_for_object(imported).count()
    data["byline"] = data["byline"].replace("\n", "\r\n")  # what a browser's text area sends
    response = editor_client.post(change_url(imported), data, follow=True)
    assert "No changes to save" in " ".join(str(m) for m in response.context["messages"])
    after = Article.objects.get(pk=imported.pk)
    assert (after.byline, after.version, after.edited_at) == (
        imported.byline,
        imported.version,
        None,
    )
    assert Version.objects.get_for_object(imported).count() == versions
    assert not LogEntry.objects.filter(object_id=str(imported.pk)).exists()
    assert editor_client.get(imported.get_absolute_url()).content == before_page


def test_a_real_change_to_one_field_names_only_that_field(imported, editor_client):
    """Changing the section alone records "Changed Section", never the untouched byline."""
    from tests.factories import SectionFactory

    section = SectionFactory(name="Politics")
    data = form_data(editor_client.get(change_url(imported)))
    data["byline"] = data["byline"].replace("\n", "\r\n")
    data["section"] = str(section.pk)
    response = editor_client.post(change_url(imported), data)
    assert response.status_code == 302, errors_of(response)
    comment = Version.objects.get_for_object(imported).first().revision.get_comment()
    assert "Section" in comment and "Byline" not in comment, comment
    assert Article.objects.get(pk=imported.pk).byline == "By Sarah Klein\nLos Angeles Times"


def test_a_new_byline_of_two_lines_is_stored_with_both_lines(editor_client):
    """A byline typed on two lines keeps its line break."""
    article = ArticleFactory()
    data = form_data(editor_client.get(change_url(article)))
    data["byline"] = "By Ana Ruiz\r\nAdditional reporting by Li Wei"
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    assert Article.objects.get(pk=article.pk).byline == (
        "By Ana Ruiz\nAdditional reporting by Li Wei"
    )
