"""The review queue for the importer's unsure lines (issue 15), in the admin.

An article's change form says "3 lines need a look" and links to its review screen:
each flagged line among the lines around it, with their roles, and one button per role
it could have, plus "Looks right" (articles/desk/line_roles.py does the change). "Lines to
review" on the admin index lists the articles with lines nobody has reviewed, newest first.
Editors (permission articles.review_lines, migration 0019) review; others get a 403.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles.clock import stamp
from articles.desk.line_roles import LABELS, RoleRefused, change_role, confirm, offered_roles
from articles.models import Article
from articles.seedfile.parser import REVIEW_CONTEXT
from articles.sourcelines import ArticleToReview, SourceLine, unreviewed

REVIEW_PERMISSION = "articles.review_lines"
CONFIRM = "looks-right"


def may_review(user) -> bool:
    return user.has_perm(REVIEW_PERMISSION)


def review_url(article_id: int) -> str:
    return reverse("admin:articles_article_lines", args=[article_id])


def needs_a_look(count: int) -> str:
    return f"{count} line{'s' if count != 1 else ''} need{'s' if count == 1 else ''} a look"


def change_form_context(request, article_id: int) -> dict:
    """What the article's change form shows of its review: "3 lines need a look", linked."""
    count = unreviewed(SourceLine.objects.filter(article_id=article_id)).count()
    if not count:
        return {}
    return {
        "lines_to_review": needs_a_look(count),
        "lines_review_url": review_url(article_id) if may_review(request.user) else "",
    }


def urls(model_admin) -> list:
    """The review screen's address, under the article admin's."""
    view = model_admin.admin_site.admin_view(review_view(model_admin))
    return [path("<int:object_id>/lines/", view, name="articles_article_lines")]


def review_view(model_admin):
    """GET: the article's flagged lines in context; POST: one decision on one line."""

    def view(request, object_id: int):
        if not may_review(request.user):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=object_id)
        if request.method == "POST":
            _decide(model_admin, request, article)
            return HttpResponseRedirect(request.path)
        lines = list(SourceLine.objects.filter(article=article).select_related("reviewed_by"))
        flagged = [item for item in _in_context(lines) if item["line"].flagged]
        waiting = [item for item in flagged if item["line"].reviewed_at is None]
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "original": article,
            "title": f"Lines to review in “{article}”",
            "waiting": waiting,
            "reviewed": [item for item in flagged if item["line"].reviewed_at is not None],
            "summary": f"{needs_a_look(len(waiting))}." if waiting else "No line needs a look.",
            "confirm": CONFIRM,
        }
        return TemplateResponse(request, "admin/articles/article/line_review.html", context)

    return view


def _in_context(lines: list[SourceLine]) -> list[dict]:
    """Each line with the kept lines around it (the import keeps REVIEW_CONTEXT each side of
    a flagged line, so these are its neighbours in the file) and the roles it may take."""
    items = []
    for index, line in enumerate(lines):
        around = lines[max(0, index - REVIEW_CONTEXT) : index + REVIEW_CONTEXT + 1]
        items.append(
            {
                "line": line,
                "around": [{"line": other, "is_it": other is line} for other in around],
                "roles": [
                    {"value": role, "label": LABELS.get(role, role)}
                    for role in offered_roles(line, lines)
                ],
                "reviewed": line.reviewed_at and stamp(line.reviewed_at),
            }
        )
    return items


def _decide(model_admin, request, article: Article) -> None:
    line = SourceLine.objects.filter(article=article, pk=_number(request.POST.get("line")))
    if not line.exists():
        raise Http404("No such line in this article.")
    line_id, choice = line.get().pk, request.POST.get("role", "")
    from_role = request.POST.get("from_role", "")
    try:
        if choice == CONFIRM:
            done = confirm(line_id, from_role=from_role, user=request.user)
            model_admin.message_user(
                request,
                f"Line {done.number} stays a {done.role}: marked reviewed.",
                messages.SUCCESS,
            )
            return
        done = change_role(line_id, choice, from_role=from_role, user=request.user)
    except RoleRefused as refusal:
        model_admin.message_user(request, f"Not changed: {refusal}", messages.ERROR)
        return
    model_admin.message_user(
        request,
        f"Line {done.number} is now a {LABELS.get(done.role, done.role)}; the article is updated.",
        messages.SUCCESS,
    )


def _number(value: str | None) -> int:
    return int(value) if value and value.isdigit() and len(value) < 12 else 0


@admin.register(ArticleToReview)
class LinesToReviewAdmin(admin.ModelAdmin):
    """The review queue: articles with lines nobody has looked at, newest import first."""

    list_display = ["review_column", "count_column", "imported_column", "status"]
    list_display_links = None
    search_fields = ["headline"]
    list_per_page = 50

    def get_queryset(self, request):
        waiting = unreviewed(SourceLine.objects.filter(article=OuterRef("pk")))
        counted = Count(
            "source_lines",
            filter=Q(source_lines__flagged=True, source_lines__reviewed_at__isnull=True),
        )
        return (
            ArticleToReview.objects.filter(Exists(waiting))
            .annotate(lines_waiting=counted)
            .order_by("-imported_at", "-pk")
            .only("headline", "status", "imported_at")
        )

    @admin.display(description="article")
    def review_column(self, article: Article) -> str:
        return format_html('<a href="{}">{}</a>', review_url(article.pk), article.headline)

    @admin.display(description="lines to review", ordering="lines_waiting")
    def count_column(self, article: Article) -> int:
        return article.lines_waiting

    @admin.display(description="imported", ordering="imported_at")
    def imported_column(self, article: Article) -> str:
        return stamp(article.imported_at) if article.imported_at else "—"

    def has_view_permission(self, request, obj=None) -> bool:
        return may_review(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
