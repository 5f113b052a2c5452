"""Views the newsroom adds to the article admin: preview, compare two versions, import."""

import difflib
import re
from collections.abc import Iterable

import reversion
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.desk import workflow
from articles.desk.forms import MAX_UPLOAD_BYTES, SeedImportForm
from articles.importing.outcomes import WRITTEN, Outcome, tally
from articles.importing.pipeline import FileReport, import_files
from articles.models import Article, Block, Note, Section, Topic
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

ARTICLE_FIELDS = [
    ("headline", "Headline"),
    ("slug", "Slug"),
    ("dek", "Standfirst"),
    ("byline", "Byline"),
    ("dateline", "Dateline"),
    ("language", "Language"),
    ("section_id", "Section"),
    ("topics", "Topics"),
    ("status", "Status"),
    ("published_at", "Published at"),
]


def compare(model_admin):
    """What changed between two saved versions of an article, field by field and block by block."""

    def view(request, object_id: int):
        article = get_object_or_404(Article, pk=object_id)
        if not model_admin.has_view_or_change_permission(request, article):
            raise PermissionDenied
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


def compare_fields(old: dict, new: dict) -> list[dict]:
    """One row per article field that differs between two versions' field dicts."""
    rows = []
    for name, label in ARTICLE_FIELDS:
        before, after = describe(name, old.get(name)), describe(name, new.get(name))
        if before != after:
            rows.append(
                {"label": label, "old": before, "new": after, "words": words(before, after)}
            )
    return rows


def describe(name: str, value) -> str:
    if value in (None, "", []):
        return ""
    if name == "section_id":
        return Section.objects.filter(pk=value).values_list("name", flat=True).first() or "?"
    if name == "topics":
        return ", ".join(Topic.objects.filter(pk__in=value).values_list("name", flat=True))
    if name == "status":
        return Article.Status(value).label
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).strftime("%-d %B %Y, %H:%M")
    return str(value)


def related_dicts(version: Version, model, article_id: int) -> list[dict]:
    content_type = ContentType.objects.get_for_model(model)
    return [
        v.field_dict
        for v in version.revision.version_set.filter(content_type=content_type)
        if v.field_dict.get("article_id") == article_id
    ]


def block_lines(version: Version, article_id: int) -> list[str]:
    """Each block of the version as one line of text, in reading order."""
    lines = []
    for block in sorted(related_dicts(version, Block, article_id), key=lambda b: b["position"]):
        line = f"{Block.Kind(block['kind']).label}: {block['text']}"
        extras = [
            ("credit", block.get("credit")),
            ("photo", str(block.get("photo") or "")),
            ("alt text", block.get("alt_text")),
            ("link", block.get("link_url")),
            ("links to article", describe_article(block.get("link_article_id"))),
        ]
        line += "".join(f" [{label}: {value}]" for label, value in extras if value)
        lines.append(line)
    return lines


def describe_article(pk) -> str:
    if pk is None:
        return ""
    return Article.objects.filter(pk=pk).values_list("headline", flat=True).first() or f"#{pk}"


def note_lines(version: Version, article_id: int) -> list[str]:
    notes = sorted(related_dicts(version, Note, article_id), key=lambda n: n["created_at"])
    return [
        f"{Note.Kind(n['kind']).label} ({describe('created_at', n['created_at'])}): {n['text']}"
        for n in notes
    ]


def compare_lines(old: list[str], new: list[str]) -> list[dict]:
    """Rows for a side-by-side diff: unchanged, changed (with a word diff), added or removed."""
    rows = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [{"kind": "same", "old": line, "new": line} for line in old[i1:i2]]
            continue
        before, after = old[i1:i2], new[j1:j2]
        for k in range(max(len(before), len(after))):
            a = before[k] if k < len(before) else None
            b = after[k] if k < len(after) else None
            if a is not None and b is not None and similar(a, b):
                rows.append({"kind": "changed", "old": a, "new": b, "words": words(a, b)})
                continue
            if a is not None:
                rows.append({"kind": "removed", "old": a, "new": ""})
            if b is not None:
                rows.append({"kind": "added", "old": "", "new": b})
    return rows


def similar(a: str, b: str) -> bool:
    """Whether two lines are one block edited rather than one removed and another added."""
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() >= 0.5


def words(old: str, new: str) -> dict[str, list[tuple[str, str]]]:
    """Both sides split into (kind, text) runs, kind "same", "del" or "ins", for highlighting."""
    a, b = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(("same", "".join(a[i1:i2])))
            right.append(("same", "".join(b[j1:j2])))
        else:
            if i2 > i1:
                left.append(("del", "".join(a[i1:i2])))
            if j2 > j1:
                right.append(("ins", "".join(b[j1:j2])))
    return {"old": left, "new": right}


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

CONFLICT_NOTE = (
    "changed by an editor since its last import; kept as the editor left it "
    "(tick “Overwrite editors' changes” to replace it)"
)


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
                reports = run_import(form.cleaned_data["files"], **options)
                rows = [describe_report(r, dry_run=options["dry_run"]) for r in reports]
                if not options["dry_run"]:
                    record_revisions(reports, user=request.user)
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


def run_import(uploads: Iterable, *, dry_run: bool, publish: bool, force: bool) -> list[FileReport]:
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
    accepted = [(u.name, u.read()) for i, u in enumerate(uploads) if i not in too_big]
    imported = iter(import_files(accepted, dry_run=dry_run, publish=publish, force=force))
    return [too_big.get(index) or next(imported) for index in range(len(uploads))]


def describe_report(report: FileReport, *, dry_run: bool) -> dict:
    if report.outcome == Outcome.REJECTED:
        message = report.reason
    elif report.outcome == Outcome.CONFLICT:
        message = CONFLICT_NOTE
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
    return ("Would have: " if dry_run else "Import finished: ") + counts


def record_revisions(reports: list[FileReport], *, user) -> None:
    """Start each imported article's history, so an editor can come back to the imported text."""
    ids = [r.article_id for r in reports if r.outcome in WRITTEN and r.article_id]
    for article in Article.objects.filter(pk__in=ids):
        with reversion.create_revision():
            reversion.add_to_revision(article)
            reversion.set_user(user)
            reversion.set_comment(f"Imported from {article.source_file}.")
