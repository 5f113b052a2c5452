"""One rule for what readers may see, in the ORM and in the hand-written SQL alike."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article, published_sql
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_state():
    """An article in each state an editor can leave one in, and one live article."""
    later = timezone.now() + timedelta(hours=1)
    ArticleFactory(headline="Draft", status=Article.Status.DRAFT)
    ArticleFactory(headline="Submitted", status=Article.Status.SUBMITTED)
    ArticleFactory(headline="Unpublished", status=Article.Status.UNPUBLISHED)
    ArticleFactory(headline="Scheduled", published_at=later)
    ArticleFactory(headline="Live")


def test_the_sql_condition_selects_what_published_selects(every_state):
    """The hand-written queries' condition lets through exactly the articles published() does."""
    table = Article._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT a.headline FROM {table} a WHERE {published_sql('a')}")
        by_sql = {headline for (headline,) in cursor.fetchall()}
    by_orm = set(Article.objects.published().values_list("headline", flat=True))
    assert by_sql == by_orm == {"Live"}


def test_scheduled_articles_are_the_published_ones_due_later(every_state):
    """The desk's "Scheduled" filter finds the article due later and nothing else."""
    assert list(Article.objects.scheduled().values_list("headline", flat=True)) == ["Scheduled"]
    assert [a.headline for a in Article.objects.all() if a.is_scheduled] == ["Scheduled"]
    assert [a.headline for a in Article.objects.all() if a.is_published] == ["Live"]
