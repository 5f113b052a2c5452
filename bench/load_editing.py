"""Readers while the newsroom edits: `.venv/bin/python bench/load_editing.py [--articles 100000]`.

Serves the benchmark corpus with gunicorn as `make run` does and, for an edit every
5 s, every 1 s and every 0.2 s, loads article pages and then the front page with wrk
while an editor process edits live articles in place (a new headline each time,
through the model as the admin does). Each figure is a ratio to the baseline (a bare
Django view) measured right before and after it, as in bench/run.py. After every edit
the editor reads the article's page until the new headline shows, and the worst of
those delays is the staleness readers could see. Run `make bench` (or bench/run.py)
once first so that the corpus exists.

Targets (issue 17), with an edit every second: article pages >= 0.7 of the baseline,
the front page >= 0.5, no 5xx, no page stale for more than 5 s.
"""

import argparse
import json
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import served_corpus, wrk  # noqa: E402

INTERVALS = (5.0, 1.0, 0.2)

EDITOR = """
import json, os, random, time, urllib.request
from articles.models import Article
rng = random.Random(int(os.environ["EDIT_SEED"]))
slugs = json.loads(os.environ["EDIT_SLUGS"])
articles = list(Article.objects.published().filter(slug__in=slugs))
interval, deadline = float(os.environ["EDIT_INTERVAL"]), time.monotonic() + float(os.environ["EDIT_SECONDS"])
base, delays, n = os.environ["EDIT_BASE"], [], 0
print("READY", flush=True)
while time.monotonic() < deadline:
    started = time.monotonic()
    n += 1
    article = rng.choice(articles)
    article.headline = f"{article.headline.split(' (edit')[0]} (edit {os.getpid()}-{n})"
    article.save()
    saved = time.monotonic()
    while article.headline not in urllib.request.urlopen(base + article.get_absolute_url(), timeout=10).read().decode():
        if time.monotonic() - saved > 30:
            break
        time.sleep(0.05)
    delays.append(time.monotonic() - saved)
    time.sleep(max(0.0, interval - (time.monotonic() - started)))
print("EDITS", json.dumps({"edits": n, "worst_delay_s": max(delays, default=0), "median_delay_s": sorted(delays)[len(delays) // 2] if delays else 0}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="the corpus to load")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    options = parser.parse_args()
    with served_corpus(options.articles) as (env, base, _, paths, _):
        ok = measure(env, base, paths, options.seconds)
    sys.exit(0 if ok else 1)


def measure(env: dict, base: str, paths: dict[str, list[str]], seconds: int) -> bool:
    articles = paths["article"]
    print("warming up: each article six times, so that both workers cache it")
    for path in articles * 6:
        urllib.request.urlopen(base + path, timeout=10).read()
    wrk(base, paths["front page"], 2)
    baselines = [wrk(base, paths["baseline"], seconds)]
    slugs = [path.split("/")[2] for path in articles]
    print(
        f"\n{'edit every':>10} {'page':<12} {'req/s':>8} {'p99 ms':>8} {'ratio':>6} {'non-2xx':>8} {'errors':>7}"
    )
    ok = True
    for interval in INTERVALS:
        editor = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", EDITOR],
            cwd=ROOT,
            env={
                **env,
                "EDIT_INTERVAL": str(interval),
                "EDIT_SECONDS": str(seconds * 2 + 2),
                "EDIT_SLUGS": json.dumps(slugs),
                "EDIT_SEED": str(int(interval * 10)),
                "EDIT_BASE": base,
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # Readers are measured once the editor edits: its Django start-up (a second or two
        # of CPU on these two cores) is no part of "while the newsroom edits".
        for line in editor.stdout:
            if line.strip() == "READY":
                break
        ratios = {}
        for name in ("article", "front page"):
            result = wrk(base, paths[name], seconds)
            baselines.append(wrk(base, paths["baseline"], seconds))
            around = statistics.mean(b["rps"] for b in baselines[-2:])
            ratios[name] = result["rps"] / around
            failed = result["errors"] - result["non2xx"]
            ok = ok and failed == 0 and result["non2xx"] == 0
            print(
                f"{interval:>9}s {name:<12} {result['rps']:8.0f} {result['p99_ms']:8.1f}"
                f" {ratios[name]:6.2f} {result['non2xx']:>8} {failed:>7}"
            )
        out, err = editor.communicate(timeout=120)  # what follows READY
        edits = json.loads(out.split("EDITS ", 1)[1]) if "EDITS " in out else {"error": err[-400:]}
        print(f"{'':>10} editor: {edits}")
        ok = ok and edits.get("worst_delay_s", 99) < 5
        if interval == 1.0:
            ok = ok and ratios["article"] >= 0.7 and ratios["front page"] >= 0.5
    print("PASS" if ok else "FAIL")
    return ok


if __name__ == "__main__":
    main()
