"""The benchmark's constant page exists only in the servers the benchmark starts."""

import importlib

import pytest
from django.urls import clear_url_caches

import newsroom.urls


@pytest.fixture
def urls_with(settings):
    """Rebuild the site's addresses under other settings; put them back afterwards."""

    def rebuild(**values) -> None:
        for name, value in values.items():
            setattr(settings, name, value)
        importlib.reload(newsroom.urls)
        clear_url_caches()

    yield rebuild
    rebuild(BENCH_BASELINE=False)


@pytest.mark.django_db
def test_the_baseline_page_is_not_found_on_the_site(client, urls_with):
    """A production site has no /bench/baseline: it answers 404."""
    urls_with(BENCH_BASELINE=False)
    assert client.get("/bench/baseline").status_code == 404


def test_the_benchmark_flag_serves_the_baseline_page(client, urls_with):
    """With BENCH_BASELINE on, as bench/run.py starts gunicorn, the constant page is served."""
    urls_with(BENCH_BASELINE=True)
    response = client.get("/bench/baseline")
    assert response.status_code == 200
    assert b"The quick brown fox" in response.content
