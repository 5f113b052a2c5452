"""One rule for what may be published: at least one paragraph of body text, as the importer says."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.desk.workflow import EMPTY_ARTICLE
from articles.models import Article
from tests.admin_support import change_url, errors_of, form_data
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(StaffFactory(role="Editors"))
    return client


def post_status(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    return client.post(change_url(article), data)


def test_publishing_an_article_without_body_text_is_refused_in_plain_words(editor_client):
    """An editor choosing "Published" for a headline with no paragraphs is told why, and it stays a draft."""
    article = ArticleFactory(headline="Only a headline", status=Article.Status.DRAFT, paragraphs=[])
    response = post_status(editor_client, article, status="published")
    assert response.status_code == 200
    assert EMPTY_ARTICLE in errors_of(response)
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("draft", None)


def test_scheduling_an_article_without_body_text_is_refused(editor_client):
    """A future publication time for an empty article is refused just as publishing now is."""
    article = ArticleFactory(status=Article.Status.DRAFT, paragraphs=[])
    later = timezone.localtime() + timedelta(days=1)
    response = post_status(
        editor_client,
        article,
        status="published",
        published_at_0=later.date().isoformat(),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    assert EMPTY_ARTICLE in errors_of(response)
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_a_blank_paragraph_does_not_count_as_body_text(editor_client):
    """A paragraph of spaces is no body: the article is still refused."""
    article = ArticleFactory(status=Article.Status.DRAFT, paragraphs=["   "])
    response = post_status(editor_client, article, status="published")
    assert EMPTY_ARTICLE in errors_of(response)


def test_an_article_with_a_paragraph_publishes(editor_client):
    """The rule lets through an article with one paragraph of text."""
    article = ArticleFactory(status=Article.Status.DRAFT, paragraphs=["The council voted."])
    response = post_status(editor_client, article, status="published")
    assert response.status_code == 302, errors_of(response)
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_the_bulk_publish_action_skips_empty_articles_and_says_why(editor_client):
    """Publishing a selection publishes the full article and names the empty one."""
    empty = ArticleFactory(headline="Empty one", status=Article.Status.DRAFT, paragraphs=[])
    full = ArticleFactory(status=Article.Status.DRAFT, paragraphs=["Text."])
    response = editor_client.post(
        "/admin/articles/article/",
        {"action": "publish_selected", "_selected_action": [empty.pk, full.pk]},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert any("“Empty one”" in m and EMPTY_ARTICLE in m for m in shown), shown
    assert list(Article.objects.published().values_list("pk", flat=True)) == [full.pk]
