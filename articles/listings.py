"""Named lists of articles that readers follow: sections and topics (authors: articles/authors.py)."""

from django.db import models

from articles.links import link


class Listing(models.Model):
    """A named list of articles that readers can follow, with its page and its feeds."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    # Set by each kind: the Article field that files an article under it, and the prefix
    # of its addresses' names (articles/reader/urls.py: "section", "section-rss", …).
    article_field: str
    url_name: str

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return link(f"articles:{self.url_name}", self.slug)

    def feed_url(self, feed: str) -> str:
        """The address of its "rss" or "atom" feed."""
        return link(f"articles:{self.url_name}-{feed}", self.slug)


class Section(Listing):
    """Where an article is filed, one section each; the masthead lists them."""

    position = models.PositiveIntegerField(
        default=0, help_text="Where the section stands in the masthead and on the front page."
    )

    article_field = "section"
    url_name = "section"

    class Meta:
        ordering = ["position", "name"]


class Topic(Listing):
    """What an article is about, as many as apply."""

    article_field = "topics"
    url_name = "topic"
