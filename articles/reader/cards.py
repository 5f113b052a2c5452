"""Story cards, the lists' pieces: each rendered once per look and kept in the fragment cache.

A front page shows about fifty cards and a list twenty; rendering them through the
template's include was most of those pages' time without the page cache (issue 17).
A card is kept under a digest of exactly what it shows (articles.caching.cached_by_data),
so an edit renews the cards of the edited article and no other, at once: the page's own
query brings the new headline, and with it a new key.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache

from django.template.loader import get_template
from django.utils.safestring import mark_safe

from articles.caching import cached_by_data
from articles.models import Article
from articles.reader.queries import card_photo

TEMPLATE = "articles/includes/story_card.html"
PHOTO_TEMPLATE = "articles/includes/photo.html"  # which it includes


@dataclass(frozen=True)
class Look:
    """How a list shows its cards: the template's options (each look is cached apart)."""

    name: str
    level: int = 3
    lead: bool = False
    compact: bool = False
    hide_section: bool = False
    sizes: str = ""  # the photo's sizes attribute; without it the card shows no photo


LEAD = Look("lead", level=2, lead=True, sizes="(min-width: 64rem) 44rem, 100vw")
TOP = Look("top", sizes="(min-width: 64rem) 8rem, 7rem")
SECTION_FIRST = Look(
    "section-first",
    hide_section=True,
    sizes="(min-width: 64rem) 18rem, (min-width: 48rem) 50vw, 100vw",
)
SECTION = Look("section", hide_section=True, compact=True)
LATEST = Look("latest", compact=True)
LISTING = Look("listing", level=2)


def shown(article: Article) -> tuple:
    """Everything of the article a card shows, which is what its copy is kept under.

    story_card.html reads nothing else of the article: its language (and so its
    direction and the language of its labels and date), address, section, headline,
    standfirst, byline, publication time and the photo its query fetched.
    """
    section = article.section.name if article.section_id else ""
    photo = getattr(article, "lead_photo_row", None)
    return (
        article.pk,
        article.slug,
        article.headline,
        article.dek,
        article.byline,
        article.language,
        article.published_at,
        section,
        photo and tuple(photo.items()),
    )


def attach_cards(placed: Iterable[tuple[Article, Look]]) -> None:
    """Give each article its card's HTML as `article.card`, in one cache round trip.

    Each (article, look) pair is one place on the page; an article shown twice is two
    objects from two queries, each with its own card.
    """
    placed = list(placed)
    template = get_template(TEMPLATE)

    def renderer(article: Article, look: Look):
        def render() -> str:
            context = asdict(look) | {"article": article}
            if look.sizes:
                context["photo"] = card_photo(article)
            return template.render(context)

        return render

    pieces = [((_template_stamp(), look, shown(a)), renderer(a, look)) for a, look in placed]
    for (article, _), html in zip(placed, cached_by_data("card", pieces), strict=True):
        article.card = mark_safe(html)  # rendered by story_card.html, which escapes its text


@cache
def _template_stamp() -> str:
    """A digest of the card's templates: after a deploy that changes them, no older card
    is served from a shared cache (Redis outlives the workers)."""
    sources = "".join(get_template(name).template.source for name in (TEMPLATE, PHOTO_TEMPLATE))
    return hashlib.blake2b(sources.encode(), digest_size=8).hexdigest()
