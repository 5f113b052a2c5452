"""The long-search attack, bounded: `.venv/bin/python bench/search_attack.py [--seconds 20]`.

Serves a corpus (5,000 articles by default, as in issue 18) with gunicorn as `make run`
does, and for a bounded time has ATTACKERS threads send the searches that used to stall
a worker for 30 s (the same word 430 times, a 3.9 KB address; different words joined by
"or"; a sixteen-word phrase), each with `page=2` and a fresh parameter so that the page
cache never answers them, while one reader keeps fetching ordinary pages. Prints what the
attackers and the reader got: answers by status and their latencies.
"""

import argparse
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import manage, serving_env, start_gunicorn  # noqa: E402

from articles.seedfile.corpus import PEOPLE, PLACES, SUBJECTS, VERBS  # noqa: E402

ATTACKERS = 4


def attack_queries() -> list[str]:
    words = list(
        dict.fromkeys(
            w
            for phrase in [*PEOPLE, *(p for p, _ in PLACES), *SUBJECTS, *VERBS]
            for w in phrase.split()
        )
    )
    either = ""
    for word in words:
        if len(either) + len(word) + 4 > 990:
            break
        either = f"{either} or {word}" if either else word
    return ["Damascus " * 430, either, '"' + " ".join(words[:16]) + '"']


def get(url: str) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0  # no answer at all
    return status, time.monotonic() - started


def summary(name: str, results: list[tuple[int, float]]) -> str:
    seconds = sorted(s for _, s in results)
    statuses = ", ".join(
        f"{n} × {code or 'none'}" for code, n in sorted(Counter(c for c, _ in results).items())
    )
    return (
        f"{name:9} {len(results):5} requests ({statuses}); p50 {statistics.median(seconds) * 1000:.0f} ms,"
        f" p99 {seconds[int(len(seconds) * 0.99)] * 1000:.0f} ms, worst {seconds[-1] * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--articles", type=int, default=5000)
    options = parser.parse_args()
    static_root = tempfile.mkdtemp()
    env = serving_env(options.articles, static_root)
    manage(env, "ensure_database")
    manage(env, "migrate", "--noinput")
    print(
        manage(env, "generate_corpus", "--articles", str(options.articles)).strip().splitlines()[0]
    )
    manage(env, "collectstatic", "--noinput")
    gunicorn, base = start_gunicorn(env)
    attacks, reads = [], []
    deadline = time.monotonic() + options.seconds
    counter = iter(range(10**9))

    def attacker(number: int) -> None:
        queries = attack_queries()
        while time.monotonic() < deadline:
            query = queries[next(counter) % len(queries)]
            attacks.append(
                get(f"{base}/search/?q={quote_plus(query)}&page=2&n={number}-{next(counter)}")
            )

    def reader() -> None:
        paths = [
            "/",
            "/?page=2",
            "/sections/world/",
            "/feeds/rss/",
            "/api/articles/",
            "/search/?q=Damascus",
        ]
        while time.monotonic() < deadline:
            reads.append(get(base + paths[len(reads) % len(paths)]))
            time.sleep(0.05)

    threads = [threading.Thread(target=attacker, args=(n,)) for n in range(ATTACKERS)]
    threads.append(threading.Thread(target=reader))
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
    print(f"{ATTACKERS} attackers for {options.seconds} s against 2 gunicorn workers:")
    print(summary("attackers", attacks))
    print(summary("reader", reads))


if __name__ == "__main__":
    main()
