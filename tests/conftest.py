from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Block


def make_article(
    headline: str = "A test headline",
    *,
    paragraphs: tuple[str, ...] = ("First paragraph.",),
    status: str = Article.Status.PUBLISHED,
    published_at=None,
    **fields,
) -> Article:
    """An article with paragraph blocks, published an hour ago unless told otherwise."""
    if published_at is None and status == Article.Status.PUBLISHED:
        published_at = timezone.now() - timedelta(hours=1)
    article = Article.objects.create(
        headline=headline, status=status, published_at=published_at, **fields
    )
    Block.objects.bulk_create(
        Block(article=article, position=i, kind=Block.Kind.PARAGRAPH, text=text)
        for i, text in enumerate(paragraphs)
    )
    return article


@pytest.fixture
def article_factory(db):
    return make_article


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests read static files from static/ directly, so they need no collectstatic."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
