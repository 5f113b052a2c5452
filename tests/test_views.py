from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_front_page_lists_published_articles_newest_first(client, article_factory):
    """Readers see the newest article first."""
    now = timezone.now()
    article_factory("Older story", published_at=now - timedelta(days=2))
    article_factory("Newer story", published_at=now - timedelta(hours=1))
    html = client.get("/").content.decode()
    assert html.index("Newer story") < html.index("Older story")


def test_front_page_hides_drafts_and_scheduled_articles(client, article_factory):
    """Unpublished and future-scheduled articles stay off the front page."""
    article_factory("A draft", status=Article.Status.DRAFT)
    article_factory("Tomorrow's story", published_at=timezone.now() + timedelta(days=1))
    article_factory("Today's story")
    html = client.get("/").content.decode()
    assert "Today&#x27;s story" in html or "Today's story" in html
    assert "A draft" not in html
    assert "Tomorrow" not in html


def test_article_page_shows_headline_and_paragraphs_at_its_slug(client, article_factory):
    """An article lives at a readable address built from its headline."""
    article = article_factory("Rain expected in Haifa", paragraphs=("Clouds gather.", "Then rain."))
    assert article.get_absolute_url() == "/articles/rain-expected-in-haifa/"
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Rain expected in Haifa" in html
    assert html.index("Clouds gather.") < html.index("Then rain.")


def test_draft_article_page_is_not_found(client, article_factory):
    """A draft's address answers 404 to readers."""
    article = article_factory("Secret plan", status=Article.Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_not_found_page_is_in_the_site_style(client, db):
    """A missing page says so in plain words, inside the site's layout."""
    response = client.get("/articles/no-such-story/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_admin_login_page_is_served(client, db):
    """Editors reach the Django admin at /admin/."""
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert "Log in" in response.content.decode()


def test_stylesheet_is_linked_from_every_page(client, article_factory):
    """Pages load the site's stylesheet."""
    article = article_factory()
    for url in ("/", article.get_absolute_url()):
        assert "css/site.css" in client.get(url).content.decode()
