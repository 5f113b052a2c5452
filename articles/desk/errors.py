"""Refusals inside the admin: styled 403 and 404 pages, and no traceback in the log (issue 13)."""

import logging

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views import defaults


def _in_admin(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return request.path.startswith("/admin/") and bool(user and user.is_active and user.is_staff)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    if not _in_admin(request):
        return defaults.permission_denied(request, exception)
    return _admin_page(request, "admin/403.html", "You may not do this", 403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if not _in_admin(request):
        return defaults.page_not_found(request, exception)
    return _admin_page(request, "admin/404.html", "Not found", 404)


def _admin_page(request: HttpRequest, template: str, title: str, status: int) -> HttpResponse:
    context = {**admin.site.each_context(request), "title": title}
    response = TemplateResponse(request, template, context, status=status)
    return response.render()


class RefusalsWithoutTraceback(logging.Filter):
    """A refused permission is a normal answer: log its one line, not a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info, record.exc_text = None, None
        return True
