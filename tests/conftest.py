from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Block
from tests.admin_support import make_staff


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
def page_cache_off(settings):
    """Most tests look at freshly rendered pages; tests/test_page_cache.py turns the cache on.

    (Inside a test's transaction, on_commit invalidation never runs, so a cached page
    would outlive the test's own edits.)
    """
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0  # tests/test_fragment_cache.py turns fragments on


# Helpers for the reader's site (issue 4): sections, topics and the other kinds of block.


def make_section(name: str = "World", slug: str | None = None):
    """A section, its slug made from the name unless given."""
    from django.utils.text import slugify

    from articles.models import Section

    return Section.objects.create(name=name, slug=slug or slugify(name))


def make_topic(name: str = "Diplomacy", slug: str | None = None):
    """A topic (tag), its slug made from the name unless given."""
    from django.utils.text import slugify

    from articles.models import Topic

    return Topic.objects.create(name=name, slug=slug or slugify(name))


def add_block(article: Article, kind: str, text: str, **fields) -> Block:
    """Append a block to an article's body and refresh what search reads of it."""
    position = article.blocks.count()
    block = Block.objects.create(article=article, position=position, kind=kind, text=text, **fields)
    article.refresh_derived()
    return block


def make_caption(article: Article, text: str = "A photo caption.", **fields) -> Block:
    return add_block(article, Block.Kind.CAPTION, text, **fields)


def make_teaser(article: Article, text: str = "A related story", **fields) -> Block:
    return add_block(article, Block.Kind.TEASER, text, **fields)


# Newsroom staff for the admin tests (groups as migration 0002 makes them).


@pytest.fixture
def editor(db):
    return make_staff("eve", "Editors")


@pytest.fixture
def reporter(db):
    return make_staff("ray", "Reporters")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
