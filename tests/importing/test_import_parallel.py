"""Batches written side by side (articles/importing/pipeline.py) end as if written one after another."""

import pytest
from django.db import connection

from articles.importing.pipeline import WRITERS, import_files
from articles.models import Article, Block

# Committed transactions: the import's writers use connections of their own.
pytestmark = pytest.mark.django_db(transaction=True)

STORIES = 12


def story(headline: str, teaser: str) -> bytes:
    return f"{headline}\n\nThe first paragraph.\n\nThe second paragraph.\n\n>> {teaser} >>".encode()


def sessions() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


def test_teasers_link_to_articles_in_batches_written_at_the_same_time():
    """Each story's teaser names the next story, in another batch: every teaser is linked."""
    assert WRITERS > 1
    files = [
        (f"story_{n:02d}.txt", story(f"Story number {n}", f"Story number {(n + 1) % STORIES}"))
        for n in range(STORIES)
    ]
    reports = list(import_files(files, batch_size=2))
    assert [r.outcome for r in reports] == ["imported"] * STORIES
    for n in range(STORIES):
        teaser = Block.objects.get(article__source_file=f"story_{n:02d}.txt", kind="teaser")
        assert teaser.link_article is not None, f"story {n}'s teaser is not linked"
        assert teaser.link_article.headline == f"Story number {(n + 1) % STORIES}"


def test_the_same_headline_in_two_batches_gets_two_addresses():
    """Two files with one headline, written at the same time, are both imported, each at its own address."""
    files = [
        ("first.txt", story("Floods close the coast road", "Elsewhere")),
        ("other.txt", story("Markets rally", "Elsewhere")),
        ("second.txt", story("Floods close the coast road", "Elsewhere")),
        ("last.txt", story("Markets fall", "Elsewhere")),
    ]
    reports = list(import_files(files, batch_size=2))
    assert [r.outcome for r in reports] == ["imported"] * 4
    slugs = Article.objects.filter(headline="Floods close the coast road").values_list(
        "slug", flat=True
    )
    assert sorted(slugs) == ["floods-close-the-coast-road", "floods-close-the-coast-road-2"]


def test_writers_leave_no_connection_open():
    """After an import of many batches, the database has as many sessions as before."""
    before = sessions()
    files = [(f"s{n}.txt", story(f"Headline {n}", "Elsewhere")) for n in range(10)]
    list(import_files(files, batch_size=2))
    assert sessions() == before
