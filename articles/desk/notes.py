"""Corrections and update notes are a permanent public record (issue 13).

A note is never deleted or rewritten: the admin shows saved notes read-only, restoring
an older version of the article puts every note back as it was, and an editor may
only withdraw a note, with a reason that readers see beside it.
"""

import reversion
from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from articles.clock import stamp
from articles.desk import workflow
from articles.importing.history import record_imports
from articles.models import Article, Note

KEPT_ON_RESTORE = (
    "Public corrections and updates are kept as they are now: restoring a version "
    "never removes, rewrites or brings back a withdrawn note."
)


def notes_now(article_id) -> list[Note]:
    """The article's notes as saved, to put back after django-reversion reverts them."""
    return list(Note.objects.filter(article_id=article_id))


def put_back(article_id, notes: list[Note]) -> None:
    """Undo a revert's changes to notes: exactly `notes` again, and the "Updated" time they set."""
    Note.objects.filter(article_id=article_id).delete()
    Note.objects.bulk_create(notes)
    latest = Note.objects.filter(article_id=article_id).aggregate(Max("created_at"))
    if latest["created_at__max"]:
        Article.objects.filter(pk=article_id, updated_at__lt=latest["created_at__max"]).update(
            updated_at=latest["created_at__max"]
        )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Shown to readers beside the note, e.g. “The original report was accurate.”",
        error_messages={"required": "Say why the note is withdrawn: readers will see it."},
    )


def withdraw(*, note: Note, user, reason: str) -> None:
    """Mark a note withdrawn, recorded in the article's history."""
    with transaction.atomic(), reversion.create_revision():
        record_imports([note.article_id])
        note.withdrawn_at, note.withdrawn_by, note.withdrawn_reason = timezone.now(), user, reason
        note.save()
        article = Article.objects.select_for_update().get(pk=note.article_id)
        workflow.mark_edited(article, user=user)
        article.save()
        reversion.set_user(user)
        reversion.set_comment(
            f"Withdrew the {note.get_kind_display().lower()} of {stamp(note.created_at)}: {reason}"
        )


def withdraw_view(model_admin):
    """An editor withdraws one note, giving the reason readers will see."""

    def view(request, object_id: int, note_id: int):
        note = get_object_or_404(Note, pk=note_id, article_id=object_id)
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        form = WithdrawForm(request.POST or None)
        if note.withdrawn_at is None and request.method == "POST" and form.is_valid():
            withdraw(note=note, user=request.user, reason=form.cleaned_data["reason"])
            model_admin.message_user(
                request, f"The {note.get_kind_display().lower()} was withdrawn."
            )
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[object_id]))
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "original": note.article,
            "note": note,
            "form": form,
            "title": f"Withdraw a {note.get_kind_display().lower()}",
        }
        return TemplateResponse(request, "admin/articles/article/withdraw_note.html", context)

    return view
