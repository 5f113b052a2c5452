"""Import throughput: generate N seed files, then time parsing alone and the full import.

    .venv/bin/python bench/import_bench.py [--files 10000]

Runs against its own database (newsroom_import_bench, created and emptied here; or
$BENCH_DATABASE) on the configured server, so the site's data is left alone. Prints
articles per second for parsing alone, for a first import into empty tables (--rounds
times, and their median: these machines are shared and noisy) and for a re-import of
the same files, and the import's ratio to parsing alone (both measured in this run).
Each rate is given by the wall clock and by CPU time: that of this process and the
parsing process it starts (not PostgreSQL's), which other tenants of a shared machine
disturb far less.
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH_DATABASE = os.environ.get("BENCH_DATABASE", "newsroom_import_bench")


def setup_django() -> None:
    """Django is set up here rather than on import: the importer's parsing process
    re-imports this script, and should start as quickly as it does under manage.py."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def use_bench_database() -> None:
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = BENCH_DATABASE
    call_command("ensure_database")
    call_command("migrate", verbosity=0)


def empty_tables() -> None:
    from django.db import connection

    from articles.models import Article, Block

    # TRUNCATE, not DELETE: every run starts from empty tables and indexes, with no dead
    # rows from the last run for autovacuum to clear during this one.
    tables = [Article._meta.db_table, Block._meta.db_table, Article.topics.through._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")


def write_corpus(directory: Path, count: int) -> list[Path]:
    from articles.seedfile.corpus import article_text

    paths = []
    for number in range(count):
        path = directory / f"bench_{number:06d}.txt"
        path.write_text(article_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the parsing process)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(label: str, count: int, work) -> tuple[float, float]:
    """Articles per second by the wall clock and by CPU time."""
    started, cpu = time.perf_counter(), cpu_seconds()
    work()
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    rate, cpu_rate = count / seconds, count / cpu
    print(
        f"{label:<30} {count:>7,} articles in {seconds:6.2f} s = {rate:8,.0f} articles/s"
        f"   (CPU {cpu:6.2f} s = {cpu_rate:8,.0f} articles/s)"
    )
    return rate, cpu_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3, help="imports into empty tables")
    options = parser.parse_args()
    count = options.files
    setup_django()
    from articles.importing.pipeline import import_files
    from articles.models import Article
    from articles.seedfile.parser import parse_bytes

    use_bench_database()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), count)

        def sources():
            return ((p.name, p.read_bytes()) for p in paths)

        def parse_only():
            for _, data in sources():
                parse_bytes(data)

        def import_all():
            outcomes = {report.outcome for report in import_files(sources())}
            assert outcomes <= {"imported", "unchanged", "updated"}, outcomes

        parse_rate, parse_cpu_rate = timed("parse only", count, parse_only)
        rates = []
        for round_ in range(1, options.rounds + 1):
            empty_tables()
            rates.append(timed(f"import (new articles) #{round_}", count, import_all))
        import_rate = statistics.median(rate for rate, _ in rates)
        import_cpu_rate = statistics.median(cpu_rate for _, cpu_rate in rates)
        print(
            f"{'import (new articles), median':<30} {import_rate:39,.0f} articles/s"
            f"   (CPU {import_cpu_rate:26,.0f} articles/s)"
        )
        reimport_rate, _ = timed("re-import (unchanged)", count, import_all)
    assert Article.objects.count() == count
    print(f"import / parse-only ratio: {import_rate / parse_rate:.2f}")
    print(f"import / parse-only ratio by CPU time: {import_cpu_rate / parse_cpu_rate:.2f}")
    print(f"re-import / parse-only ratio: {reimport_rate / parse_rate:.2f}")


if __name__ == "__main__":
    main()
