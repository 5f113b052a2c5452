"""The newsroom: the Django admin set up as the editors' CMS (issue 5)."""

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from articles import photos
from articles.clock import stamp
from articles.desk import body_editor, drafts, line_review, notes, presence, review, workflow
from articles.desk import views as admin_views
from articles.desk.forms import ArticleAdminForm, BlockForm, BlockFormSet
from articles.desk.screen import ArticleScreenMixin
from articles.importing.history import record_imports
from articles.models import (
    MAX_BLOCKS,
    Article,
    Author,
    Block,
    FrontPagePin,
    Note,
    Section,
    Topic,
)

# Registered here rather than by VersionAdmin's guesswork so that every revision of an
# article also holds its blocks (captions, teasers, paragraphs) and its public notes.
for model, follow in ((Block, ()), (Note, ()), (Article, ("blocks", "notes"))):
    if not reversion.is_registered(model):
        reversion.register(model, follow=follow)


class BlockInline(admin.StackedInline):
    """The body in reading order: paragraphs, captions, teasers and hidden furniture."""

    model = Block
    fk_name = "article"
    form = BlockForm
    formset = BlockFormSet
    extra = 0
    max_num = MAX_BLOCKS
    # Django 5.1+ renders "collapse" fieldsets as <details>: no script, and open on errors.
    fieldsets = body_editor.BLOCK_FIELDSETS
    readonly_fields = ["visibility", "credit_parts"]
    autocomplete_fields = ["link_article"]
    classes = ["newsroom-blocks"]
    template = "admin/articles/article/edit_inline/body_blocks.html"
    verbose_name = "block of the body"
    verbose_name_plural = "Body (in reading order; furniture is hidden from readers)"

    @admin.display(description="Readers")
    def visibility(self, block: Block) -> str:
        if block.kind == Block.Kind.FURNITURE:
            return "Hidden from readers (change the kind to Paragraph to show it)"
        return "Shown"

    @admin.display(description="Photographer / agency")
    def credit_parts(self, block: Block) -> str:
        if not block.credit:
            return "—"
        photographer, agency = photos.split_credit(block.credit)
        return format_html(
            "Photographer: {} · Agency: {}", photographer or "—", agency or "not named"
        )


class NoteInline(admin.TabularInline):
    """Dated public corrections and updates, shown at the foot of the article."""

    model = Note
    extra = 0
    fields = ["kind", "text", "created_at", "withdrawal"]
    readonly_fields = ["withdrawal"]
    # A saved note is a permanent public record: shown read-only, never deleted; an
    # editor withdraws it with a reason instead (articles/desk/notes.py).
    can_delete = False
    verbose_name = "public correction or update"
    verbose_name_plural = (
        "Public corrections and updates (shown to readers with their date; permanent)"
    )

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Withdrawn")
    def withdrawal(self, note: Note) -> str:
        if note.pk is None:
            return "—"
        if note.withdrawn_at:
            who = note.withdrawn_by.get_username() if note.withdrawn_by else "an editor"
            return f"Withdrawn on {stamp(note.withdrawn_at)} by {who}: {note.withdrawn_reason}"
        url = reverse("admin:articles_article_withdraw_note", args=[note.article_id, note.pk])
        return format_html('<a href="{}">Withdraw with a reason…</a>', url)


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("submitted", "Submitted for review"),
            ("scheduled", "Scheduled"),
            ("live", "Published (live)"),
            ("unpublished", "Unpublished"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
            case "draft" | "submitted" | "unpublished":
                return queryset.filter(status=self.value())
        return queryset


@admin.register(Article)
class ArticleAdmin(ArticleScreenMixin, VersionAdmin):
    form = ArticleAdminForm
    inlines = [BlockInline, NoteInline]
    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"
    revision_form_template = "admin/articles/article/revision_form.html"

    list_display = [
        "headline",
        "status_column",
        "pending_column",
        "section",
        "published_column",
        "last_editor",
    ]
    list_select_related = ["section", "last_editor", "pending", "pending__author"]
    list_filter = [
        StatusFilter,
        review.PendingFilter,
        "section",
        "topics",
        ("author", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["headline", "body_text"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["section", "topics"]
    prepopulated_fields = {"slug": ["headline"]}
    actions = ["publish_selected", "unpublish_selected", "submit_selected"]
    readonly_fields = ["state", "updated_at", "author", "last_editor", "edited_at"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "byline", "dateline", "based_on_version"]}),
        ("Filing", {"fields": ["section", "topics", "language"]}),
        (
            "Publishing",
            {
                "fields": [
                    "state",
                    "status",
                    "published_at",
                    "updated_at",
                    ("author", "last_editor", "edited_at"),
                ]
            },
        ),
    ]

    def get_search_results(self, request, queryset, search_term):
        # Teasers pick their article by headline; the list also searches the body text.
        if request.path.endswith("/autocomplete/"):
            return queryset.filter(headline__icontains=search_term.strip()), False
        return super().get_search_results(request, queryset, search_term)

    # Permissions and roles.

    def has_publish_permission(self, request) -> bool:
        return workflow.can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not workflow.can_publish(request.user):
            fields.append("published_at")
            live = self.live_state(request, obj)
            if live and live["status"] in workflow.EDITOR_STATUSES:
                fields.append("status")
        return fields

    def live_state(self, request, obj) -> dict | None:
        """The saved article as it is now (before any revert), read once per request."""
        if obj is None or obj.pk is None:
            return None
        if getattr(request, "_article_live", None) is None:
            rows = Article.objects.filter(pk=obj.pk)
            if transaction.get_connection().in_atomic_block:
                rows = rows.select_for_update()
            # An import's text gets its history entry before anyone can change it.
            record_imports([obj.pk])
            request._article_live = rows.values(
                "version", "status", "published_at", "edited_at", "modified_at", "last_editor_id"
            ).first()
        return request._article_live

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.live = self.live_state(request, obj)
        form.may_publish = workflow.can_publish(request.user)
        form.user = request.user
        return form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = Article.objects.filter(pk=object_id).only("status").first()
        if article is not None:
            extra_context = {
                **(extra_context or {}),
                "presence_url": reverse("admin:articles_article_presence", args=[article.pk]),
                "autosave_url": reverse("admin:articles_article_autosave", args=[article.pk]),
                "autosave": presence.unsaved_autosave(article.pk, request.user),
                **line_review.change_form_context(request, article.pk),
            }
        if drafts.keeps_drafts(article):
            # No revision here: a draft is no version; publishing makes its own.
            plain_change_view = super(VersionAdmin, self).change_view
            return drafts.change_view(
                self, request, object_id, form_url, extra_context, plain_change_view
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        live = Article.objects.filter(pk=object_id).only("status").first()
        if drafts.keeps_drafts(live) and not workflow.can_publish(request.user):
            # Restoring puts a version live at once: an editor's decision.
            raise PermissionDenied
        # Remember the live article before django-reversion reverts it in the database,
        # so that the stale-save check and the reporters' limits compare with reality.
        request._article_restoring = True
        context = {"notes_kept": notes.KEPT_ON_RESTORE, **(extra_context or {})}
        with transaction.atomic():
            self.live_state(request, Article(pk=object_id))
            # Reverting would also revert the notes: they are put back as they are now.
            request._article_notes = notes.notes_now(object_id)
            return super().revision_view(request, object_id, version_id, context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        kept = getattr(request, "_article_notes", None)
        if kept is not None:
            notes.put_back(object_id, kept)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        record_imports([int(object_id)] if str(object_id).isdigit() else [])
        rows = admin_views.history_rows(object_id, can_restore=self.has_change_permission(request))
        context = {"versions": rows, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    # Saving.

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        request._article_formsets = formsets
        return formsets, inline_instances

    def save_model(self, request, obj, form, change):
        formsets = getattr(request, "_article_formsets", [])
        restoring = getattr(request, "_article_restoring", False)
        unchanged = not form.has_changed() and not any(f.has_changed() for f in formsets)
        if change and unchanged and not restoring:
            # Nothing changed: nothing is written and no history is recorded.
            request._article_unchanged = True
            return
        live = self.live_state(request, obj) if change else None
        if not workflow.can_publish(request.user):
            if live is None:
                obj.published_at = None
            else:
                obj.published_at = live["published_at"]
                if live["status"] in workflow.EDITOR_STATUSES or obj.status not in (
                    workflow.REPORTER_STATUSES
                ):
                    obj.status = live["status"]
        workflow.mark_edited(obj, user=request.user, version=live["version"] if live else 0)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Block:
            for block_form in formset.forms:
                block = block_form.instance
                if "photo" in block_form.changed_data and block.pk and block.photo:
                    photos.make_renditions(block.photo.name)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "_article_unchanged", False):
            return
        super().save_related(request, form, formsets, change)
        form.instance.refresh_derived()

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_article_unchanged", False):
            return []
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "_article_unchanged", False):
            return None
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if getattr(request, "_article_drafting", False):
            return HttpResponseRedirect(request.path)  # drafts.change_view says what happened
        presence.forget_autosave(obj.pk, request.user)
        if getattr(request, "_article_unchanged", False):
            self.message_user(request, f"No changes to save in “{obj}”; nothing was recorded.")
            if "_continue" in request.POST:
                return HttpResponseRedirect(request.path)
            return HttpResponseRedirect(reverse("admin:articles_article_changelist"))
        return super().response_change(request, obj)

    # Status and links.

    @admin.display(description="status", ordering="status")
    def status_column(self, article: Article) -> str:
        return workflow.status_label(article)

    @admin.display(description="changes not yet live")
    def pending_column(self, article: Article) -> str:
        label = review.pending_label(article)
        if not label:
            return "—"
        url = reverse("admin:articles_article_changes", args=[article.pk])
        return format_html('<a href="{}">{}</a>', url, label)

    @admin.display(description="published at", ordering="published_at")
    def published_column(self, article: Article) -> str:
        return stamp(article.published_at) if article.published_at else "—"

    @admin.display(description="state")
    def state(self, article: Article) -> str:
        if article.pk is None:
            return "New draft"
        if article.is_scheduled:
            when = timezone.localtime(article.published_at).strftime("%-d %B %Y, %H:%M")
            return f"Scheduled: appears by itself on {when}"
        if article.is_published:
            return "Published: readers can see it"
        return f"{article.get_status_display()}: readers cannot see it"

    def view_on_site(self, article: Article) -> str:
        if article.is_published:
            return article.get_absolute_url()
        return reverse("admin:articles_article_preview", args=[article.pk])

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(admin_views.import_seeds(self)), name="articles_article_import"),
            path(
                "<int:object_id>/preview/",
                wrap(admin_views.preview(self)),
                name="articles_article_preview",
            ),
            path(
                "<int:object_id>/presence/",
                wrap(presence.presence_view(self)),
                name="articles_article_presence",
            ),
            path(
                "<int:object_id>/autosave/",
                wrap(presence.autosave_view(self)),
                name="articles_article_autosave",
            ),
            path(
                "<int:object_id>/changes/",
                wrap(review.changes_view(self)),
                name="articles_article_changes",
            ),
            path(
                "<int:object_id>/changes/preview/",
                wrap(review.preview_view(self)),
                name="articles_article_changes_preview",
            ),
            path(
                "<int:object_id>/notes/<int:note_id>/withdraw/",
                wrap(notes.withdraw_view(self)),
                name="articles_article_withdraw_note",
            ),
            path(
                "<int:object_id>/history/compare/",
                wrap(admin_views.compare(self)),
                name="articles_article_compare",
            ),
            *body_editor.urls(self, wrap),
            *line_review.urls(self),
            *super().get_urls(),
        ]

    # Bulk actions.

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        refused = {a: reason for a in queryset if (reason := workflow.stored_refusal(a))}
        for reason in dict.fromkeys(refused.values()):
            headlines = ", ".join(f"“{a.headline}”" for a, why in refused.items() if why == reason)
            self.message_user(request, f"Not published: {headlines}. {reason}", messages.ERROR)
        queryset = queryset.exclude(pk__in=[a.pk for a in refused])
        self._act(request, queryset, workflow.article_publish, "published")

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._act(request, queryset, workflow.article_unpublish, "unpublished")

    @admin.action(description="Submit selected drafts for review", permissions=["change"])
    def submit_selected(self, request, queryset):
        self._act(request, queryset, workflow.article_submit, "submitted for review")

    def _act(self, request, queryset, action, done: str) -> None:
        changed = skipped = 0
        with transaction.atomic():
            for article in queryset.select_for_update(of=("self",)).order_by("pk"):
                if action(article=article, user=request.user):
                    changed += 1
                    self.log_change(request, article, f"{done.capitalize()}.")
                else:
                    skipped += 1
        self.message_user(request, f"{changed} article(s) {done}.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request, f"{skipped} article(s) were already {done}; left as they were."
            )

    def changelist_view(self, request, extra_context=None):
        # VersionAdmin would wrap the whole list (and so a bulk action) in one revision;
        # each article gets its own instead, so restoring one never reverts the others.
        drafts.publish_due()  # scheduled changes whose time has come are live in the list too
        context = {"has_change_permission": self.has_change_permission(request)}
        return admin.ModelAdmin.changelist_view(self, request, {**context, **(extra_context or {})})


@admin.register(Topic)
class NamedAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Section)
class SectionAdmin(NamedAdmin):
    """Sections in the order the masthead and the front page show them, editable in the list."""

    list_display = ["name", "position"]
    list_editable = ["position"]


class AuthorForm(forms.ModelForm):
    class Meta:
        model = Author
        fields = ["name", "slug", "bio", "photo"]

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return photos.clean_photo(photo) if isinstance(photo, UploadedFile) else photo


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    """Writers, matched to bylines by name: give them a bio and a photo for their page."""

    form = AuthorForm
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(FrontPagePin)
class FrontPagePinAdmin(admin.ModelAdmin):
    """The front page's lead and top stories: pin an article, order the pins, remove one to un-pin."""

    list_display = ["article", "position", "ends_at", "is_live"]
    list_editable = ["position", "ends_at"]
    autocomplete_fields = ["article"]
    ordering = ["position", "id"]

    @admin.display(boolean=True, description="on the front page")
    def is_live(self, pin: FrontPagePin) -> bool:
        return pin.article.is_published and (pin.ends_at is None or pin.ends_at > timezone.now())

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")
