"""Changes to live articles' own pages, which the page cache reads as their versions."""

from django.db import models
from django.db.models.functions import Now


class ArticleChange(models.Model):
    """A change to a live article's own pages, for the page cache (articles/caching.py).

    Not a foreign key: the entry of an article deleted since still counts.
    """

    article_id = models.BigIntegerField()
    created_at = models.DateTimeField(db_default=Now())

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="articlechange_created")]

    def __str__(self) -> str:
        return f"article {self.article_id} changed"
