"""Refuse requests whose address or parameters no page could use, before any view or query runs.

PostgreSQL cannot store or compare text holding NUL, and no reader's link or form sends
control characters or parameters thousands of characters long; such a request is a 400
page in the site's style (JSON under /api/) instead of an error deep inside a query.
Checking here, once for every URL, keeps each view from having to remember it.
"""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

# Any parameter (name or value) or the path longer than this is refused.
MAX_PARAMETER_CHARS = 1000
MAX_PATH_CHARS = 1000
# C0 control characters and DEL; tab, newline and carriage return may come from a textarea.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def problem(request: HttpRequest) -> str | None:
    """Why no page could answer this request, or None when it may go on."""
    if len(request.path_info) > MAX_PATH_CHARS:
        return f"The address is {len(request.path_info):,} characters long; the limit is {MAX_PATH_CHARS:,}."
    if CONTROL_CHARACTERS.search(request.path_info):
        return "The address contains control characters."
    for name, values in request.GET.lists():
        for text in (name, *values):
            if len(text) > MAX_PARAMETER_CHARS:
                return (
                    f"The parameter {name[:40]!r} is {len(text):,} characters long;"
                    f" the limit is {MAX_PARAMETER_CHARS:,}."
                )
            if CONTROL_CHARACTERS.search(text):
                return f"The parameter {name[:40]!r} contains control characters."
    return None


def bad_request(request: HttpRequest, reason: str) -> HttpResponse:
    """A 400 in the site's style: JSON for the API, else a static page (it reads no database)."""
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"error": reason}, status=400)
    else:
        response = HttpResponse(loader.render_to_string("400.html", {"reason": reason}), status=400)
    add_never_cache_headers(response)
    return response


class RequestChecksMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if reason := problem(request):
            return bad_request(request, reason)
        return self.get_response(request)
