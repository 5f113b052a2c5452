"""The article screen's photos, teaser links and language (issue 14), added to ArticleAdmin.

Kept apart from articles/admin.py: the admin class says what the screen holds, this
mixin what happens to a caption's photo and the language on a save (a teaser links itself
as it is saved: Block.save), and the small JSON answers desk-photos.js asks for as the
screen opens and as the editor types.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import path

from articles.desk import language, photo_upload, teasers, workflow
from articles.models import Block


class ArticleScreenMixin:
    """For ArticleAdmin: put before VersionAdmin in its bases."""

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if inline.model is Block:
            # Set by drafts.change_view: a live article saved as a draft is not published.
            kwargs["drafting"] = getattr(request, "_article_drafting", False)
        return kwargs

    def save_model(self, request, obj, form, change):
        blocks = next(
            (f for f in getattr(request, "_article_formsets", []) if f.model is Block), None
        )
        if blocks is not None:
            kept = [
                (f.cleaned_data.get("position"), f.cleaned_data.get("text", ""))
                for f in blocks.forms
                if getattr(f, "cleaned_data", None) and not blocks._should_delete_form(f)
            ]
            # A block left without a position goes at the end (BlockFormSet.save_new).
            kept.sort(key=lambda block: (block[0] is None, block[0] or 0))
            language.guess_for_article(obj, (text for _, text in kept))
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is not Block:
            return
        for block_form in formset.forms:
            token = getattr(block_form, "cleaned_data", {}).get("photo")
            token = getattr(token, "kept_token", "")
            if token:
                photo_upload.forget(token)  # the block holds its own copy now
        if formset.photos_without_alt_text:
            warning = workflow.missing_alt_text_warning(formset.photos_without_alt_text)
            self.message_user(request, warning, messages.WARNING)

    def get_urls(self):
        def wrap(view):
            def allowed(request):
                if not self.has_view_permission(request):
                    raise PermissionDenied
                return view(request)

            return self.admin_site.admin_view(allowed)

        return [
            path(
                "teaser-link/",
                wrap(teasers.destination_view),
                name="articles_article_teaser_link",
            ),
            path(
                "teaser-links/",
                wrap(teasers.destinations_view),
                name="articles_article_teaser_links",
            ),
            path(
                "guess-language/",
                wrap(language.guess_view),
                name="articles_article_guess_language",
            ),
            *super().get_urls(),
        ]
