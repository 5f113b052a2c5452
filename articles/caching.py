"""The rendered-page cache for readers, and its invalidation.

Whole public pages are kept in the cache (local memory per worker by default,
Redis when CACHE_URL is set) under keys that include a *content version*: the
value of a PostgreSQL sequence that every publish, edit and unpublish advances.
Each worker reads that version at most once every VERSION_CHECK_SECONDS, so an
edit made through any worker, or the importer, or another app server, reaches
every reader within a second or two, while a cached page costs no query at all.
The version also follows the clock: when a scheduled article's time comes, the
newest visible publication time changes, and with it every key.

HTTP caching headers for the same pages live here too. Public pages are the same
for every reader, so a CDN may keep them briefly and serve a stale copy while it
fetches a fresh one; Surrogate-Key names what it may purge them by. ETags and 304
answers are Django's ConditionalGetMiddleware's: the ETag is a hash of the body
rather than a timestamp, as a page changes when anything on it changes (a note, a
related article, a teaser's target being published) and no single date column
tracks all of that. Previews are never cached anywhere.
"""

import hashlib
import random
import time
import zlib
from collections.abc import Callable, Hashable, Sequence
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, set_response_etag
from django.utils.module_loading import import_string

from articles.models import Article, ArticleChange, FrontPagePin, PendingChange, published_sql
from newsroom.database import routers

T = TypeVar("T")
VERSION_CHECK_SECONDS = 1.0
# While one request renders a page whose copy has just gone out of date, others get the
# previous copy for at most this long rather than all rendering it at once (a stampede).
STALE_WHILE_RENDERING_SECONDS = 2.0
# Article changes are kept this long: any page cached before a change that has been
# forgotten since has long expired (PAGE_CACHE_SECONDS is far shorter).
CHANGE_LOG_HOURS = 1
_SITE_SEQUENCE = "articles_content_version"
_LISTS_SEQUENCE = "articles_lists_version"


class _Versions:
    """What this worker knows of the content versions, re-read at most once a second.

    - the site version: the sequence that site-wide changes advance (an article
      appearing, disappearing or moving; sections, topics, authors and front-page pins;
      an import), joined with the time of the newest article now visible and of the
      latest front-page pin to end, so that a scheduled article's arrival and a pin's
      end count as one. It is part of every page's cache key.
    - the lists version: advanced by any change to a live article; lists, feeds,
      sitemaps, search and the API's lists are cached under it.
    - each live article's own version: the newest entry for it in ArticleChange; its
      pages (the article and its API answer) are valid while no newer entry exists, so
      an edit renews that article's pages and the lists, and no other article's page.
    """

    def __init__(self) -> None:
        self.site = ""
        self.lists = 0
        self.articles: dict[int, int] = {}
        self.changed_at: dict[int | None, float] = {}  # article id (None: lists) -> when seen
        self.newest_change = -1
        self.checked = 0.0

    def refresh(self, *, fresh: bool = False) -> None:
        now = time.monotonic()
        if not fresh and self.site and now - self.checked <= VERSION_CHECK_SECONDS:
            return
        replicas = bool(routers.replica_aliases())
        with connection.cursor() as cursor:
            cursor.execute(
                # is_called: a fresh sequence reports last_value 1 before and after its first nextval.
                f"SELECT (SELECT last_value + is_called::int FROM {_SITE_SEQUENCE}),"
                f" (SELECT last_value + is_called::int FROM {_LISTS_SEQUENCE}),"
                f" (SELECT max(published_at) FROM {Article._meta.db_table}"
                f"   WHERE {published_sql()}),"
                # A front-page pin that has just ended changes the front page too.
                f" (SELECT max(ends_at) FROM {FrontPagePin._meta.db_table} WHERE ends_at <= now()),"
                # Scheduled changes to live articles whose time has come (issue 13).
                f" EXISTS (SELECT 1 FROM {PendingChange._meta.db_table} WHERE publish_at <= now()),"
                + (" pg_current_wal_lsn() - '0/0'," if replicas else " 0,")
                # Entries a little older than the newest one seen are read again: ids are
                # drawn before their rows commit, so one may become visible after a later one.
                + f" (SELECT coalesce(json_agg(json_build_array(id, article_id)), '[]')"
                f"   FROM {ArticleChange._meta.db_table} WHERE "
                + (
                    "created_at > now() - make_interval(hours => %s))"
                    if self.newest_change < 0
                    else "id > %s)"
                ),
                [CHANGE_LOG_HOURS if self.newest_change < 0 else self.newest_change - 100],
            )
            sequence, lists, newest, pin_ended, changes_due, lsn, changes = cursor.fetchone()
        if changes_due:
            # Imported here: the desk's modules import the importer, which imports this one.
            from articles.desk.drafts import publish_due

            publish_due()  # renews the pages it changes when it commits, as any edit
        if replicas:
            routers.require_replayed(int(lsn))
        stamps = "-".join(str(t.timestamp() if t else 0) for t in (newest, pin_ended))
        self.site = f"{sequence}-{stamps}"
        if lists != self.lists:
            self.lists, self.changed_at[None] = lists, now
        for change_id, article_id in changes:
            if change_id > self.articles.get(article_id, 0):
                self.articles[article_id] = change_id
                self.changed_at[article_id] = now
            self.newest_change = max(self.newest_change, change_id)
        self.checked = now

    def of_page(self, article_id: int | None) -> int:
        """The version a page's copy must have to be current: its article's, or the lists'."""
        return self.lists if article_id is None else self.articles.get(article_id, 0)

    def recently_changed(self, article_id: int | None) -> bool:
        seen = self.changed_at.get(article_id)
        return seen is not None and time.monotonic() - seen < STALE_WHILE_RENDERING_SECONDS

    def forget(self) -> None:
        """Read everything again on next use: this worker has just changed something."""
        self.site = ""


_versions = _Versions()


def content_version(*, fresh: bool = False) -> str:
    """The site and lists versions as one string, for what depends on any live content.

    With replicas, the primary's WAL position is read with it: public reads then use
    only a replica that has replayed that far, so no page cached under this version comes
    from a standby that has not yet seen the change that made it
    (newsroom/database/routers.py). `fresh` skips the once-a-second memo, for a browser
    that has just written.
    """
    _versions.refresh(fresh=fresh)
    return f"{_versions.site}-{_versions.lists}"


def site_changed() -> None:
    """Invalidate every cached page once the current transaction commits; tell the CDN too."""

    def bump() -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT nextval('{_SITE_SEQUENCE}')")
        _versions.forget()  # this worker sees its own change at once
        if settings.CDN_PURGE_HOOK:
            import_string(settings.CDN_PURGE_HOOK)(("all",))

    transaction.on_commit(bump)


def article_changed(article_id: int) -> None:
    """Renew this article's pages and the lists once the transaction commits, if it is live."""

    def note() -> None:
        # One statement: an entry for the article if readers can see it, and then the
        # lists' next version. (A draft's edits renew nothing.)
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH live AS (SELECT id FROM {Article._meta.db_table}"
                f"   WHERE id = %s AND {published_sql()}),"
                f" noted AS (INSERT INTO {ArticleChange._meta.db_table} (article_id, created_at)"
                "   SELECT id, now() FROM live RETURNING 1)"
                f" SELECT nextval('{_LISTS_SEQUENCE}') FROM noted",
                [article_id],
            )
            if cursor.fetchone() is None:
                return
            if random.random() < 0.01:  # now and then, forget what no cached page can still need
                cursor.execute(
                    f"DELETE FROM {ArticleChange._meta.db_table}"
                    " WHERE created_at < now() - make_interval(hours => %s)",
                    [CHANGE_LOG_HOURS],
                )
        _versions.forget()
        if settings.CDN_PURGE_HOOK:
            import_string(settings.CDN_PURGE_HOOK)(("lists", f"article-{article_id}"))

    transaction.on_commit(note)


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


def cached_by_data(name: str, pieces: Sequence[tuple[Hashable, Callable[[], str]]]) -> list[str]:
    """Pieces of page (story cards) each kept under a digest of the very data it is made
    of, `(data, render)` pairs in, their HTML out, fetched with one get_many.

    Unlike cached_with_content, no content version is part of the key: a piece changes
    exactly when its data does, so an edit renews only the pieces that show the edited
    article, and a piece can never outlive its data (the data comes from the page's own
    query). Kept for FRAGMENT_CACHE_SECONDS; 0 renders every piece.
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        return [render() for _, render in pieces]
    keys = [f"piece:{name}:{_digest(data)}" for data, _ in pieces]
    stored = cache.get_many(keys)
    missing = {}
    for key, (_, render) in zip(keys, pieces, strict=True):
        if key not in stored:
            stored[key] = missing[key] = render()
    if missing:
        cache.set_many(missing, seconds)
    return [stored[key] for key in keys]


def _digest(data: Hashable) -> str:
    # repr, not hash(): Python's string hashes differ between processes, and Redis is shared.
    return hashlib.blake2b(repr(data).encode(), digest_size=16).hexdigest()


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public GET view from the page cache, storing 200 answers that set no cookie.

    A copy is kept under the site version and the page's address, with the version it
    was current for: its article's for an article's own pages (the view names the article
    in Surrogate-Key), the lists' for every other page. A copy older than that version
    is out of date; while one request renders it afresh, others get the old copy for at
    most STALE_WHILE_RENDERING_SECONDS after the change.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        fresh = routers.RECENT_WRITE_COOKIE in request.COOKIES
        _versions.refresh(fresh=fresh)
        path = hashlib.sha1(request.get_full_path().encode()).hexdigest()
        key = f"page:{_versions.site}:{path}"
        stored = cache.get(key)
        if stored is not None and not fresh:
            content, headers, article_id, version = stored
            current = version >= _versions.of_page(article_id)
            if not current and _versions.recently_changed(article_id):
                # Somebody is probably rendering it; let them, and serve this copy meanwhile.
                current = not cache.add(f"rendering:{key}", 1, STALE_WHILE_RENDERING_SECONDS)
            if current:
                return HttpResponse(zlib.decompress(content), headers=headers)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response.render()
        if response.status_code != 200 or response.cookies or response.streaming:
            return response
        article_id = _article_named(response.get("Surrogate-Key", ""))
        # Kept with the page, so that ConditionalGetMiddleware need not hash it on each hit.
        set_response_etag(response)
        # Compressed: HTML shrinks about fivefold, so a worker's local cache holds
        # thousands of pages within its memory budget.
        stored = (
            zlib.compress(response.content, 1),
            dict(response.items()),
            article_id,
            _versions.of_page(article_id),
        )
        cache.set(key, stored, seconds)
        return response

    return wrapper


def _article_named(surrogate_key: str) -> int | None:
    """The article whose own page this is, from its Surrogate-Key ("all article-12")."""
    for name in surrogate_key.split():
        if name.startswith("article-"):
            return int(name.removeprefix("article-"))
    return None


# Seconds. Browsers recheck after a minute; the CDN keeps pages for five and may
# serve them up to ten minutes stale while revalidating in the background.
PUBLIC_CACHE_CONTROL = {
    "public": True,
    "max_age": 60,
    "s_maxage": 300,
    "stale_while_revalidate": 600,
}
CACHEABLE_STATUSES = {200, 301}


def cache_publicly(response: HttpResponse, *, article_id: int | None = None) -> HttpResponse:
    """Public caching headers on a page or a redirect; never on an error, so that a page
    published a moment after a 404 shows up.

    Surrogate-Key names what the CDN may purge the page by: "all" for every page,
    "article-<id>" for an article's own, "lists" for every other, as site_changed and
    article_changed purge them. The page cache reads the article's too (cached_page).
    """
    if response.status_code in CACHEABLE_STATUSES:
        patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
        # Lists are purged by "lists" when a live article changes in place (article_changed).
        response["Surrogate-Key"] = (
            "all lists" if article_id is None else f"all article-{article_id}"
        )
    return response


def never_cache_privately(response: HttpResponse) -> HttpResponse:
    """Headers that keep a page out of every cache: for previews of unpublished work."""
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
    return response


def public(view):
    """Decorate a view whose answer is the same for every reader."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return cache_publicly(view(request, *args, **kwargs))

    return wrapper
