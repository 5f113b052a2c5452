"""A story with every kind of block and inline mark survives export_articles and
import_seeds unchanged (issue 14)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.factories import ArticleFactory, CaptionFactory, TeaserFactory, every_kind_of_block

pytestmark = pytest.mark.django_db
STORED = (
    "kind", "text", "html", "credit", "attribution",
    "embed_url", "embed_title", "embed_description",
)  # fmt: skip


def stored(article: Article) -> tuple:
    """What readers get of an article: its header, its blocks' fields, its derived text."""
    article.refresh_from_db()
    blocks = [tuple(getattr(b, name) for name in STORED) for b in article.blocks.all()]
    header = (article.headline, article.dek, article.byline, article.dateline)
    return header, blocks, article.body_text, article.word_count


def test_every_kind_and_mark_round_trips_through_export_and_import(tmp_path):
    article = ArticleFactory(
        headline="Council Approves Plan for New Bridge",
        dek="The vote ends ten years of argument over the river crossing.",
        byline="By Dana Levi",
        paragraphs=("The council voted on Tuesday to approve the plan for the bridge.",),
    )
    every_kind_of_block(article)
    CaptionFactory(article=article, text="The river at dawn", credit="Bilal Hussein / AP")
    TeaserFactory(article=article, text="Why the bridge matters")
    before = stored(article)

    call_command("export_articles", str(tmp_path), stdout=StringIO())
    exported = (tmp_path / f"{article.slug}.txt").read_text()
    assert "## What happens next" in exported
    assert "> — Ada Lovelace, mayor" in exported
    assert "- **Glass** from Murano" in exported
    assert "[the record](https://example.org/vote)" in exported
    Article.objects.all().delete()
    call_command("import_seeds", str(tmp_path), stdout=StringIO())
    assert stored(Article.objects.get()) == before


def test_dry_run_json_shows_the_new_kinds_fields(tmp_path):
    """--dry-run --json names each block's kind and what it adds, before anything is stored."""
    (tmp_path / "story.txt").write_text(
        "Council Approves Plan for New Bridge\n\nThe council voted **on Tuesday**.\n\n"
        "> The bridge will change the city.\n> — Ada Lovelace\n\n"
        "[The report](<https://example.org/report>) What it costs.\n"
    )
    out = StringIO()
    call_command("import_seeds", "--dry-run", "--json", str(tmp_path), stdout=out)
    record = json.loads(out.getvalue().splitlines()[0])
    assert record["blocks"] == [
        {"type": "paragraph", "text": "The council voted on Tuesday.",
         "html": "The council voted <strong>on Tuesday</strong>."},
        {"type": "quote", "text": "The bridge will change the city.", "attribution": "Ada Lovelace"},
        {"type": "embed", "text": "The report", "url": "https://example.org/report",
         "title": "The report", "description": "What it costs."},
    ]  # fmt: skip
    assert not Article.objects.exists()
