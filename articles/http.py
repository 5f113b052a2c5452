"""HTTP caching for the reader's site: CDN-friendly headers, ETags and 304 answers.

Public pages are the same for every reader, so a CDN may keep them briefly and
serve a stale copy while it fetches a fresh one. The ETag is a hash of the body
rather than a timestamp: a page changes when anything on it changes (a note, a
related article, a teaser's target being published), and no single date
column tracks all of that. Previews are never cached anywhere.
"""

from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

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
    "article-<id>" for an article's own, as articles/cache.py purges on changes.
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
