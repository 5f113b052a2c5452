"""An imported article's source lines worth an editor's look, with their roles (issue 15).

The importer keeps the lines its rules decided with little confidence (below
articles/seedfile/parser.py's REVIEW_BELOW) and REVIEW_CONTEXT lines each side of them,
not every line: most of a file's lines are sure paragraphs, and keeping them would write
some 25 rows an article more at import. An editor reviews the flagged ones in the admin
(articles/desk/line_review.py): "looks right", or another role, which changes the article's
blocks at once (articles/desk/line_roles.py) and is kept for that line's text when the
file is imported again (articles/importing/source_lines.py).
"""

from django.db import models
from django.db.models import Q

from articles.models import Article, Block, staff_account  # defined before models.py imports this


class SourceLine(models.Model):
    """One non-blank line of an article's seed file, as the importer read it."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="source_lines", db_index=False
    )
    number = models.PositiveIntegerField(help_text="Line number in the file, from 1.")
    text = models.TextField()
    role = models.CharField(max_length=12, help_text="What the line is in the article now.")
    rule = models.CharField(max_length=40, help_text="The parser's rule that decided the role.")
    confidence = models.FloatField(help_text="How sure that rule was, 0-1.")
    flagged = models.BooleanField(default=False, help_text="Decided with low confidence.")
    # The block holding the line's text (a credit line: its caption's); none for header
    # lines. Not a constraint: drafts and restores put blocks back with their ids, and a
    # block deleted for good simply leaves the line without one.
    block = models.ForeignKey(
        Block,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    # The role an editor chose or confirmed: kept for this text when the file comes again.
    editor_role = models.CharField(max_length=12, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = staff_account()

    class Meta:
        ordering = ["article", "number"]
        permissions = [("review_lines", "Can review the roles the importer gave lines")]
        indexes = [
            models.Index(fields=["article", "number"], name="sourceline_article_number"),
            # The review queue: articles with flagged lines nobody has looked at yet.
            models.Index(
                fields=["article"],
                name="sourceline_to_review",
                condition=Q(flagged=True, reviewed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"line {self.number} ({self.role}): {self.text[:60]}"


class ArticleToReview(Article):
    """Articles as the review queue lists them (the admin's "Lines to review")."""

    class Meta:
        proxy = True
        verbose_name = "article with lines to review"
        verbose_name_plural = "lines to review"


def unreviewed(lines: models.QuerySet | None = None) -> models.QuerySet:
    """Flagged lines nobody has reviewed yet: what "N lines need a look" counts."""
    lines = SourceLine.objects.all() if lines is None else lines
    return lines.filter(flagged=True, reviewed_at__isnull=True)
