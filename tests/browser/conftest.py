"""Browser tests in Debian's Chromium, driven by Playwright's sync API, against a live server.

Fixtures for any browser test: `browser` (skips when Chromium is missing), `page`
(a fresh desktop page on the live server), `new_page` (the same on a phone,
or with other context options such as JavaScript off), `screenshot` and `axe`; for the
admin's tests `media_in_tmp` (uploads go to a test's own folder) and `photo_file` (a JPEG).
"""

import os
import shutil
import time
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in this thread, which makes
# Django refuse database access from it unless told this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Debian's Chromium on the PATH, or wherever CHROMIUM names one.
CHROMIUM = Path(os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium")
# `playwright install` cannot run here; these flags make Debian's build quiet and container-safe.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for the module's tests."""
    if not CHROMIUM.exists():
        pytest.skip(f"Browser tests need Chromium ({CHROMIUM}); it is not installed.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open pages on the live server: new_page(phone=True, java_script_enabled=False, …)."""
    contexts = []

    def open_page(*, phone: bool = False, **options):
        options = {**(PHONE if phone else {"viewport": DESKTOP}), **options}
        context = browser.new_context(base_url=live_server.url, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
    until_the_live_server_is_quiet()


def until_the_live_server_is_quiet(seconds: float = 5) -> None:
    """Wait until no request of the closed pages is still at work in the database.

    A page's last heartbeat (presence, autosave) may still be running in the live server's
    thread when the test ends; the flush that empties the database after it then
    deadlocked with that request and left the next test a database full of this one's rows.
    """
    from django.db import connection

    deadline = time.monotonic() + seconds
    quiet_readings = 0
    while quiet_readings < 2 and time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND state <> 'idle'"
            )
            busy = cursor.fetchone()[0]
        quiet_readings = 0 if busy else quiet_readings + 1
        time.sleep(0.05)


@pytest.fixture
def page(new_page):
    """A desktop-sized page whose relative addresses resolve on the live server."""
    return new_page()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as test-artifacts/<name>.png and return its path."""

    def save(page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def axe():
    """Run axe-core on a page and return its violations, described for an assertion message.

    axe-core goes in as an inline script, which the site's Content-Security-Policy
    refuses: open the page with new_page(bypass_csp=True).
    """
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js")

    def violations(page) -> list[str]:
        page.add_script_tag(path=str(script))
        result = page.evaluate("async () => await axe.run()")
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:5])
            for v in result["violations"]
        ]

    return violations


@pytest.fixture
def media_in_tmp(settings, tmp_path):
    """Uploads go to this test's own folder, never the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def photo_file(tmp_path) -> Path:
    """A photo an editor would upload: a 1200x800 JPEG."""
    from PIL import Image

    path = tmp_path / "harbour.jpg"
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(path, "JPEG")
    return path
