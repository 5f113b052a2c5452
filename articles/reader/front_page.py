"""What the front page shows: the lead story, the top stories and a block per section.

Editors choose and order the lead and top stories with front-page pins
(articles/frontpage.py); what they leave empty is filled with the newest articles.
Each section's block holds its newest few, sections in the editors' order. The
whole arrangement costs three queries, however many sections and pins there are:
live pins, the newest articles to fill with, and every section's newest at once.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Now

from articles.models import Article, Section
from articles.reader.queries import LEAD_PHOTO_ROW, STORY_CARD_COLUMNS, for_listing

TOP_STORIES = 4  # under the lead
SECTION_STORIES = 4  # in each section's block


@dataclass
class SectionBlock:
    section: Section
    articles: list[Article] = field(default_factory=list)


@dataclass(frozen=True)
class FrontPage:
    lead: Article | None
    top_stories: list[Article]

    @property
    def shown_ids(self) -> list[int]:
        """The articles placed at the top, which the rest of the page leaves out."""
        return [a.pk for a in [self.lead, *self.top_stories] if a is not None]


def with_photo(articles):
    """Articles with the photo their card shows (`lead_photo_row`), in the same query."""
    return articles.annotate(lead_photo_row=RawSQL(LEAD_PHOTO_ROW, ()))


def front_page() -> FrontPage:
    """The lead story and the top stories: the live pins in order, then the newest articles.

    Without a pin, the lead is the newest article that has a photo among the newest
    few, or else the newest.
    """
    listed = with_photo(for_listing(Article.objects.published()))
    live_pin = Q(front_page_pin__ends_at__isnull=True) | Q(front_page_pin__ends_at__gt=Now())
    pinned = list(
        listed.filter(live_pin, front_page_pin__isnull=False).order_by(
            "front_page_pin__position", "front_page_pin__id"
        )[: TOP_STORIES + 1]
    )
    wanted = TOP_STORIES + 1 - len(pinned)
    newest = list(listed.exclude(pk__in=[a.pk for a in pinned])[:wanted]) if wanted else []
    if not pinned and newest:
        with_photos = [a for a in newest if a.lead_photo_row]
        if with_photos:
            newest.remove(with_photos[0])
            newest.insert(0, with_photos[0])
    stories = pinned + newest
    return FrontPage(lead=stories[0] if stories else None, top_stories=stories[1:])


# Each section's newest published articles, leaving out those shown above, in one query:
# a LATERAL subquery walks the newest articles once per section and stops at the limit.
# Its alias is the table's name, which LEAD_PHOTO_ROW refers to.
_ARTICLE = Article._meta.db_table
SECTION_BLOCKS_SQL = (
    f"SELECT {STORY_CARD_COLUMNS}, s.name AS section_name, s.slug AS section_slug,"
    f" ({LEAD_PHOTO_ROW}) AS lead_photo_row"
    f" FROM {Section._meta.db_table} s CROSS JOIN LATERAL ("
    f"  SELECT * FROM {_ARTICLE} WHERE {_ARTICLE}.section_id = s.id"
    f"  AND {_ARTICLE}.status = %s AND {_ARTICLE}.published_at <= statement_timestamp()"
    f"  AND NOT ({_ARTICLE}.id = ANY(%s))"
    f"  ORDER BY {_ARTICLE}.published_at DESC, {_ARTICLE}.id DESC LIMIT %s) {_ARTICLE}"
    f" ORDER BY s.position, s.name, s.id, {_ARTICLE}.published_at DESC, {_ARTICLE}.id DESC"
)


def section_blocks(leave_out: list[int]) -> list[SectionBlock]:
    """Every section that has articles, in the editors' order, with its newest few."""
    rows = Article.objects.raw(
        SECTION_BLOCKS_SQL, [Article.Status.PUBLISHED, leave_out, SECTION_STORIES]
    )
    blocks: dict[int, SectionBlock] = {}
    for article in rows:
        section = Section(
            id=article.section_id, name=article.section_name, slug=article.section_slug
        )
        article.section = section
        blocks.setdefault(section.pk, SectionBlock(section)).articles.append(article)
    return list(blocks.values())


def latest(leave_out: list[int]):
    """The newest articles for the list under the blocks, without those at the top."""
    return for_listing(Article.objects.published()).exclude(pk__in=leave_out)
