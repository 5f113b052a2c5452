"""Drafts, review, scheduling, publishing, previews and public notes in the admin (issue 5)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.admin_support import ROLES, change_url, errors_of, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/articles/article/"


def preview_url(article) -> str:
    return reverse("admin:articles_article_preview", args=[article.pk])


def login(client, user):
    client.force_login(user)
    return client


def test_migration_gives_editors_but_not_reporters_the_publish_permission():
    """Migration 0002 creates both roles; only editors may publish."""
    editors, reporters = Group.objects.get(name="Editors"), Group.objects.get(name="Reporters")
    codes = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in (editors, reporters)
    }
    assert codes["Editors"] >= set(ROLES["Editors"])  # later migrations add to it
    assert codes["Reporters"] == set(ROLES["Reporters"])
    assert "publish_article" in codes["Editors"]
    assert "publish_article" not in codes["Reporters"]
    assert {"add_article", "change_article"} <= codes["Reporters"]


def test_reporter_can_only_choose_draft_or_submitted(client, reporter):
    """A reporter's status menu offers draft and review, and no publishing time."""
    response = login(client, reporter).get("/admin/articles/article/add/")
    form = response.context["adminform"].form
    assert [value for value, _ in form.fields["status"].choices] == ["draft", "submitted"]
    assert "published_at" not in form.fields


def test_reporter_submits_a_draft_for_review(client, reporter):
    """A reporter writes a draft and hands it to the editors."""
    login(client, reporter)
    data = form_data(client.get("/admin/articles/article/add/"))
    data.update(headline="Council votes", status="submitted", language="en")
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302, errors_of(response)
    article = Article.objects.get()
    assert (article.status, article.published_at, article.author) == ("submitted", None, reporter)


def test_reporter_cannot_publish_by_posting_the_status(client, reporter):
    """A forged "published" status from a reporter is refused."""
    article = ArticleFactory(status=Article.Status.DRAFT)
    login(client, reporter)
    data = form_data(client.get(change_url(article)))
    data.update(status="published", published_at_0="2020-01-01", published_at_1="10:00")
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "Select a valid choice" in " ".join(errors_of(response))
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("draft", None)


def test_reporter_fixing_a_published_article_leaves_it_published(client, reporter):
    """A reporter's fix to a live article waits for an editor; status and time stay."""
    article = ArticleFactory(headline="Typo headlin")
    published_at = article.published_at
    login(client, reporter)
    response = client.get(change_url(article))
    assert "status" not in response.context["adminform"].form.fields
    data = form_data(response)
    data.update(headline="Typo headline", status="draft")
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Typo headlin", "published")
    assert article.published_at == published_at
    waiting = article.pending.content["fields"]
    assert (waiting["headline"], waiting["status"]) == ("Typo headline", "published")


def test_editor_publishes_now_when_no_time_is_given(client, editor):
    """Choosing "Published" without a time publishes the article at once."""
    article = ArticleFactory(status=Article.Status.SUBMITTED)
    login(client, editor)
    data = form_data(client.get(change_url(article)))
    data["status"] = "published"
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    assert client.get(article.get_absolute_url()).status_code == 200


def test_a_scheduled_article_appears_by_itself_when_its_time_comes(client, editor):
    """An article published for a future time stays off the site until then, with no job to run."""
    article = ArticleFactory(status=Article.Status.DRAFT)
    login(client, editor)
    later = timezone.localtime() + timedelta(hours=3)
    data = form_data(client.get(change_url(article)))
    data.update(
        status="published",
        published_at_0=later.date().isoformat(),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    assert "Scheduled" in client.get(LIST_URL).text
    assert "Scheduled: appears by itself on" in client.get(change_url(article)).text
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
    # Time passes: only the clock moves, nothing else is written.
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_editor_publishes_and_unpublishes_in_bulk(client, editor):
    """The publish and unpublish actions change every selected article and keep a revision."""
    drafts = [
        ArticleFactory(headline=f"Draft {i}", status=Article.Status.SUBMITTED) for i in range(2)
    ]
    login(client, editor)
    ids = [str(a.pk) for a in drafts]
    response = client.post(LIST_URL, {"action": "publish_selected", "_selected_action": ids})
    assert response.status_code == 302
    assert all(a.is_published for a in Article.objects.filter(pk__in=ids))
    assert Article.objects.get(pk=ids[0]).last_editor == editor
    response = client.post(LIST_URL, {"action": "unpublish_selected", "_selected_action": ids})
    assert set(Article.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        "unpublished"
    }
    history = client.get(reverse("admin:articles_article_history", args=[ids[0]]))
    assert [r["revision"].get_comment() for r in history.context["versions"]] == [
        "Unpublished.",
        "Published.",
    ]


def test_reporters_are_not_offered_the_publishing_actions(client, reporter):
    """Reporters see only the submit action; a forged publish action does nothing."""
    article = ArticleFactory(status=Article.Status.DRAFT)
    login(client, reporter)
    response = client.get(LIST_URL)
    actions = [name for name, _ in response.context["action_form"].fields["action"].choices]
    assert "publish_selected" not in actions
    assert "unpublish_selected" not in actions
    assert "submit_selected" in actions
    client.post(LIST_URL, {"action": "publish_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == "draft"


def test_staff_preview_an_unpublished_article_as_readers_will_see_it(client, reporter):
    """The preview renders the public article page for a draft, to logged-in staff only."""
    article = ArticleFactory(headline="Not yet out", status=Article.Status.DRAFT)
    response = login(client, reporter).get(preview_url(article))
    assert response.status_code == 200
    assert "Not yet out" in response.text
    assert response.context["preview"] is True
    assert "no-store" in response["Cache-Control"]
    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_preview_is_closed_to_readers_and_non_staff(client, django_user_model):
    """Anonymous visitors and non-staff accounts are sent to the admin login."""
    article = ArticleFactory(status=Article.Status.DRAFT)
    response = client.get(preview_url(article))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    client.force_login(django_user_model.objects.create_user("reader", password="x-Long-pw-1"))
    assert "/admin/login/" in client.get(preview_url(article))["Location"]


def test_view_on_site_appears_only_for_published_articles(client, editor):
    """A live article links to its public page; any other links to its preview."""
    live = ArticleFactory(headline="Live")
    draft = ArticleFactory(headline="Draft", status=Article.Status.DRAFT)
    login(client, editor)
    live_page = client.get(change_url(live)).text
    draft_page = client.get(change_url(draft)).text
    assert f'href="{live.get_absolute_url()}" class="viewsitelink">View on site' in live_page
    assert "View on site" not in draft_page
    assert f'href="{preview_url(draft)}" class="viewsitelink">Preview' in draft_page


def test_editor_attaches_a_dated_correction_that_moves_the_updated_time(client, editor):
    """A correction note is saved with its date and becomes the article's updated time."""
    article = ArticleFactory()
    login(client, editor)
    data = form_data(client.get(change_url(article)))
    now = timezone.localtime()
    data.update(
        {
            "notes-TOTAL_FORMS": "1",
            "notes-0-kind": "correction",
            "notes-0-text": "An earlier version misspelled the mayor's name.",
            "notes-0-created_at_0": now.date().isoformat(),
            "notes-0-created_at_1": now.strftime("%H:%M:%S"),
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    note = article.notes.get()
    article.refresh_from_db()
    assert note.kind == "correction"
    assert article.updated_at == note.created_at


def test_reporters_do_not_see_the_public_notes(client, reporter):
    """Public corrections are an editor's job: reporters get no notes inline."""
    article = ArticleFactory()
    response = login(client, reporter).get(change_url(article))
    prefixes = [i.formset.prefix for i in response.context["inline_admin_formsets"]]
    assert prefixes == ["blocks"]
