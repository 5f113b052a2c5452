"""The benchmark suite: `make bench` (or .venv/bin/python bench/run.py --articles 10000).

1. Builds a corpus in its own database (newsroom_bench_<articles>) with
   generate_corpus, or adds what a corpus built by an earlier run lacks.
2. Serves it with gunicorn exactly as `make run` does (production settings,
   whitenoise, newsroom/gunicorn_conf.py, WEB_CONCURRENCY=2).
3. Loads it with wrk on loopback (4 connections, bounded in time, after a warm-up),
   interleaving every page with the baseline: a bare Django view returning a
   constant 20 KB page without touching the database (/bench/baseline).
4. Prints requests/s, p50/p95/p99 latency and each page's ratio to the mean of the
   baselines measured right before and after it; SQL queries per page (cold);
   gunicorn worker memory; import throughput; search latency.

Ratios, not absolute numbers, are what to compare: these machines are shared.
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import psutil

ROOT = Path(__file__).resolve().parents[1]
SEARCHES = [
    "Baqeri",
    "ceasefire",
    '"peace plan"',
    "nuclear -talks",
    "Erdogan or Putin",
    "refugee camps",
    "oil price",
    "drought",
    "Damascus",
    "referendum",
]


def manage(env: dict, *args: str, capture: bool = True) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else ""


def bench_database(articles: int) -> str:
    """The benchmark's own database for a corpus of this size, kept between runs."""
    return os.environ.get("BENCH_DATABASE") or f"newsroom_bench_{articles}"


def database_url(articles: int) -> str:
    """The configured server, pointed at the benchmark's database for this corpus size."""
    name = bench_database(articles)
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name
    sys.path.insert(0, str(ROOT))
    from newsroom.database.embedded import database_settings

    db = database_settings(ROOT / "var" / "pgdata")
    return f"postgresql://postgres@{quote(db['HOST'], safe='')}:{db['PORT']}/{name}"


def serving_env(articles: int, static_root: str) -> dict[str, str]:
    """The environment `make run` gives gunicorn, on the benchmark's corpus of that size."""
    return {
        **os.environ,
        "DATABASE_URL": database_url(articles),
        "NEWSROOM_ENV": "production",
        "HTTPS": "off",  # as `make run`: plain HTTP on loopback
        "SECRET_KEY": "bench-" + "k" * 50,
        "STATIC_ROOT": static_root,
        "WEB_CONCURRENCY": "2",
        "PORT": str(free_port()),
        "BENCH_BASELINE": "1",  # mounts /bench/baseline, the yardstick of every ratio
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(base: str, paths: list[str], seconds: int, connections: int = 4) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths))
    env = {**os.environ, "WRK_PATHS": handle.name}
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "5s",
            "-s",
            str(ROOT / "bench" / "latency.lua"),
            base,
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(handle.name)
    line = next(line for line in out.splitlines() if line.startswith("JSON "))
    result = json.loads(line[5:])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def query_counts(env: dict, pages: dict[str, str]) -> dict[str, int]:
    """SQL queries each page costs with the page cache off, measured in-process."""
    probe = (
        "import json\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client(HTTP_HOST='localhost')\n"
        f"pages = {json.dumps(pages)}\n"
        "counts = {}\n"
        "for name, path in pages.items():\n"
        "    client.get(path)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        client.get(path)\n"
        "    counts[name] = len(queries)\n"
        "print('COUNTS', json.dumps(counts))\n"
    )
    out = manage({**env, "PAGE_CACHE_SECONDS": "0"}, "shell", "-c", probe)
    return json.loads(out.split("COUNTS ", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description="Newsroom benchmark suite")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=1, help="times each page is measured")
    parser.add_argument("--no-page-cache", action="store_true", help="PAGE_CACHE_SECONDS=0")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench needs wrk: apt-get install -y wrk")

    static_root = tempfile.mkdtemp()
    env = serving_env(options.articles, static_root)
    if options.no_page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    manage(env, "ensure_database")
    manage(env, "migrate", "--noinput")
    print(f"corpus: {options.articles:,} articles")
    import_line = manage(env, "generate_corpus", "--articles", str(options.articles)).strip()
    print("  " + import_line.splitlines()[0])
    manage(env, "collectstatic", "--noinput")

    gunicorn, base = start_gunicorn(env)
    try:
        run_suite(env, base, gunicorn, options)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)


def start_gunicorn(env: dict, access_log: str = "/dev/null") -> tuple[subprocess.Popen, str]:
    """gunicorn as `make run` starts it; returns the process and its base URL once it answers."""
    command = [sys.executable, "-m", "gunicorn", "-c", "python:newsroom.gunicorn_conf"]
    gunicorn = subprocess.Popen(
        [*command, "--access-logfile", access_log],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{env['PORT']}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    return gunicorn, base


@contextlib.contextmanager
def served_corpus(articles: int, access_log: bool = False):
    """The corpus of this size served by gunicorn as `make run` serves it, for the load
    scripts: yields its environment, base URL, gunicorn process, the pages to load and
    the access log's path (None unless asked for); stops gunicorn afterwards."""
    if not shutil.which("wrk"):
        sys.exit("this benchmark needs wrk: apt-get install -y wrk")
    static_root = tempfile.mkdtemp()
    env = serving_env(articles, static_root)
    manage(env, "collectstatic", "--noinput")
    paths = page_paths(env)
    log = Path(static_root) / "access.log" if access_log else None
    gunicorn, base = start_gunicorn(env, str(log or "/dev/null"))
    try:
        yield env, base, gunicorn, paths, log
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)


def page_paths(env: dict) -> dict[str, list[str]]:
    probe = (
        "import json\n"
        "from articles.models import Article, Author, Section\n"
        "slugs = list(Article.objects.published().order_by('?').values_list('slug', flat=True)[:500])\n"
        "section = Section.objects.order_by('pk').values_list('slug', flat=True).first()\n"
        "authors = list(Author.objects.order_by('pk').values_list('slug', flat=True)[:20])\n"
        "print('PATHS', json.dumps({'slugs': slugs, 'section': section, 'authors': authors}))\n"
    )
    found = json.loads(manage(env, "shell", "-c", probe).split("PATHS ", 1)[1])
    if not found["authors"]:  # a corpus generate_corpus built before it signed articles
        sys.exit("the corpus has no authors: run manage.py generate_corpus on it again")
    return {
        "baseline": ["/bench/baseline"],
        "front page": ["/", "/?page=2"],
        "article": [f"/articles/{quote(slug)}/" for slug in found["slugs"]],
        "section": [f"/sections/{found['section']}/"],
        "author": [f"/authors/{quote(slug)}/" for slug in found["authors"]],
        "search": [f"/search/?q={quote(q)}" for q in SEARCHES],
        "RSS feed": ["/feeds/rss/"],
        "API": ["/api/articles/", "/api/articles/?page=2"],
    }


def run_suite(env: dict, base: str, gunicorn: subprocess.Popen, options) -> None:
    pages = page_paths(env)
    print("warming up: every page, each article and author six times, so both workers cache them")
    for paths in pages.values():
        wrk(base, paths, max(1, options.seconds // 5))
    for path in (pages["article"] + pages["author"]) * 6:
        urllib.request.urlopen(base + path, timeout=10).read()

    baselines: list[dict] = [wrk(base, pages["baseline"], options.seconds)]
    rows = []
    for _ in range(options.rounds):
        for name, paths in pages.items():
            if name == "baseline":
                continue
            result = wrk(base, paths, options.seconds)
            baselines.append(wrk(base, pages["baseline"], options.seconds))
            around = statistics.mean(b["rps"] for b in baselines[-2:])
            rows.append((name, result, result["rps"] / around))

    counts = query_counts(env, {name: paths[0] for name, paths in pages.items()})
    print()
    print(
        f"{'page':<12} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'ratio':>6} {'SQL':>4} {'errors':>6}"
    )
    baseline_rps = statistics.mean(b["rps"] for b in baselines)
    b0 = baselines[0]
    print(
        f"{'baseline':<12} {baseline_rps:8.0f} {b0['p50_ms']:8.2f} {b0['p95_ms']:8.2f} {b0['p99_ms']:8.2f} {1:6.2f} {counts['baseline']:>4} {0:>6}"
    )
    for name, r, ratio in rows:
        errors = r["errors"]
        print(
            f"{name:<12} {r['rps']:8.0f} {r['p50_ms']:8.2f} {r['p95_ms']:8.2f} {r['p99_ms']:8.2f} {ratio:6.2f} {counts[name]:>4} {errors:>6}"
        )

    workers = psutil.Process(gunicorn.pid).children()
    rss = [w.memory_info().rss / 2**20 for w in workers]
    print()
    print("gunicorn worker RSS after the load: " + ", ".join(f"{mb:.0f} MB" for mb in rss))


if __name__ == "__main__":
    main()
