"""Invalidation holds across gunicorn workers, each with its own local-memory cache."""

import time

import pytest
from django.db import connection

from articles.models import Article
from tests.factories import ArticleFactory
from tests.serving import database_url, fetch, gunicorn, production_env


@pytest.mark.django_db(transaction=True)
def test_an_edit_reaches_readers_through_every_worker_within_seconds(tmp_path):
    """After an edit, no worker keeps serving the old headline for more than a few seconds."""
    article = ArticleFactory(headline="Headline before the edit")
    env = production_env(
        database_url(connection.settings_dict), tmp_path / "static", PAGE_CACHE_SECONDS="300"
    )
    with gunicorn(env) as base:
        url = base + article.get_absolute_url()
        # Many requests, so that both workers cache the page.
        assert all("Headline before the edit" in fetch(url)[1] for _ in range(20))

        article.headline = "Headline after the edit"
        article.save()  # commits at once: this test runs outside a transaction
        edited_at = time.monotonic()

        deadline = edited_at + 5
        while time.monotonic() < deadline:
            bodies = [fetch(url)[1] for _ in range(10)]
            if all("Headline after the edit" in body for body in bodies):
                break
            time.sleep(0.2)
        else:
            pytest.fail("a worker still served the old headline 5 seconds after the edit")
        assert all("Headline after the edit" in fetch(url)[1] for _ in range(20))
        assert Article.objects.get(pk=article.pk).headline == "Headline after the edit"
