"""An editor's review of a live article's pending changes: compare, preview, publish,
schedule or send back with a note (issue 13)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from articles.clock import stamp
from articles.desk import drafts, workflow
from articles.desk.compare import compare_fields, compare_lines, lines_of_blocks
from articles.models import Article, PendingChange
from articles.reader.queries import with_page_content
from articles.reader.views import render_article


class ReviewForm(forms.Form):
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        label="Note to the author",
        help_text="Sending back: what to change. The author sees it on the article.",
    )
    publish_at = forms.SplitDateTimeField(
        required=False,
        widget=forms.SplitDateTimeWidget(
            date_attrs={"type": "date"}, time_attrs={"type": "time", "step": "1"}
        ),
        label="Publish the changes at",
        help_text="A future time: the changes go live by themselves then.",
    )

    def clean(self):
        cleaned = super().clean()
        action = self.data.get("action")
        if action == "send_back" and not cleaned.get("note", "").strip():
            self.add_error("note", "Write the author a note saying what to change.")
        if action == "schedule":
            when = cleaned.get("publish_at")
            if when is None or when <= timezone.now():
                self.add_error("publish_at", "Choose a time in the future.")
        return cleaned


def changes_view(model_admin):
    """The live article beside its pending changes, with the editor's decisions."""

    def view(request, object_id: int):
        article = get_object_or_404(Article, pk=object_id)
        if not model_admin.has_view_or_change_permission(request, article):
            raise PermissionDenied
        pending = PendingChange.objects.filter(article=article).select_related("author").first()
        if pending is None:
            model_admin.message_user(request, "This article has no changes waiting.")
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        form = ReviewForm(request.POST or None)
        if request.method == "POST":
            if not workflow.can_publish(request.user):
                raise PermissionDenied
            if form.is_valid():
                return decide(model_admin, request, pending, form)
        live = drafts.snapshot(article.pk)
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "original": article,
            "pending": pending,
            "form": form,
            "may_publish": workflow.can_publish(request.user),
            "title": f"Changes waiting for “{article}”",
            "saved": stamp(pending.saved_at),
            "publish_at": pending.publish_at and stamp(pending.publish_at),
            "fields": compare_fields(
                {**drafts.content_fields(live), "topics": live["topics"]},
                {**drafts.content_fields(pending.content), "topics": pending.content["topics"]},
            ),
            "blocks": compare_lines(
                lines_of_blocks(live["blocks"]), lines_of_blocks(pending.content["blocks"])
            ),
        }
        return TemplateResponse(request, "admin/articles/article/changes.html", context)

    return view


def decide(model_admin, request, pending: PendingChange, form: ReviewForm):
    action = request.POST.get("action")
    change_url = reverse("admin:articles_article_change", args=[pending.article_id])
    if action == "publish":
        refusal = drafts.publish(pending, user=request.user)
        if refusal:
            model_admin.message_user(request, refusal, messages.ERROR)
            return HttpResponseRedirect(request.path)
        model_admin.message_user(request, "The changes are live.", messages.SUCCESS)
    elif action == "schedule":
        drafts.schedule(pending, when=form.cleaned_data["publish_at"])
        when = stamp(form.cleaned_data["publish_at"])
        model_admin.message_user(request, f"The changes go live by themselves on {when}.")
    elif action == "send_back":
        drafts.send_back(pending, note=form.cleaned_data["note"])
        model_admin.message_user(request, "The changes were sent back with your note.")
    return HttpResponseRedirect(change_url)


class _Shown(Exception):
    def __init__(self, response):
        self.response = response


def preview_view(model_admin):
    """The article with its pending changes, exactly as readers will see it."""

    def view(request, object_id: int):
        article = get_object_or_404(Article, pk=object_id)
        if not model_admin.has_view_or_change_permission(request, article):
            raise PermissionDenied
        pending = get_object_or_404(PendingChange, article=article)
        try:
            with transaction.atomic():
                drafts.lay_over(article.pk, pending.content)
                shown = with_page_content(Article.objects.all()).get(pk=article.pk)
                response = render_article(request, shown, preview=True)
                raise _Shown(response)  # the changes are not kept
        except _Shown as outcome:
            outcome.response["X-Robots-Tag"] = "noindex, nofollow"
            return outcome.response

    return view


def pending_label(article: Article) -> str:
    """The article list's word on an article's pending changes."""
    pending = getattr(article, "pending", None)
    if pending is None:
        return ""
    author = pending.author.get_username() if pending.author else "—"
    if pending.publish_at:
        return f"Scheduled for {stamp(pending.publish_at)} ({author})"
    return f"{pending.get_state_display()}: {author}, {stamp(pending.saved_at)}"


class PendingFilter(admin.SimpleListFilter):
    title = "changes not yet live"
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [
            ("any", "Any"),
            (PendingChange.State.SUBMITTED, "Waiting for an editor"),
            (PendingChange.State.DRAFT, "Drafts"),
            (PendingChange.State.SENT_BACK, "Sent back"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "any":
            return queryset.filter(pending__isnull=False)
        if self.value() in PendingChange.State.values:
            return queryset.filter(pending__state=self.value())
        return queryset
