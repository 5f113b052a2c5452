"""Site-wide views that belong to no app: health check and error pages."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache
from django.views.static import serve
from psycopg.errors import QueryCanceled

DATABASE_DOWN = (OperationalError, InterfaceError)
logger = logging.getLogger("newsroom.requests")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def service_unavailable() -> HttpResponse:
    """A static 503 page: rendered without a request so that it touches no database."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database outage or a query over its time is a 503, anything else a
    plain 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        if isinstance(error.__cause__, QueryCanceled):
            logger.warning(
                "A query ran out of time: %s %s", request.method, request.get_full_path()
            )
        return service_unavailable()
    return HttpResponse(loader.render_to_string("500.html"), status=500)


class Not503(logging.Filter):
    """Drops Django's log record of each 503 answer, and the traceback that comes with it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503


BASELINE_PAGE = (
    b"<!doctype html><html lang=en><title>baseline</title><body>"
    + b"<p>The quick brown fox jumps over the lazy dog.</p>" * 400
    + b"</body></html>"
)


def baseline(request: HttpRequest) -> HttpResponse:
    """A constant page of about an article page's size, touching no database: the
    benchmark's yardstick for what this Django stack can serve at best (README, "Performance")."""
    return HttpResponse(BASELINE_PAGE)


@cache_control(public=True, max_age=86400)
def media(request: HttpRequest, path: str) -> HttpResponse:
    """An uploaded photo from MEDIA_ROOT. Its name never changes once written (renditions
    get names of their own), so browsers and CDNs may keep it for a day."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
