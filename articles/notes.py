"""Dated public corrections and updates at the foot of an article: a permanent record."""

from django.db import models
from django.utils import timezone

from articles.models import Article, staff_account  # defined before models.py imports this


class Note(models.Model):
    """A dated public correction or update shown at the foot of an article."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(help_text="Shown to readers, e.g. “An earlier version misspelled …”.")
    created_at = models.DateTimeField(default=timezone.now)
    # Notes are a permanent public record (issue 13): never deleted, only withdrawn by an
    # editor, with a reason readers see beside the note.
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_reason = models.TextField(blank=True, editable=False)
    withdrawn_by = staff_account()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # A public note is a visible change: the article's "Updated" time moves with it.
        Article.objects.filter(pk=self.article_id).filter(
            models.Q(updated_at__isnull=True) | models.Q(updated_at__lt=self.created_at)
        ).update(updated_at=self.created_at)
