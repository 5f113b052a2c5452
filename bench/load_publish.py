"""Reliability under load: `.venv/bin/python bench/load_publish.py [--seconds 120]`.

Serves the benchmark corpus with gunicorn as `make run` does, loads it with wrk on
loopback for a bounded time while an "editor" keeps publishing, unpublishing and
re-headlining articles, and sends gunicorn SIGHUP (a graceful reload of every
worker) twice during the load. After each edit the editor reads the article's page
until it shows the edit (its new headline, or a 404 once unpublished). Passes when wrk
saw no failed request and no 5xx answer, every edit is in the database at the end, and
no edit took 5 s or more to show. Run `make bench` (or
bench/run.py) once first so that the benchmark corpus exists.
"""

import argparse
import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import served_corpus, wrk  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--articles", type=int, default=100_000, help="the corpus to load")
    options = parser.parse_args()
    with served_corpus(options.articles, access_log=True) as (env, base, gunicorn, paths, log):
        mix = paths["front page"] + paths["article"][:200] + paths["section"] + paths["search"]
        ok = run(env, base, gunicorn, mix, options.seconds, log)
    sys.exit(0 if ok else 1)


EDITOR = """
import json, os, random, time, urllib.error, urllib.request
from django.utils import timezone
from articles.models import Article
rng = random.Random(1)
ids = list(Article.objects.published().values_list("pk", flat=True)[:300])
expected, delays = {}, []
deadline = time.monotonic() + float(os.environ["EDIT_SECONDS"])
n = 0
while time.monotonic() < deadline:
    n += 1
    article = Article.objects.get(pk=rng.choice(ids))
    article.headline = f"Edited headline number {n}"
    article.status = rng.choice([Article.Status.PUBLISHED, Article.Status.UNPUBLISHED, Article.Status.PUBLISHED])
    article.published_at = article.published_at or timezone.now()
    article.save()
    expected[article.pk] = (article.headline, article.status)
    # Staleness readers could see: read the page until it shows this edit (the new
    # headline, or a 404 once unpublished).
    saved, url = time.monotonic(), os.environ["EDIT_BASE"] + article.get_absolute_url()
    while time.monotonic() - saved < 30:
        try:
            status, page = 200, urllib.request.urlopen(url, timeout=10).read().decode()
        except urllib.error.HTTPError as error:
            status, page = error.code, ""
        if article.status == Article.Status.PUBLISHED:
            if article.headline in page:
                break
        elif status == 404:
            break
        time.sleep(0.05)
    delays.append(time.monotonic() - saved)
    time.sleep(0.2)
lost = [pk for pk, (headline, status) in expected.items()
        if tuple(Article.objects.filter(pk=pk).values_list("headline", "status").get()) != (headline, status)]
# Put the corpus back as it was for the benchmark: every article published.
Article.objects.filter(pk__in=ids).update(status=Article.Status.PUBLISHED)
print("EDITS", json.dumps({"edits": n, "articles": len(expected), "lost": lost,
    "worst_delay_s": round(max(delays, default=0), 2),
    "median_delay_s": round(sorted(delays)[len(delays) // 2], 2) if delays else 0}))
"""


def statuses(access_log: Path) -> dict[int, int]:
    """How many answers of each HTTP status gunicorn logged (the field after the request line)."""
    counts: dict[int, int] = {}
    for line in access_log.read_text().splitlines():
        status = int(line.split('" ', 1)[1].split()[0])
        counts[status] = counts.get(status, 0) + 1
    return counts


def run(
    env: dict, base: str, gunicorn: subprocess.Popen, mix: list[str], seconds: int, access_log: Path
) -> bool:
    result: dict = {}
    load = threading.Thread(target=lambda: result.update(wrk(base, mix, seconds, connections=8)))
    load.start()
    editor = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", EDITOR],
        cwd=ROOT,
        env={**env, "EDIT_SECONDS": str(seconds - 5), "EDIT_BASE": base},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for moment in (seconds / 3, seconds / 3):
        time.sleep(moment)
        gunicorn.send_signal(signal.SIGHUP)
        print(f"sent SIGHUP to gunicorn at {time.strftime('%H:%M:%S')}")
    load.join()
    out, err = editor.communicate(timeout=120)
    edits = json.loads(out.split("EDITS ", 1)[1]) if "EDITS " in out else {"error": err[-500:]}
    print(
        f"load: {result['requests']:,} requests in {result['seconds']:.0f} s ({result['rps']:.0f}/s), "
        f"p99 {result['p99_ms']:.0f} ms, failed requests {result['errors'] - result['non2xx']}, "
        f"non-2xx/3xx answers {result['non2xx']}"
    )
    print(f"editor: {edits}")
    answered = statuses(access_log)
    server_errors = sum(n for status, n in answered.items() if status >= 500)
    print(f"statuses logged by gunicorn: {dict(sorted(answered.items()))}")
    # 404s are expected: the editor unpublishes articles that the load is reading.
    failed = result["errors"] - result["non2xx"]
    stale = edits.get("worst_delay_s", 99)
    print(f"worst delay before an edit showed: {stale} s (target < 5 s)")
    ok = failed == 0 and server_errors == 0 and edits.get("lost") == [] and stale < 5
    print("PASS" if ok else "FAIL")
    return ok


if __name__ == "__main__":
    main()
