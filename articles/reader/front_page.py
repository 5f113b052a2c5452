"""What the front page shows: the lead story, the top stories and a block per section.

Editors choose and order the lead and top stories with front-page pins
(articles/frontpage.py); what they leave empty is filled with the newest articles.
Each section's block holds its newest few, sections in the editors' order. The
whole arrangement costs two prepared statements, however many sections and pins there
are: the live pins with the newest articles to fill with, and every section's newest at once.
"""

from dataclasses import dataclass, field

from articles.models import Article, FrontPagePin, Section, published_sql
from articles.reader.queries import (
    CARD_SELECT,
    LEAD_PHOTO_ROW,
    NEWEST_FIRST,
    WITH_SECTION,
    ListedArticles,
    prepared_articles,
)

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


_ARTICLE = Article._meta.db_table
_PIN = FrontPagePin._meta.db_table
_CARD = f"{CARD_SELECT}, ({LEAD_PHOTO_ROW}) AS lead_photo_row"
# The live pins in their order, then the newest articles (as many again, as pinned ones
# may be among them), in one statement.
TOP_SQL = (
    f"(SELECT {_CARD}, p.position AS pin_position FROM {_ARTICLE} {WITH_SECTION}"
    f" JOIN {_PIN} p ON p.article_id = {_ARTICLE}.id"
    f" WHERE {published_sql()} AND (p.ends_at IS NULL OR p.ends_at > statement_timestamp())"
    f" ORDER BY p.position, p.id LIMIT %s)"
    f" UNION ALL (SELECT {_CARD}, NULL FROM {_ARTICLE} {WITH_SECTION}"
    f" WHERE {published_sql()} {NEWEST_FIRST} LIMIT %s)"
)


def front_page() -> FrontPage:
    """The lead story and the top stories: the live pins in order, then the newest articles.

    Without a pin, the lead is the newest article that has a photo among the newest
    few, or else the newest.
    """
    places = TOP_STORIES + 1
    rows = prepared_articles(TOP_SQL, [places, places * 2])
    pinned = [a for a in rows if a.pin_position is not None]
    pinned_ids = {a.pk for a in pinned}
    wanted = places - len(pinned)
    newest = [a for a in rows if a.pin_position is None and a.pk not in pinned_ids][:wanted]
    if not pinned and newest:
        with_photos = [a for a in newest if a.lead_photo_row]
        if with_photos:
            newest.remove(with_photos[0])
            newest.insert(0, with_photos[0])
    stories = pinned + newest
    return FrontPage(lead=stories[0] if stories else None, top_stories=stories[1:])


# Each section's newest published articles, leaving out those shown above, in one query:
# a LATERAL subquery walks the newest articles once per section and stops at the limit.
# Its alias is the table's name, which LEAD_PHOTO_ROW and CARD_SELECT refer to.
SECTION_BLOCKS_SQL = (
    f"SELECT {_CARD}"
    f" FROM {Section._meta.db_table} s CROSS JOIN LATERAL ("
    f"  SELECT * FROM {_ARTICLE} WHERE {_ARTICLE}.section_id = s.id AND {published_sql()}"
    f"  AND NOT ({_ARTICLE}.id = ANY(%s)) {NEWEST_FIRST} LIMIT %s) {_ARTICLE}"
    f" ORDER BY s.position, s.name, s.id, {_ARTICLE}.published_at DESC, {_ARTICLE}.id DESC"
)


def section_blocks(leave_out: list[int]) -> list[SectionBlock]:
    """Every section that has articles, in the editors' order, with its newest few."""
    blocks: dict[int, SectionBlock] = {}
    for article in prepared_articles(SECTION_BLOCKS_SQL, [leave_out, SECTION_STORIES]):
        blocks.setdefault(article.section_id, SectionBlock(article.section)).articles.append(
            article
        )
    return list(blocks.values())


def latest(leave_out: list[int]) -> ListedArticles:
    """The newest articles for the list under the blocks, without those at the top."""
    return ListedArticles(f"NOT ({_ARTICLE}.id = ANY(%s))", [leave_out])
