"""Presence and autosave on an article's form (issue 13): who else has it open, and the
text typed but not yet saved, kept on the server so a closed tab or a crash loses nothing.

static/admin-extra/desk.js calls these every few seconds; an autosave is never published.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from articles.clock import stamp
from articles.models import Article, Autosave, Presence

# Seen within this long: still there. The page reports every few seconds.
PRESENT_SECONDS = 20


def open_article(model_admin, request: HttpRequest, object_id) -> Article:
    article = get_object_or_404(Article, pk=object_id)
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    return article


def presence_view(model_admin):
    """Record that this user has the article open; answer who else has, and since when."""

    @require_http_methods(["POST"])
    def view(request, object_id: int):
        article = open_article(model_admin, request, object_id)
        now = timezone.now()
        gone = now - timedelta(seconds=PRESENT_SECONDS)
        mine, created = Presence.objects.get_or_create(article=article, user=request.user)
        if not created:
            mine.opened_at = mine.opened_at if mine.seen_at > gone else now
            mine.seen_at = now
            mine.save(update_fields=["opened_at", "seen_at"])
        others = (
            Presence.objects.filter(article=article, seen_at__gt=gone)
            .exclude(user=request.user)
            .select_related("user")
            .order_by("opened_at")
        )
        names = [{"user": p.user.get_username(), "since": stamp(p.opened_at)} for p in others]
        return JsonResponse({"others": names})

    return view


def autosave_view(model_admin):
    """POST: keep the form's fields as typed; GET: give them back to restore them."""

    @require_http_methods(["GET", "POST"])
    def view(request, object_id: int):
        article = open_article(model_admin, request, object_id)
        if request.method == "GET":
            saved = Autosave.objects.filter(article=article, user=request.user).first()
            return JsonResponse({"fields": saved.fields if saved else {}})
        fields = {
            name: values
            for name, values in request.POST.lists()
            if name != "csrfmiddlewaretoken" and not name.startswith("_")
        }
        saved, _ = Autosave.objects.update_or_create(
            article=article,
            user=request.user,
            defaults={"fields": fields, "saved_at": timezone.now()},
        )
        return JsonResponse({"saved_at": stamp(saved.saved_at)})

    return view


def unsaved_autosave(article_id, user) -> Autosave | None:
    """What the user typed into this article's form and never saved, if anything."""
    return Autosave.objects.filter(article_id=article_id, user=user).first()


def forget_autosave(article_id, user) -> None:
    """A save of the form replaces what was autosaved."""
    Autosave.objects.filter(article_id=article_id, user=user).delete()
