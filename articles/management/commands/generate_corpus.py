"""python manage.py generate_corpus --articles N: a realistic corpus for benchmarks.

Articles come from articles/seedfile/corpus.py (6-30 paragraphs, 0-4 captions, 0-3 teasers)
and go through the real importer; then they are spread over sections, topics and
the past year. Re-running adds only what is missing, so a benchmark can reuse a corpus.
Bodies are left for their first view to render, as after a real import: a benchmark
warms up the pages it measures.
"""

import random
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from articles.authors import link_authors
from articles.importing.pipeline import import_files
from articles.models import Article, Section, Topic
from articles.seedfile.corpus import article_text

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
# The desk's reporters: each signs about one article in twenty, so an author's page lists
# thousands of articles, as a staff writer's does in a long-running archive.
REPORTERS = [
    "Rita Reporter",
    "Sam Haddad",
    "Leila Cohen",
    "Omar Nasser",
    "Hannah Weber",
    "Yusuf Rahimi",
    "Mira Levi",
    "David Karam",
    "Amal Novak",
    "Tomas Aziz",
    "Rita Barak",
    "Sam Saleh",
    "Leila Klein",
    "Omar Mansour",
    "Hannah Dahan",
    "Yusuf Fischer",
    "Mira Tamimi",
    "David Mizrahi",
    "Amal Houry",
    "Tomas Stein",
]


class Command(BaseCommand):
    help = "Generate and import N synthetic articles with sections and topics."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=1000)

    def handle(self, *args, articles: int, **options) -> None:
        names = [f"corpus_{n:06d}.txt" for n in range(articles)]
        there = set(
            Article.objects.filter(source_file__in=names).values_list("source_file", flat=True)
        )
        missing = [(n, name) for n, name in enumerate(names) if name not in there]
        if missing:
            started = time.perf_counter()
            files = ((name, article_text(n).encode()) for n, name in missing)
            outcomes: dict[str, int] = {}
            for report in import_files(files):
                outcomes[report.outcome] = outcomes.get(report.outcome, 0) + 1
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"{len(missing)} articles through the importer in {seconds:.1f} s "
                f"({len(missing) / seconds:,.0f} articles/s): {outcomes}"
            )
        else:
            self.stdout.write(f"all {articles} articles were already there")
        self.classify()
        # Statistics for the planner (search asks it how common a word is; the pages join
        # blocks, topics and authors), the GIN index's pending entries merged, and the dead
        # rows of classify()'s update vacuumed, as autovacuum does in an archive that has been
        # running a while. Without the other tables' statistics a new corpus measured the
        # front and author pages at a tenth of their speed; without the vacuum (on a server
        # with autovacuum off) a list's count read twice the rows and no index-only scan.
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('article_search_gin')")
            # VACUUM cannot run inside a transaction (a test's); ANALYZE alone can.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")

    @transaction.atomic
    def classify(self) -> None:
        """Sections, topics and publication times for articles that have none yet."""
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
            # The corpus's texts carry no byline: each article is signed by one reporter.
            cursor.execute(
                f"""
                UPDATE {Article._meta.db_table}
                SET byline = 'By ' || (%s::text[])[1 + id %% {len(REPORTERS)}]
                WHERE source_file LIKE 'corpus\\_%%' AND byline = ''
                RETURNING id, byline
                """,
                [REPORTERS],
            )
            signed = [Article(pk=pk, byline=byline) for pk, byline in cursor.fetchall()]
        link_authors(signed)
        unfiled = Article.objects.filter(source_file__startswith="corpus_", topics=None)
        rng = random.Random(0)
        through = Article.topics.through
        links = [
            through(article_id=pk, topic_id=topic.pk)
            for pk in unfiled.order_by("pk").values_list("pk", flat=True)
            for topic in rng.sample(topics, rng.randint(1, 3))
        ]
        through.objects.bulk_create(links, batch_size=5000)
