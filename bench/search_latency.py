"""Search latency, uncached, over the benchmark corpus: part of `make bench`.

    .venv/bin/python bench/search_latency.py [--articles 100000]

Runs 200 searches (single words, phrases, exclusions, "or"; each of the 101
different ones about twice) through the search page with the page cache off (the
section navigation still comes from its fragment cache, as on the site),
in-process, against the corpus bench/run.py built for that many articles, and
prints p50/p95/p99 in milliseconds, then the median and slowest of each kind of search.
"""

import argparse
import os
import statistics
import sys
import time
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.seedfile.corpus import PEOPLE, PLACES, SUBJECTS, VERBS  # noqa: E402
from bench.run import bench_database  # noqa: E402


def queries() -> list[str]:
    words = [p.split()[-1] for p in PEOPLE] + [c for c, _ in PLACES] + VERBS
    phrases = [f'"{s}"' for s in SUBJECTS]
    mixed = [f"{a} -{b}" for a, b in zip(words, reversed(words), strict=True)]
    either = [f"{a} or {b}" for a, b in pairwise(words)]
    pool = words + phrases + mixed + either + ["Baqeri", "Damascus ceasefire", "nonexistentword"]
    return (pool * 5)[:200]


def kind(query: str) -> str:
    if query.startswith('"'):
        return "phrase"
    if " -" in query:
        return "exclusion"
    return "or" if " or " in query else "words"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    connection.settings_dict["NAME"] = bench_database(parser.parse_args().articles)
    client = Client(HTTP_HOST="localhost")
    print(f"{Article.objects.published().count():,} published articles")
    client.get("/search/?q=warmup")
    times = []
    by_kind: dict[str, list[float]] = {}
    for query in queries():
        started = time.perf_counter()
        response = client.get("/search/", {"q": query})
        times.append((time.perf_counter() - started) * 1000)
        by_kind.setdefault(kind(query), []).append(times[-1])
        assert response.status_code == 200
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    p99 = times[int(len(times) * 0.99) - 1]
    print(
        f"search page, uncached: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms"
    )
    for name, kind_times in by_kind.items():
        print(
            f"  {name:<9} ({len(kind_times):>3}): p50 {statistics.median(kind_times):5.1f} ms,"
            f" slowest {max(kind_times):5.1f} ms"
        )


if __name__ == "__main__":
    main()
