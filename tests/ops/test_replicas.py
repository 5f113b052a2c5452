"""Public reads can go to a PostgreSQL replica named in DATABASE_REPLICA_URLS."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
REPLICA = "test_newsroom_replica"

# Run inside a separate Django process configured with a replica; prints what it saw.
PROBE = """
from django.test import Client
from articles.models import Article
client = Client(HTTP_HOST="localhost")
print("front:", "Only on the replica" in client.get("/").content.decode())
print("admin:", client.get("/admin/login/").status_code)
Article.objects.create(headline="Written through the router", slug="written")
"""


def url_for(name: str) -> str:
    s = connection.settings_dict
    host = quote(s["HOST"] or "localhost", safe="")
    return f"postgresql://{s['USER']}@{host}:{s['PORT'] or 5432}/{name}"


@pytest.fixture
def replica_database(transactional_db):
    """A second database, migrated, holding an article the primary does not have."""
    params = {
        "host": connection.settings_dict["HOST"],
        "port": connection.settings_dict["PORT"],
        "user": connection.settings_dict["USER"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(REPLICA)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(REPLICA)))
    env = {**os.environ, "DATABASE_URL": url_for(REPLICA)}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    with psycopg.connect(dbname=REPLICA, autocommit=True, **params) as replica:
        replica.execute(
            "INSERT INTO articles_article (headline, slug, dek, byline, dateline, language, status,"
            " published_at, created_at, modified_at, headline_key, source_hash, version, body_text, word_count,"
            " body_html) VALUES ('Only on the replica', 'only-replica', '', '', '', 'en', 'published',"
            " now() - interval '1 hour', now(), now(), 'only on the replica', '', 1, '', 0, '')"
        )
    yield url_for(REPLICA)
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(REPLICA)))


def test_public_pages_read_from_the_replica_and_writes_go_to_the_primary(replica_database):
    """The front page shows the replica's article; a write lands on the primary only."""
    from articles.models import Article

    env = {
        **os.environ,
        "DATABASE_URL": url_for(connection.settings_dict["NAME"]),
        "DATABASE_REPLICA_URLS": replica_database,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "front: True" in result.stdout
    assert "admin: 200" in result.stdout
    assert Article.objects.filter(headline="Written through the router").exists()
