"""The desk's own records: drafts of live articles, who has an article open, autosaves."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.models import Article


class PendingChange(models.Model):
    """Changes to a live article that readers do not see yet (issue 13): a draft, changes
    waiting for an editor, or changes an editor sent back with a note.

    `content` is what the article's form would have saved: its fields and its blocks
    (with their ids, so the form can be opened on it again): articles/desk/drafts.py.
    """

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Waiting for an editor"
        SENT_BACK = "sent_back", "Sent back"

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="pending")
    content = models.JSONField()
    state = models.CharField(max_length=12, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)
    editor_note = models.TextField(blank=True, help_text="Why an editor sent the changes back.")
    # A future time: the changes go live by themselves then (articles/desk/drafts.py).
    publish_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "articles"

    def __str__(self) -> str:
        return f"{self.get_state_display()}: {self.article}"


class EditorsArticle(models.Model):
    """A record of one editor's about one article, at most one each (Presence, Autosave)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True
        app_label = "articles"
        # "presence_article_user", "autosave_article_user": the names migration 0017 gave.
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="%(class)s_article_user")
        ]


class Presence(EditorsArticle):
    """Who has an article open in the admin, and since when (issue 13)."""

    opened_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user} on {self.article}"


class Autosave(EditorsArticle):
    """What an editor typed into an article's form and has not saved yet (issue 13)."""

    fields = models.JSONField(help_text="The form's fields by name, each a list of values.")
    saved_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user}'s autosave of {self.article}"
