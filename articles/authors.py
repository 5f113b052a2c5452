"""The people who write the articles: bylines resolved to Author records by name."""

import re
from collections.abc import Iterable

from django.db import connection, models

from articles.models import Listing  # defined before models.py imports this module
from articles.slugs import free_slugs

# "By …" in the languages the site publishes: Hebrew מאת, Arabic بقلم.
_BY = re.compile(r"^\s*(?:by|מאת|بقلم)\s*:?\s+", re.IGNORECASE)
# Between two names: a comma, "and", "&", or Arabic و standing as a word.
_BETWEEN_NAMES = re.compile(r"\s*(?:[,;&\n]|\band\b|\sو\s)\s*", re.IGNORECASE)
NAME_LIMIT = 100


def byline_names(byline: str) -> list[str]:
    """The people a byline names: "By Rita Reporter and Sam Smith" -> ["Rita Reporter", "Sam Smith"]."""
    names = _BETWEEN_NAMES.split(_BY.sub("", byline.strip()))
    cleaned = (" ".join(name.split()) for name in names)
    return list(dict.fromkeys(name for name in cleaned if 0 < len(name) <= NAME_LIMIT))


class Author(Listing):
    """A writer, with a page of their articles and feeds of their own."""

    name = models.CharField(
        max_length=NAME_LIMIT, unique=True, help_text="As bylines spell it, e.g. Rita Reporter."
    )
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    bio = models.TextField(
        "short bio",
        blank=True,
        max_length=600,
        help_text="A sentence or two for the author's page.",
    )
    # Django records the photo's size when one is uploaded, for <img width height>.
    photo = models.ImageField(
        upload_to="authors/", blank=True, width_field="photo_width", height_field="photo_height"
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    article_field = "authors"
    url_name = "author"


def link_authors(articles: Iterable) -> None:
    """Point each article at the authors its byline names, adding those not yet known.

    A few queries for any number of articles, so that the importer links a whole batch
    at once; editors' bios and photos are kept, as authors are matched by name.
    """
    from articles.models import Article

    names = {article.pk: byline_names(article.byline) for article in articles}
    wanted = {name for article_names in names.values() for name in article_names}
    known = dict(Author.objects.filter(name__in=wanted).values_list("name", "pk"))
    if missing := sorted(wanted - known.keys()):
        slugs = free_slugs(Author.objects.all(), missing)
        Author.objects.bulk_create(
            [Author(name=name, slug=slug) for name, slug in zip(missing, slugs, strict=True)],
            ignore_conflicts=True,
        )
        known.update(Author.objects.filter(name__in=missing).values_list("name", "pk"))
    links = [
        (pk, known[name])
        for pk, article_names in names.items()
        for name in article_names
        if name in known
    ]
    # Arrays rather than the ORM's IN (…) and bulk_create: building a parameter and an
    # object for each of a batch's articles cost more than the database's work.
    table = Article.authors.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE article_id = ANY(%s)", [list(names)])
        if links:
            article_ids, author_ids = map(list, zip(*links, strict=True))
            cursor.execute(
                f"INSERT INTO {table} (article_id, author_id)"
                " SELECT * FROM unnest(%s::bigint[], %s::bigint[])",
                [article_ids, author_ids],
            )
