"""Views the newsroom adds to the article admin: preview, compare two versions, import."""

from collections.abc import Iterable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from reversion.models import Version

from articles.desk import drafts, workflow
from articles.desk.compare import (
    block_lines,
    compare_fields,
    compare_lines,
    note_lines,
)
from articles.desk.forms import MAX_UPLOAD_BYTES, SeedImportForm
from articles.importing.history import record_imports
from articles.importing.outcomes import Outcome, tally
from articles.importing.pipeline import FileReport, import_files
from articles.models import Article
from articles.reader.queries import with_page_content
from articles.reader.views import render_article

# Preview


def preview(model_admin):
    """The article exactly as readers will see it, for staff only (wrapped by admin_view)."""

    def view(request, object_id: int):
        article = get_object_or_404(with_page_content(Article.objects.all()), pk=object_id)
        if not model_admin.has_view_or_change_permission(request, article):
            raise PermissionDenied
        response = render_article(request, article, preview=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return view


# Compare two versions


def compare(model_admin):
    """What changed between two saved versions of an article, field by field and block by block."""

    def view(request, object_id: int):
        article = get_object_or_404(Article, pk=object_id)
        if not model_admin.has_view_or_change_permission(request, article):
            raise PermissionDenied
        record_imports([article.pk])
        versions = Version.objects.get_for_object(article).select_related("revision__user")
        chosen = {v for v in (request.GET.get("old"), request.GET.get("new")) if v and v.isdigit()}
        picked = list(versions.filter(pk__in=chosen) if chosen else versions.order_by("-pk")[:2])
        picked.sort(key=lambda v: v.pk)
        old, new = (picked[0], picked[-1]) if picked else (None, None)
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "original": article,
            "title": f"Compare versions of “{article}”",
            "old": old,
            "new": new,
        }
        if old is not None:
            context.update(
                fields=compare_fields(old.field_dict, new.field_dict),
                blocks=compare_lines(block_lines(old, article.pk), block_lines(new, article.pk)),
                notes=compare_lines(note_lines(old, article.pk), note_lines(new, article.pk)),
                restore_url=reverse("admin:articles_article_revision", args=[article.pk, old.pk]),
            )
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    return view


def history_rows(article_id, *, can_restore: bool) -> list[dict]:
    """The article's saved versions, newest first, for the history page's compare form."""
    versions = (
        Version.objects.get_for_object_reference(Article, article_id)
        .select_related("revision__user")
        .order_by("-pk")
    )
    return [
        {
            "version": version,
            "revision": version.revision,
            "restore_url": reverse("admin:articles_article_revision", args=[article_id, version.pk])
            if can_restore
            else "",
        }
        for version in versions
    ]


# Import seed files

CONFLICT_NOTE = "(tick “Overwrite editors' changes” to replace it)"


def import_seeds(model_admin):
    """Upload seed files and run them through the same importer as `manage.py import_seeds`."""

    def view(request):
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        may_publish = workflow.can_publish(request.user)
        rows = None
        if request.method == "POST":
            form = SeedImportForm(request.POST, request.FILES, may_publish=may_publish)
            if form.is_valid():
                options = {
                    "dry_run": form.cleaned_data["dry_run"],
                    "publish": form.cleaned_data.get("publish", False),
                    "force": form.cleaned_data.get("force", False),
                }
                reports = run_import(form.cleaned_data["files"], user=request.user, **options)
                rows = [describe_report(r, dry_run=options["dry_run"]) for r in reports]
                # An upload is a few files: its history entries are written at once.
                record_imports(r.article_id for r in reports if r.article_id)
                messages.info(request, summary(reports, dry_run=options["dry_run"]))
        else:
            form = SeedImportForm(may_publish=may_publish)
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "title": "Import seed files",
            "form": form,
            "rows": rows,
            "max_megabytes": MAX_UPLOAD_BYTES // 1_000_000,
        }
        return TemplateResponse(request, "admin/articles/article/import.html", context)

    return view


def run_import(
    uploads: Iterable, *, user, dry_run: bool, publish: bool, force: bool
) -> list[FileReport]:
    """One report per uploaded file, in upload order; files over the size limit are refused."""
    uploads = list(uploads)
    too_big = {
        index: FileReport(
            upload.name,
            Outcome.REJECTED,
            reason=f"the file is {upload.size / 1_000_000:.1f} MB; "
            f"files over {MAX_UPLOAD_BYTES // 1_000_000} MB are not imported",
        )
        for index, upload in enumerate(uploads)
        if upload.size > MAX_UPLOAD_BYTES
    }
    refused = dict(too_big)
    if not workflow.can_publish(user):
        # A reporter's file for a live article must not go live: it waits for an editor.
        refused.update(drafts.hold_live_files(uploads, skip=too_big, user=user, dry_run=dry_run))
    accepted = [(u.name, u.read()) for i, u in enumerate(uploads) if i not in refused]
    imported = iter(
        import_files(accepted, dry_run=dry_run, publish=publish, force=force, user_id=user.pk)
    )
    return [refused.get(index) or next(imported) for index in range(len(uploads))]


def describe_report(report: FileReport, *, dry_run: bool) -> dict:
    if report.outcome == Outcome.REJECTED:
        message = report.reason
    elif report.outcome == Outcome.CONFLICT:
        message = f"{report.reason} {CONFLICT_NOTE}"
    elif report.outcome == drafts.HELD:
        message = report.reason
    else:
        message = ""
    article_id = getattr(report, "article_id", None)
    return {
        "name": report.name,
        "outcome": ("would be " if dry_run else "") + report.outcome,
        "rejected": report.outcome == Outcome.REJECTED,
        "headline": report.parsed.headline if report.parsed is not None else "",
        "message": message,
        "warnings": report.warnings,
        "change_url": reverse("admin:articles_article_change", args=[article_id])
        if article_id
        else "",
    }


def summary(reports: list[FileReport], *, dry_run: bool) -> str:
    counts = tally(r.outcome for r in reports)
    held = sum(r.outcome == drafts.HELD for r in reports)
    if held:
        counts += f", {drafts.HELD} {held}"
    return ("Would have: " if dry_run else "Import finished: ") + counts
