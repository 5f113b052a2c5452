"""Articles' addresses: readable slugs made from headlines, unique with a number when taken."""

from django.db.models import QuerySet
from django.utils.text import slugify

SLUG_LENGTH = 200
# What a headline's slug keeps of it: room is left for the number free_slugs() may add.
BASE_LENGTH = SLUG_LENGTH - 20


def base_slug(headline: str) -> str:
    """A readable slug from the headline; Hebrew and Arabic letters are kept."""
    return slugify(headline, allow_unicode=True)[:BASE_LENGTH].strip("-") or "article"


def free_slugs(articles: QuerySet, headlines: list[str]) -> list[str]:
    """A slug for each headline that neither `articles` nor another of the headlines has:
    the headline's own, else with -2, -3 … added. One query, and one more for each
    headline whose slug is taken already."""
    bases = [base_slug(headline) for headline in headlines]
    taken = _taken(articles, set(bases))
    slugs = []
    for base in bases:
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _taken(articles: QuerySet, bases: set[str]) -> set[str]:
    """The slugs of `articles` that are one of `bases` or a numbered variant of one."""
    taken = set(articles.filter(slug__in=bases).values_list("slug", flat=True))
    for base in taken.copy():  # rare: only headlines seen before need their variants
        numbered = articles.filter(slug__startswith=f"{base}-", slug__regex=r"-[0-9]+$")
        taken.update(numbered.values_list("slug", flat=True))
    return taken
