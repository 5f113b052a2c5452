import os

import pytest
from hypothesis import settings as hypothesis_settings

from tests.admin_support import make_staff

# In CI the property tests replay the same examples every run: a failing CI means nothing
# lands, so a new example hypothesis happens upon belongs to a developer's run, not CI's.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items) -> None:
    """Under pytest-xdist (make test) each process runs whole files, in their order here: put
    the files with transactional tests last. Those tests end by emptying every table, also
    of what migrations wrote (the newsroom groups), which later tests in the same process
    would miss; run alone, pytest-django already runs transactional tests last."""
    if not hasattr(config, "workerinput"):
        return
    emptying = {item.path for item in items if _empties_the_database(item)}
    items.sort(key=lambda item: item.path in emptying)


def _empties_the_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction", False)
    return transactional or bool({"transactional_db", "live_server"} & set(item.fixturenames))


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
