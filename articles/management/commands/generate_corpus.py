"""python manage.py generate_corpus --articles N: a realistic corpus for benchmarks.

Articles come from articles/corpus.py (6-30 paragraphs, 0-4 captions, 0-3 teasers)
and go through the real importer; then they are spread over sections, topics and
the past year. Re-running with the same N changes nothing.
"""

import random
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from articles.corpus import article_text
from articles.importer import import_files
from articles.models import Article, Section, Topic

SECTIONS = ["World", "Middle East", "Europe", "Business", "Science", "Opinion"]
TOPICS = [
    "Iran",
    "Syria",
    "Israel",
    "Russia",
    "Turkey",
    "Diplomacy",
    "Energy",
    "Elections",
    "Refugees",
    "Climate",
    "Trade",
    "Security",
]


class Command(BaseCommand):
    help = "Generate and import N synthetic articles with sections and topics."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=1000)

    def handle(self, *args, articles: int, **options) -> None:
        started = time.perf_counter()
        files = ((f"corpus_{n:06d}.txt", article_text(n).encode()) for n in range(articles))
        outcomes: dict[str, int] = {}
        for report in import_files(files):
            outcomes[report.outcome] = outcomes.get(report.outcome, 0) + 1
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{articles} articles through the importer in {seconds:.1f} s "
            f"({articles / seconds:,.0f} articles/s): {outcomes}"
        )
        self.classify()
        self.render_bodies()

    def render_bodies(self) -> None:
        """Render and store the bodies the importer leaves for the first view, so that the
        benchmark measures pages as readers get them once an article has been read."""
        started = time.perf_counter()
        pending = Article.objects.filter(source_file__startswith="corpus_", body_html="")
        count = 0
        for article in pending.iterator(chunk_size=500):
            article.rendered_body()
            count += 1
        self.stdout.write(f"rendered {count} bodies in {time.perf_counter() - started:.1f} s")

    @transaction.atomic
    def classify(self) -> None:
        """Sections, topics and publication times, the same on every run."""
        sections = [
            Section.objects.get_or_create(
                slug=name.lower().replace(" ", "-"), defaults={"name": name}
            )[0]
            for name in SECTIONS
        ]
        topics = [
            Topic.objects.get_or_create(slug=name.lower(), defaults={"name": name})[0]
            for name in TOPICS
        ]
        corpus = Article.objects.filter(source_file__startswith="corpus_")
        with connection.cursor() as cursor:
            # Five minutes apart, the highest numbers newest: 100,000 articles span a year.
            cursor.execute(
                f"""
                UPDATE {Article._meta.db_table}
                SET section_id = (ARRAY{[s.pk for s in sections]}::bigint[])[1 + id % {len(sections)}],
                    published_at = now() - make_interval(
                        mins => 5 * ((SELECT max(id) FROM {Article._meta.db_table}) - id)::int)
                WHERE source_file LIKE 'corpus\\_%%' AND section_id IS NULL
                """
            )
        through = Article.topics.through
        through.objects.filter(article__in=corpus).delete()
        rng = random.Random(0)
        links = [
            through(article_id=pk, topic_id=topic.pk)
            for pk in corpus.values_list("pk", flat=True)
            for topic in rng.sample(topics, rng.randint(1, 3))
        ]
        through.objects.bulk_create(links, batch_size=5000)
