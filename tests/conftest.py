import pytest

from tests.admin_support import make_staff


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Most tests look at freshly rendered pages; tests/reader/test_page_cache.py turns the cache on.

    (Inside a test's transaction, on_commit invalidation never runs, so a cached page
    would outlive the test's own edits.)
    """
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0  # tests/reader/test_fragment_cache.py turns fragments on


# Newsroom staff for the admin tests (groups as migration 0002 makes them).


@pytest.fixture
def editor(db):
    return make_staff("eve", "Editors")


@pytest.fixture
def reporter(db):
    return make_staff("ray", "Reporters")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
