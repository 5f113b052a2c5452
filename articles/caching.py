"""The rendered-page cache for readers, and its invalidation.

Whole public pages are kept in the cache (local memory per worker by default,
Redis when CACHE_URL is set) under keys that include a *content version*: the
value of a PostgreSQL sequence that every publish, edit and unpublish advances.
Each worker reads that version at most once every VERSION_CHECK_SECONDS, so an
edit made through any worker, or the importer, or another app server, reaches
every reader within a second or two, while a cached page costs no query at all.
The version also follows the clock: when a scheduled article's time comes, the
newest visible publication time changes, and with it every key.

HTTP caching headers for the same pages live here too: CDN-friendly headers,
ETags and 304 answers. Public pages are the same for every reader, so a CDN may keep them briefly and
serve a stale copy while it fetches a fresh one. The ETag is a hash of the body
rather than a timestamp: a page changes when anything on it changes (a note, a
related article, a teaser's target being published), and no single date
column tracks all of that. Previews are never cached anywhere.
"""

import hashlib
import time
import zlib
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.module_loading import import_string

from articles.models import Article, FrontPagePin

T = TypeVar("T")
VERSION_CHECK_SECONDS = 1.0
_SEQUENCE = "articles_content_version"
_known = {"version": None, "checked": 0.0}


def content_version() -> str:
    """The current content version, re-read from the database at most once a second.

    It joins the sequence that edits advance with the time of the newest article now
    visible and of the latest front-page pin to end, so that a scheduled article's
    arrival and a pin's end also renew every cached page.
    """
    now = time.monotonic()
    if _known["version"] is None or now - _known["checked"] > VERSION_CHECK_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute(
                # is_called: a fresh sequence reports last_value 1 before and after its first nextval.
                f"SELECT last_value + is_called::int, (SELECT max(published_at) FROM {Article._meta.db_table}"
                "  WHERE status = %s AND published_at <= now()),"
                # A front-page pin that has just ended changes the front page too.
                f" (SELECT max(ends_at) FROM {FrontPagePin._meta.db_table} WHERE ends_at <= now())"
                f" FROM {_SEQUENCE}",
                [Article.Status.PUBLISHED],
            )
            sequence, newest, pin_ended = cursor.fetchone()
        stamps = "-".join(str(t.timestamp() if t else 0) for t in (newest, pin_ended))
        _known["version"] = f"{sequence}-{stamps}"
        _known["checked"] = now
    return _known["version"]


def content_changed(*, surrogate_keys: tuple[str, ...] = ()) -> None:
    """Invalidate every cached page once the current transaction commits; tell the CDN too."""

    def bump() -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT nextval('{_SEQUENCE}')")
        _known["version"] = None  # this worker sees its own change at once
        if settings.CDN_PURGE_HOOK:
            import_string(settings.CDN_PURGE_HOOK)(("all", *surrogate_keys))

    transaction.on_commit(bump)


def cached_with_content(name: str, compute: Callable[[], T], *vary_on: object) -> T:
    """A value that depends only on what is published: a piece of page (the section
    navigation, the related articles) or a search window's start. Kept under the content
    version for FRAGMENT_CACHE_SECONDS, so that it costs neither its query nor its
    rendering even when whole pages are not cached (issue 6)."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        return compute()
    key = f"fragment:{name}:{content_version()}:{':'.join(map(str, vary_on))}"
    # Stored in a list, so that a value of None is kept too.
    stored = cache.get(key)
    if stored is None:
        stored = [compute()]
        cache.set(key, stored, seconds)
    return stored[0]


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public GET view from the page cache, storing 200 answers that set no cookie."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        path = hashlib.sha1(request.get_full_path().encode()).hexdigest()
        key = f"page:{content_version()}:{path}"
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code != 200 or response.cookies or response.streaming:
                return response
            # Compressed: HTML shrinks about fivefold, so a worker's local cache holds
            # thousands of pages within its memory budget (bench/README.md).
            stored = (zlib.compress(response.content, 1), dict(response.items()))
            cache.set(key, stored, seconds)
        content, headers = stored
        response = HttpResponse(zlib.decompress(content), headers=headers)
        return get_conditional_response(request, etag=headers.get("ETag"), response=response)

    return wrapper


# Seconds. Browsers recheck after a minute; the CDN keeps pages for five and may
# serve them up to ten minutes stale while revalidating in the background.
PUBLIC_CACHE_CONTROL = {
    "public": True,
    "max_age": 60,
    "s_maxage": 300,
    "stale_while_revalidate": 600,
}
CACHEABLE_STATUSES = {200, 301}


def cache_publicly(
    request: HttpRequest, response: HttpResponse, *, article_id: int | None = None
) -> HttpResponse:
    """Public caching headers and a content ETag; 304 if the client already has this version.

    Surrogate-Key names what the CDN may purge the page by: "all" for every page,
    "article-<id>" for an article's own, as articles/caching.py purges on changes.
    """
    if response.status_code not in CACHEABLE_STATUSES:
        return response
    patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
    response["Surrogate-Key"] = "all" if article_id is None else f"all article-{article_id}"
    if response.status_code != 200 or response.streaming:
        return response
    if hasattr(response, "render"):
        response.render()
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def never_cache_privately(response: HttpResponse) -> HttpResponse:
    """Headers that keep a page out of every cache: for previews of unpublished work."""
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
    return response


def public(view):
    """Decorate a view whose answer is the same for every reader."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return cache_publicly(request, view(request, *args, **kwargs))

    return wrapper
