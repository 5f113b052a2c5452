"""Production answers with headers that score A+ by the HTTP Observatory's published rules."""

import json
import os
import subprocess
import sys
import tempfile

import pytest
from django.db import connection

from tests.factories import ArticleFactory
from tests.observatory import Cookie, score
from tests.serving import ROOT, database_url, manage

# Runs in a separate Django process with production settings; prints what each page answered.
PROBE = """
import json
from django.contrib.auth.models import User
from django.test import Client
from articles.models import Article

User.objects.create_user("probe", password="probe-password-1", is_staff=True)
client = Client(HTTP_HOST="localhost")
article = Article.objects.get(headline="Probe article")
pages = {
    "front": client.get("/", secure=True),
    "article": client.get(article.get_absolute_url(), secure=True),
    "search": client.get("/search/?q=probe", secure=True),
    "api": client.get("/api/articles/", secure=True),
    "feed": client.get("/feeds/rss/", secure=True),
    "admin login": client.get("/admin/login/", secure=True),
    "logged in": client.post("/admin/login/", {"username": "probe", "password": "probe-password-1"}, secure=True),
}
plain = Client(HTTP_HOST="localhost").get("/")
out = {}
for name, response in pages.items():
    out[name] = {
        "status": response.status_code,
        "headers": dict(response.items()),
        "cookies": [
            {"name": m.key, "secure": bool(m["secure"]), "httponly": bool(m["httponly"]),
             "samesite": m["samesite"], "path": m["path"]}
            for m in response.cookies.values()
        ],
    }
out["http"] = {"status": plain.status_code, "location": plain.get("Location", "")}
print("PROBE " + json.dumps(out))
"""


# The probe needs the test database even when this module runs alone: the mark makes
# pytest-django create it (the module-scoped fixture cannot ask for `db`).
pytestmark = pytest.mark.django_db

STATIC_ROOT = tempfile.mkdtemp(prefix="newsroom-static-")


def production_env() -> dict[str, str]:
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE in this process; production must not inherit it.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "STATIC_ROOT": STATIC_ROOT,
        "DATABASE_URL": database_url(connection.settings_dict),
        "NEWSROOM_ENV": "production",
        "SECRET_KEY": "a-production-key-" + "q" * 50,
        "ALLOWED_HOSTS": "localhost",
    }


@pytest.fixture(scope="module")
def answers(django_db_blocker, django_db_setup):
    """What production answered on the main kinds of page, probed once for the module."""
    manage(production_env(), "collectstatic", "--noinput")
    with django_db_blocker.unblock():
        article = ArticleFactory(headline="Probe article")
        try:
            result = subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", PROBE],
                cwd=ROOT,
                env=production_env(),
                capture_output=True,
                text=True,
                timeout=120,
            )
        finally:
            article.delete()
            from django.contrib.auth.models import User

            User.objects.filter(username="probe").delete()
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.split("PROBE ", 1)[1])


PAGES = ["front", "article", "search", "api", "feed", "admin login", "logged in"]


@pytest.mark.parametrize("page", PAGES)
def test_every_kind_of_page_scores_a_plus(answers, page):
    """Each page's headers score at least 100 (A+) by the Observatory's rules."""
    answer = answers[page]
    cookies = [Cookie(**c) for c in answer["cookies"]]
    total, results = score(answer["headers"], cookies, redirects_to_https=True)
    assert total >= 100, (total, results, answer["headers"])


def test_content_security_policy_is_strict(answers):
    """No inline code, no eval, no third parties; plugins, framing, form targets and base URL locked."""
    policy = answers["front"]["headers"]["Content-Security-Policy"]
    for required in (
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    ):
        assert required in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy.replace("https:", "")  # no third-party origins at all


def test_transport_and_isolation_headers(answers):
    """HSTS of at least a year, nosniff, a private referrer policy and same-origin COOP."""
    headers = answers["front"]["headers"]
    max_age = int(headers["Strict-Transport-Security"].split("max-age=")[1].split(";")[0])
    assert max_age >= 31_536_000
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_cookies_are_host_only_secure_and_samesite(answers):
    """The session and CSRF cookies carry __Host- names, Secure, HttpOnly and SameSite."""
    cookies = {
        c["name"]: c for page in ("admin login", "logged in") for c in answers[page]["cookies"]
    }
    assert {"__Host-sessionid", "__Host-csrftoken"} <= set(cookies)
    for cookie in cookies.values():
        assert cookie["secure"] and cookie["httponly"]
        assert cookie["samesite"] == "Lax" and cookie["path"] == "/"


def test_plain_http_is_redirected_to_https(answers):
    """A request over plain HTTP is sent to the HTTPS address."""
    assert answers["http"]["status"] == 301
    assert answers["http"]["location"].startswith("https://")


def test_deploy_checks_pass_with_production_settings():
    """manage.py check --deploy finds nothing, not even a warning."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
