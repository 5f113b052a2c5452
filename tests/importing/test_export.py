from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from articles.seedfile.corpus import article_text
from articles.seedfile.parser import parse, parse_bytes
from articles.seedfile.writer import BlockText, format_seed
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FIXTURES = Path(__file__).resolve().parents[1] / "seedfile" / "files"


def snapshot() -> dict:
    """Everything an import stores about each article, keyed by its source file."""
    return {
        a.source_file: (
            a.headline,
            a.dek,
            a.byline,
            a.dateline,
            [(b.kind, b.text, b.credit) for b in a.blocks.order_by("position")],
        )
        for a in Article.objects.prefetch_related("blocks")
    }


def test_export_then_import_gives_back_the_same_articles(tmp_path):
    """Seeds and a generated corpus survive export_articles followed by import_seeds."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(150):
        (corpus / f"c{number:04d}.txt").write_text(article_text(number))
    call_command("import_seeds", str(SEEDS), str(corpus), stdout=StringIO())
    before = snapshot()
    assert len(before) == 151

    exported = tmp_path / "exported"
    call_command("export_articles", str(exported), stdout=StringIO())
    assert len(list(exported.iterdir())) == 151
    Article.objects.all().delete()
    call_command("import_seeds", str(exported), stdout=StringIO())
    assert snapshot() == before


def structure(article) -> tuple:
    """A parsed article's header and blocks: what the writer must keep."""
    header = (article.headline, article.dek, article.byline, article.dateline)
    return header, [(b.kind, b.text, b.credit) for b in article.blocks]


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_writer_output_parses_to_the_same_structure(fixture):
    """Every messy fixture, once parsed, is written back in a form the parser reads the same."""
    article = parse_bytes((FIXTURES / fixture).read_bytes())
    text = format_seed(
        headline=article.headline,
        dek=article.dek,
        byline=article.byline,
        dateline=article.dateline,
        blocks=[BlockText(b.kind, b.text, b.credit) for b in article.blocks],
    )
    assert structure(parse(text)) == structure(article)


def test_export_only_published_articles_when_asked(tmp_path):
    """--published leaves drafts out of the export."""
    ArticleFactory(headline="Out in the open")
    ArticleFactory(headline="Still a draft", status=Article.Status.DRAFT)
    call_command("export_articles", str(tmp_path), "--published", stdout=StringIO())
    assert [p.name for p in tmp_path.iterdir()] == ["out-in-the-open.txt"]
