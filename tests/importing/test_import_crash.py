"""An import killed at any moment leaves each article whole or untouched, and a re-run finishes it."""

import os
import random
import signal
import subprocess
import sys
import time

import psutil
import pytest
from django.db import connection

from articles.models import Article
from articles.seedfile.corpus import article_text
from articles.seedfile.parser import parse
from tests.serving import ROOT, database_url

FILES = 120


def advisory_locks_after(seconds: float = 5) -> int:
    """Advisory locks (the importer's turn-taking) on this test's database still held after
    `seconds`; other databases on a shared server are other people's imports."""
    deadline = time.monotonic() + seconds
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                " WHERE l.locktype = 'advisory' AND d.datname = current_database()"
            )
            (held,) = cursor.fetchone()
        if not held or time.monotonic() > deadline:
            return held
        time.sleep(0.1)


def wait_until_gone(processes: list[psutil.Process], seconds: float = 5) -> list[psutil.Process]:
    """Those of `processes` still running after `seconds`."""
    _, alive = psutil.wait_procs(processes, timeout=seconds)
    return alive


@pytest.mark.django_db(transaction=True)
def test_sigkill_at_random_moments_never_half_writes_an_article(tmp_path):
    """Killed with SIGKILL ten times mid-import, no article is ever partly stored, and the
    import's helper processes (the parsing process, multiprocessing's resource tracker)
    end with it: none is left behind, and no lock of the killed run keeps the next one
    waiting."""
    expected = {}
    for number in range(FILES):
        text = article_text(number)
        (tmp_path / f"crash_{number:03d}.txt").write_text(text)
        expected[f"crash_{number:03d}.txt"] = len(parse(text).blocks)
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    command = [sys.executable, "manage.py", "import_seeds", "--batch-size", "10", str(tmp_path)]
    rng = random.Random(7)

    for _ in range(10):
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.3, 2.5))
        helpers = psutil.Process(process.pid).children(recursive=True)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert wait_until_gone(helpers) == []
        assert advisory_locks_after() == 0
        for article in Article.objects.filter(source_file__startswith="crash_"):
            assert article.blocks.count() == expected[article.source_file], article.source_file

    finished = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    stored = dict(
        (a.source_file, a.blocks.count())
        for a in Article.objects.filter(source_file__startswith="crash_")
    )
    assert stored == expected
