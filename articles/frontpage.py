"""How editors arrange the front page: the articles they pin there, in their order."""

from django.db import models


class FrontPagePin(models.Model):
    """An article an editor placed on the front page; the first live pin is the lead story."""

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="front_page_pin"
    )
    position = models.PositiveIntegerField(
        default=0, help_text="0 comes first (the lead story); the top stories follow in order."
    )
    ends_at = models.DateTimeField(
        "pinned until",
        null=True,
        blank=True,
        help_text="Optional: when the article leaves the top of the front page by itself.",
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "front-page pin"

    def __str__(self) -> str:
        return f"{self.position}: {self.article}"
