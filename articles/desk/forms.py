"""The newsroom admin's forms: an article with its blocks, and the seed-file upload."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils import timezone

from articles import photos
from articles.desk import language, photo_upload, workflow
from articles.desk.stale import stale_message
from articles.models import Article, Block

WEB_ADDRESS_MESSAGE = "Enter a full web address starting with http:// or https://."
MAX_UPLOAD_BYTES = 2_000_000  # as articles.seedfile.parser.MAX_FILE_BYTES: "2 MB"


class LinesField(forms.CharField):
    """Text of one or more lines: a text area sends CRLF line ends, stored as the importer's LF."""

    def to_python(self, value):
        text = super().to_python(value)
        return text.replace("\r\n", "\n").replace("\r", "\n")


class ArticleAdminForm(forms.ModelForm):
    # The version the editor started from, compared with the saved one on submit (issue 5).
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # Set by ArticleAdmin.get_form: what is saved now, read under a row lock.
    live: dict | None = None
    may_publish = True
    user = None

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "dek",
            "byline",
            "dateline",
            "section",
            "topics",
            "language",
            "status",
            "published_at",
        ]
        error_messages = {
            "headline": {"required": "Every article needs a headline."},
        }
        # A byline or dateline may hold several lines (the importer keeps each source line):
        # a one-line box would join them when the form is saved (issue 13).
        field_classes = {"dek": LinesField, "byline": LinesField, "dateline": LinesField}
        widgets = {
            "byline": forms.Textarea(attrs={"rows": 2, "cols": 60}),
            "dateline": forms.Textarea(attrs={"rows": 2, "cols": 60}),
        }
        help_texts = {
            "byline": "One line per contributor or credit line, as it appears on the page.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.live is not None:
            self.fields["based_on_version"].initial = self.live["version"]
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = (
                "The article's address on the site; left empty, it is made from the headline."
            )
        if "language" in self.fields:
            self.fields["language"] = language.language_field(self.instance)
            self.initial["language"] = language.initial_choice(self.instance)
        if "status" in self.fields and not self.may_publish:
            self.fields["status"].choices = [(s.value, s.label) for s in workflow.REPORTER_STATUSES]
            self.fields[
                "status"
            ].help_text = "Choose “Submitted for review” when the article is ready for an editor."

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug and Article.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                "Another article already uses this address; change the slug to something else."
            )
        return slug

    def clean_language(self):
        choice = self.cleaned_data["language"]
        language.apply_choice(self.instance, choice)
        return self.instance.language

    def clean(self):
        cleaned = super().clean()
        stale = self.live is not None and cleaned.get("based_on_version") != self.live["version"]
        if self.instance.pk and stale:
            message = stale_message(
                self.instance.pk,
                based_on=cleaned.get("based_on_version"),
                user=self.user,
                live=self.live,
            )
            raise ValidationError(message, code="stale")
        if (
            cleaned.get("status") == Article.Status.PUBLISHED
            and "published_at" in self.fields
            and not cleaned.get("published_at")
        ):
            # "Published" with no time means now; a future time schedules the article.
            cleaned["published_at"] = timezone.now()
        return cleaned


def web_address_field(name: str, label: str) -> forms.URLField:
    """A block's http or https address, as the model's field allows, with one wording for
    a bad one (Django's own would also accept other schemes)."""
    field = Block._meta.get_field(name)
    return forms.URLField(
        required=False,
        label=label,
        assume_scheme="https",
        max_length=field.max_length,
        validators=[URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_MESSAGE)],
        error_messages={"invalid": WEB_ADDRESS_MESSAGE},
        help_text=field.help_text,
    )


class BlockForm(forms.ModelForm):
    link_url = web_address_field("link_url", "Link URL")
    embed_url = web_address_field("embed_url", "Embed address")
    # The body editor's "Recognised as …" note on a pasted block (JSON the script writes and
    # reads), carried through a form sent back with an error; never stored.
    recognised = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)

    class Meta:
        model = Block
        fields = [
            "position",
            "kind",
            "text",
            "photo",
            "alt_text",
            "credit",
            "link_url",
            "link_article",
            # The new kinds' fields (issue 14); html carries the inline marks.
            "html",
            "attribution",
            "embed_url",
            "embed_title",
            "embed_description",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3, "cols": 60}),
            # The body editor writes both from the order and the marks on the screen.
            "position": forms.HiddenInput,
            "html": forms.HiddenInput,
            "embed_description": forms.Textarea(attrs={"rows": 2, "cols": 60}),
        }
        error_messages = {"text": {"required": "Write the text of this block, or delete it."}}
        help_texts = {"alt_text": workflow.ALT_TEXT_HINT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "position" in self.fields:
            self.fields["position"].required = False
            self.fields["position"].help_text = "Order in the text; left empty, it goes at the end."
        if "html" in self.fields:
            self.fields["html"].strip = False  # a list's items are its lines
        if "photo" in self.fields:
            self.fields["photo"].widget = photo_upload.KeptPhotoInput()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        widget = self.fields["photo"].widget
        if isinstance(photo, UploadedFile):
            checked = photos.clean_photo(photo)
            # Kept at once, in case something else on the form is wrong (photo_upload.py).
            widget.kept_token = checked.kept_token = photo_upload.keep(checked)
            checked.seek(0)
            return checked
        widget.kept_token = getattr(photo, "kept_token", "")  # kept from the last try
        return photo

    def clean(self):
        cleaned = super().clean()
        photo = cleaned.get("photo")
        if photo and cleaned.get("kind") != Block.Kind.CAPTION:
            self.add_error("photo", "Only a photo caption can carry a photo.")
        if cleaned.get("link_url") and cleaned.get("link_article"):
            self.add_error(
                "link_url", "Point the teaser at an article or at a web address, not both."
            )
        return cleaned


class BlockFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, drafting: bool = False, **kwargs):
        # A live article's "Save draft" (articles/desk/drafts.py): saved, not published.
        self.drafting = drafting
        self.photos_without_alt_text: list[int | None] = []
        super().__init__(*args, **kwargs)

    def publishing(self) -> bool:
        """Whether this save puts the article before readers (now or at a set time)."""
        return self.instance.status == Article.Status.PUBLISHED and not self.drafting

    def clean(self):
        # Checked before Django's own unique check, whose message names no position.
        seen = set()
        duplicates = False
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            position = form.cleaned_data.get("position")
            if position is None:
                continue
            if position in seen:
                duplicates = True
                form.add_error(
                    "position",
                    f"Two blocks are at position {position}; give each block its own number.",
                )
            seen.add(position)
        if not duplicates:
            super().clean()
        # self.instance is the article as its form left it, status included.
        if self.instance.status == Article.Status.PUBLISHED and not workflow.has_body_text(
            self.kept_blocks()
        ):
            raise ValidationError(workflow.EMPTY_ARTICLE, code="empty")
        self._check_alt_text()

    def _check_alt_text(self) -> None:
        """A photo without alt text may wait in a draft; it is never published."""
        for form in [f for f in self.forms if getattr(f, "cleaned_data", None)]:
            if self._should_delete_form(form) or not self._has_photo(form):
                continue
            if form.cleaned_data.get("alt_text", "").strip():
                continue
            if self.publishing():
                form.add_error("alt_text", workflow.MISSING_ALT_TEXT)
            else:
                self.photos_without_alt_text.append(form.cleaned_data.get("position"))

    @staticmethod
    def _has_photo(form) -> bool:
        if "photo" in form.cleaned_data:
            return bool(form.cleaned_data["photo"])
        # The photo was refused (on a paragraph, say): it still needs its description.
        return bool(form["photo"].data)

    def deleted_new_forms(self) -> list[forms.Form]:
        """New blocks the editor deleted, in a form sent back with an error: Django's inline
        template gives only saved blocks their delete box, so these get a hidden one
        (templates/admin/articles/article/edit_inline/body_blocks.html)."""
        if not self.is_bound or not self.can_delete:
            return []
        return [form for form in self.extra_forms if form["DELETE"].data]

    def kept_blocks(self) -> list[tuple[str, str]]:
        """(kind, text) of the blocks this form leaves in the article."""
        return [
            (form.cleaned_data.get("kind", ""), form.cleaned_data.get("text", ""))
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not self._should_delete_form(form)
        ]

    def save_new(self, form, commit=True):
        if form.instance.position is None:
            form.instance.position = self._next_position()
        return super().save_new(form, commit)

    def _next_position(self) -> int:
        taken = [
            f.cleaned_data.get("position")
            for f in self.forms
            if hasattr(f, "cleaned_data") and f.cleaned_data.get("position") is not None
        ]
        taken += [b.position for b in Block.objects.filter(article=self.instance)]
        self._last_position = max([*taken, getattr(self, "_last_position", -1)]) + 1
        return self._last_position


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        items = list(data) if isinstance(data, list | tuple) else [data] if data else []
        if not items:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class SeedImportForm(forms.Form):
    files = MultipleFileField(
        label="Seed files",
        allow_empty_file=True,  # the importer rejects it with its own reason
        help_text="One or more seed text files, at most 2 MB each.",
        error_messages={"required": "Choose at least one seed file to import."},
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish immediately",
        help_text="Otherwise new articles are imported as drafts for review.",
    )
    force = forms.BooleanField(
        required=False,
        label="Overwrite editors' changes (force)",
        help_text="Replace articles that editors changed since their last import.",
    )
    dry_run = forms.BooleanField(
        required=False, label="Only check", help_text="Show what would happen; store nothing."
    )

    def __init__(self, *args, may_publish: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            # Publishing and overwriting editors' work are editors' decisions.
            del self.fields["publish"]
            del self.fields["force"]
