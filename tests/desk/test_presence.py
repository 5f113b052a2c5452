"""Presence, autosave and stale saves: nobody's typing is lost or silently overwritten."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_support import change_url, errors_of, form_data
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db


def presence_url(article) -> str:
    return reverse("admin:articles_article_presence", args=[article.pk])


def autosave_url(article) -> str:
    return reverse("admin:articles_article_autosave", args=[article.pk])


def test_each_editor_sees_who_else_has_the_article_open_and_since_when(client):
    """Two editors on one article: each is told about the other, not about themselves."""
    from django.test import Client

    article = ArticleFactory(status=Article.Status.DRAFT)
    eve, max_ = (
        StaffFactory(role="Editors", username="eve"),
        StaffFactory(role="Editors", username="max"),
    )
    other = Client()
    client.force_login(eve)
    other.force_login(max_)
    assert client.post(presence_url(article)).json() == {"others": []}
    seen_by_max = other.post(presence_url(article)).json()["others"]
    assert [o["user"] for o in seen_by_max] == ["eve"]
    assert seen_by_max[0]["since"].endswith(" UTC")
    assert [o["user"] for o in client.post(presence_url(article)).json()["others"]] == ["max"]


def test_the_form_carries_the_presence_and_autosave_script_without_inline_code(client):
    """The change form loads desk.js from a file and passes addresses as data attributes."""
    article = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(StaffFactory(role="Editors"))
    page = client.get(change_url(article)).text
    assert "admin-extra/desk.js" in page
    assert f'data-presence-url="{presence_url(article)}"' in page
    assert "<script>" not in page


def test_an_autosave_is_offered_on_reopening_and_never_published(client):
    """Typed text kept by autosave changes nothing live and is offered when the form is opened again."""
    article = ArticleFactory(headline="Live headline")
    client.force_login(StaffFactory(role="Editors"))
    response = client.post(autosave_url(article), {"headline": "Half-typed headline"})
    assert response.json()["saved_at"].endswith(" UTC")
    assert Article.objects.get(pk=article.pk).headline == "Live headline"
    page = client.get(change_url(article))
    assert "was kept but never saved" in page.text
    assert client.get(autosave_url(article)).json()["fields"]["headline"] == ["Half-typed headline"]


def test_saving_the_form_clears_the_autosave(client):
    """Once the form is saved, no autosave is offered any more."""
    article = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(StaffFactory(role="Editors"))
    client.post(autosave_url(article), {"headline": "Typed"})
    data = form_data(client.get(change_url(article)))
    data["headline"] = "Typed"
    assert client.post(change_url(article), data).status_code == 302
    assert "was kept but never saved" not in client.get(change_url(article)).text


def test_a_reporter_cannot_autosave_into_an_article_they_may_not_change(client):
    """Anonymous visitors are sent to log in; nothing is stored."""
    article = ArticleFactory()
    response = client.post(autosave_url(article), {"headline": "x"})
    assert response.status_code == 302


def test_a_stale_save_names_the_other_editor_and_what_they_changed(client):
    """Saving over someone else's newer save is refused with their name, the time and their change."""
    from django.test import Client

    article = ArticleFactory(status=Article.Status.DRAFT, headline="Old headline")
    eve, max_ = (
        StaffFactory(role="Editors", username="eve"),
        StaffFactory(role="Editors", username="max"),
    )
    client.force_login(eve)
    first = form_data(client.get(change_url(article)))
    first["dek"] = "A first save."
    assert client.post(change_url(article), first).status_code == 302
    stale = form_data(client.get(change_url(article)))
    other = Client()
    other.force_login(max_)
    fresh = form_data(other.get(change_url(article)))
    fresh["headline"] = "Max's headline"
    assert other.post(change_url(article), fresh).status_code == 302
    stale["dek"] = "Eve's standfirst"
    response = client.post(change_url(article), stale)
    (message,) = errors_of(response)
    assert message.startswith("max saved this article on ") and "after you opened it" in message
    assert "That save changed: headline." in message
    assert "Eve&#x27;s standfirst" in response.text or "Eve's standfirst" in response.text
    assert Article.objects.get(pk=article.pk).headline == "Max's headline"
