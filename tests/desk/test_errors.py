"""Refusals inside the admin: styled pages to the second, and a log line without a traceback."""

import logging

import pytest

from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter_client(client):
    client.force_login(StaffFactory(role="Reporters"))
    return client


def test_a_refused_page_is_an_admin_page_that_says_why(reporter_client):
    """A reporter opening the user list gets a 403 inside the admin's own layout."""
    response = reporter_client.get("/admin/auth/user/")
    assert response.status_code == 403
    assert "Newsroom admin" in response.text
    assert "Your account may not open this page or do this." in response.text
    assert 'href="/admin/"' in response.text


def test_a_missing_admin_page_is_an_admin_page(reporter_client):
    """An address that leads nowhere in the admin answers 404 in the admin's layout."""
    response = reporter_client.get("/admin/articles/article/999999/history/compare/")
    assert response.status_code == 404
    assert "Newsroom admin" in response.text and "There is nothing at this address" in response.text


def test_the_public_site_keeps_its_own_not_found_page(client):
    """Readers' 404 is the site's page, not the admin's."""
    response = client.get("/articles/no-such-story/")
    assert response.status_code == 404
    assert "Newsroom admin" not in response.text


def test_a_refused_permission_logs_one_line_and_no_traceback(reporter_client, caplog):
    """The server logs the refusal as a warning without an exception's traceback."""
    with caplog.at_level(logging.WARNING, logger="django.request"):
        reporter_client.get("/admin/auth/user/")
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.WARNING and "Forbidden" in record.getMessage()
    assert record.exc_info is None


def test_history_and_the_article_list_give_times_to_the_second_with_the_zone(client):
    """Saves seconds apart are told apart: every time carries seconds and "UTC"."""
    import re

    from django.urls import reverse

    from tests.admin_support import change_url, form_data

    article = ArticleFactory(status="draft")
    client.force_login(StaffFactory(role="Editors"))
    for headline in ("One", "Two"):
        data = form_data(client.get(change_url(article)))
        data["headline"] = headline
        client.post(change_url(article), data)
    history = client.get(reverse("admin:articles_article_history", args=[article.pk])).text
    assert len(re.findall(r"\d{2}:\d{2}:\d{2} UTC", history)) >= 2
    ArticleFactory(headline="Live one")
    listing = client.get("/admin/articles/article/").text
    assert re.search(r"\d{1,2} \w+ \d{4}, \d{2}:\d{2}:\d{2} UTC", listing)
