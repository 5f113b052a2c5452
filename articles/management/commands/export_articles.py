"""python manage.py export_articles DIR: write articles back out as seed files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Prefetch

from articles.models import Article, Block
from articles.seedfile.writer import BlockText, format_seed


class Command(BaseCommand):
    help = "Write every article (or only published ones) to DIR as seed-format text files."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="where to write the files (created if missing)")
        parser.add_argument("--published", action="store_true", help="only published articles")

    def handle(self, *args, directory: str, published: bool, **options) -> None:
        target = Path(directory)
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"cannot create {target}: {exc.strerror}") from exc
        articles = Article.objects.published() if published else Article.objects.all()
        ordered_blocks = Prefetch("blocks", queryset=Block.objects.order_by("position"))
        count = 0
        for article in articles.prefetch_related(ordered_blocks).order_by("pk").iterator(1000):
            (target / export_name(article)).write_text(seed_text(article), encoding="utf-8")
            count += 1
        self.stdout.write(f"exported {count} articles to {target}")


def export_name(article: Article) -> str:
    """The file an article came from, so a re-import updates it; else its slug."""
    return Path(article.source_file).name if article.source_file else f"{article.slug}.txt"


def seed_text(article: Article) -> str:
    return format_seed(
        headline=article.headline,
        dek=article.dek,
        byline=article.byline,
        dateline=article.dateline,
        # BlockText's fields are named as the model's.
        blocks=[
            BlockText(*(getattr(b, name) for name in BlockText._fields))
            for b in article.blocks.all()
        ],
    )
