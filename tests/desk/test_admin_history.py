"""Every change kept with who and when; compare two versions; restore one (issue 5)."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.desk.views import compare_lines, words
from articles.models import Article, Block
from tests.admin_support import change_url, errors_of, form_data, make_staff
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def history_url(article) -> str:
    return reverse("admin:articles_article_history", args=[article.pk])


def edit(client, article, **changes) -> None:
    """Save the article's change form with some fields changed."""
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)


def test_each_save_keeps_a_version_with_its_blocks_author_and_time(editor_client, editor):
    """A save records the article, its blocks and who saved it."""
    article = ArticleFactory(headline="First headline", paragraphs=("One.", "Two."))
    edit(editor_client, article, headline="Second headline")
    version = Version.objects.get_for_object(article).get()
    assert version.revision.user == editor
    assert version.field_dict["headline"] == "Second headline"
    block_versions = version.revision.version_set.filter(content_type__model="block")
    assert sorted(v.field_dict["text"] for v in block_versions) == ["One.", "Two."]


def test_history_lists_versions_newest_first_with_compare_choices(editor_client):
    """The history page lists each saved version and preselects the latest two to compare."""
    article = ArticleFactory(headline="Headline")
    edit(editor_client, article, headline="Headline two")
    edit(editor_client, article, headline="Headline three")
    response = editor_client.get(history_url(article))
    assert [r["version"].field_dict["headline"] for r in response.context["versions"]] == [
        "Headline three",
        "Headline two",
    ]
    assert "Compare selected versions" in response.text
    assert response.text.count(" checked>") == 2


def test_compare_shows_what_changed_field_by_field_and_block_by_block(editor_client):
    """Comparing two versions shows the changed headline and the changed, added and removed blocks."""
    article = ArticleFactory(
        headline="Storm hits coast", paragraphs=("Winds rose in the night.", "Trees fell.")
    )
    edit(editor_client, article, headline="Storm hits the coast")
    data = form_data(editor_client.get(change_url(article)))
    data["blocks-0-text"] = "Winds rose sharply in the night."
    data["blocks-1-DELETE"] = "on"
    data.update(
        {
            "blocks-TOTAL_FORMS": "3",
            "blocks-2-position": "9",
            "blocks-2-kind": "caption",
            "blocks-2-text": "The harbour",
            "blocks-2-credit": "Ana Ruiz / Reuters",
        }
    )
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    newer, older = Version.objects.get_for_object(article).order_by("-pk")
    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"old": older.pk, "new": newer.pk},
    )
    assert response.context["fields"] == []
    kinds = [(row["kind"], row["old"], row["new"]) for row in response.context["blocks"]]
    assert kinds == [
        (
            "changed",
            "Paragraph: Winds rose in the night.",
            "Paragraph: Winds rose sharply in the night.",
        ),
        ("removed", "Paragraph: Trees fell.", ""),
        ("added", "", "Photo caption: The harbour [credit: Ana Ruiz / Reuters]"),
    ]
    assert "<ins>sharply </ins>" in response.text
    assert reverse("admin:articles_article_revision", args=[article.pk, older.pk]) in response.text


def test_compare_shows_a_headline_change(editor_client):
    """A changed headline appears as one row with the words struck out and added."""
    article = ArticleFactory(headline="Storm hits coast")
    edit(editor_client, article, headline="Storm hits the coast")
    edit(editor_client, article, headline="Storm batters the coast")
    newer, older = Version.objects.get_for_object(article).order_by("-pk")
    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"old": newer.pk, "new": older.pk},
    )
    assert [(r["label"], r["old"], r["new"]) for r in response.context["fields"]] == [
        ("Headline", "Storm hits the coast", "Storm batters the coast")
    ]
    assert "<del>hits</del>" in response.text
    assert "<ins>batters</ins>" in response.text


def test_restoring_an_earlier_version_brings_back_its_text_and_blocks(editor_client):
    """Restoring a version puts back its headline and its blocks, as a new save."""
    article = ArticleFactory(headline="Before", paragraphs=("Old paragraph.",))
    edit(editor_client, article, headline="Before")
    data = form_data(editor_client.get(change_url(article)))
    data.update(headline="After", **{"blocks-0-text": "New paragraph."})
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    live_version = article.version
    earlier = Version.objects.get_for_object(article).order_by("pk").first()
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, earlier.pk])

    page = editor_client.get(restore_url)
    assert page.status_code == 200
    article.refresh_from_db()
    assert article.headline == "After"  # only looking does not restore
    response = editor_client.post(restore_url, form_data(page))
    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    assert article.headline == "Before"
    assert [b.text for b in article.blocks.all()] == ["Old paragraph."]
    assert article.body_text == "Old paragraph."
    assert article.version == live_version + 1


def test_restoring_from_a_page_opened_before_another_save_is_refused(editor_client):
    """A restore form left open while someone saves again is refused as stale."""
    article = ArticleFactory(headline="One")
    edit(editor_client, article, headline="Two")
    edit(editor_client, article, headline="Three")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    stale = form_data(editor_client.get(restore_url))
    edit(editor_client, article, headline="Four")
    response = editor_client.post(restore_url, stale)
    assert response.status_code == 200
    assert "Someone else saved this article" in " ".join(errors_of(response))
    article.refresh_from_db()
    assert article.headline == "Four"


def test_a_reporter_cannot_publish_by_restoring_a_published_version(client):
    """Restoring an old published version does not let a reporter publish."""
    editor, reporter = make_staff("eve", "Editors"), make_staff("ray", "Reporters")
    article = ArticleFactory(headline="Live story")
    client.force_login(editor)
    edit(client, article)  # a version in which the article is published
    published_version = Version.objects.get_for_object(article).get()
    edit(client, article, status="unpublished")
    client.force_login(reporter)
    restore_url = reverse(
        "admin:articles_article_revision", args=[article.pk, published_version.pk]
    )
    response = client.post(restore_url, form_data(client.get(restore_url)))
    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED


def test_word_diff_marks_only_the_changed_words():
    """The word diff keeps unchanged words plain."""
    assert words("the quick fox", "the slow fox") == {
        "old": [("same", "the "), ("del", "quick"), ("same", " fox")],
        "new": [("same", "the "), ("ins", "slow"), ("same", " fox")],
    }


def test_line_diff_pairs_changed_lines_and_lists_added_ones():
    """An edited line is paired with its old self; an extra line is reported as added."""
    rows = compare_lines(["Same.", "Winds rose."], ["Same.", "Winds rose fast.", "New."])
    assert [r["kind"] for r in rows] == ["same", "changed", "added"]


def test_blocks_of_other_articles_never_leak_into_a_comparison(editor_client):
    """Only the compared article's blocks are listed."""
    article = ArticleFactory(headline="Mine", paragraphs=("Mine.",))
    Block.objects.create(article=ArticleFactory(headline="Other"), position=5, text="Not mine.")
    edit(editor_client, article)
    response = editor_client.get(reverse("admin:articles_article_compare", args=[article.pk]))
    assert [r["old"] for r in response.context["blocks"]] == ["Paragraph: Mine."]
