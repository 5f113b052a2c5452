"""What the reader's pages fetch, in a fixed number of queries whatever an article holds.

Every function starts from Article.objects.published() (or takes a queryset
built from it), so that nothing unpublished or scheduled leaks onto a page.
"""

import math
from dataclasses import dataclass
from datetime import datetime

from django.db import connections, router
from django.db.models import GeneratedField, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.models import Article, Author, Block, Listing, Note, Section, Topic, published_sql

WORDS_PER_MINUTE = 230
# The stored search vectors: large, and never shown on a page.
SEARCH_COLUMNS = [f.name for f in Article._meta.concrete_fields if isinstance(f, GeneratedField)]


def for_listing(articles: QuerySet) -> QuerySet:
    """Articles as lists show them: with their section, without the heavy search columns."""
    return articles.select_related("section").defer("body_text", "body_html", *SEARCH_COLUMNS)


def with_page_content(articles: QuerySet) -> QuerySet:
    """Articles with everything their page shows, in one query.

    The body comes pre-rendered (Article.body_html); topics, notes and the lead
    photo ride along in the article's own row as JSON, so that the page stays
    within its query budget (article, related, sections). They are written in SQL
    because compiling the same three subqueries through the ORM took longer than
    the database needs to run the whole page's queries (issue 6).
    """
    return (
        articles.select_related("section")
        .defer(*SEARCH_COLUMNS)
        .annotate(
            topic_rows=RawSQL(TOPIC_ROWS, ()),
            note_rows=RawSQL(NOTE_ROWS, ()),
            author_rows=RawSQL(AUTHOR_ROWS, ()),
            lead_photo_row=RawSQL(LEAD_PHOTO_ROW, ()),
        )
    )


_ARTICLE = Article._meta.db_table
TOPIC_ROWS = (
    "SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'slug', t.slug)"
    f" ORDER BY t.name), '[]') FROM {Topic._meta.db_table} t"
    f" JOIN {Article.topics.through._meta.db_table} at ON at.topic_id = t.id"
    f" WHERE at.article_id = {_ARTICLE}.id"
)
NOTE_ROWS = (
    "SELECT coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'text', n.text,"
    " 'created_at', n.created_at, 'withdrawn_at', n.withdrawn_at,"
    " 'withdrawn_reason', n.withdrawn_reason) ORDER BY n.created_at, n.id), '[]')"
    f" FROM {Note._meta.db_table} n WHERE n.article_id = {_ARTICLE}.id"
)
AUTHOR_ROWS = (
    "SELECT coalesce(json_agg(json_build_object('id', au.id, 'name', au.name, 'slug', au.slug)"
    f" ORDER BY aa.id), '[]') FROM {Author._meta.db_table} au"
    f" JOIN {Article.authors.through._meta.db_table} aa ON aa.author_id = au.id"
    f" WHERE aa.article_id = {_ARTICLE}.id"
)
LEAD_PHOTO_ROW = (
    "SELECT json_build_object('photo', b.photo, 'alt_text', b.alt_text,"
    " 'photo_width', b.photo_width, 'photo_height', b.photo_height)"
    f" FROM {Block._meta.db_table} b WHERE b.article_id = {_ARTICLE}.id"
    f" AND b.kind = '{Block.Kind.CAPTION}' AND b.photo <> '' ORDER BY b.position LIMIT 1"
)


# What a story card shows of an article, for hand-written queries of lists.
STORY_CARD_COLUMNS = (
    ", ".join(
        f"{_ARTICLE}.{column}"
        for column in ("id", "headline", "slug", "dek", "byline", "language", "published_at")
    )
    + f", {_ARTICLE}.section_id"
)


def card_photo(article: Article) -> Block | None:
    """The photo a card shows, from the `lead_photo_row` its query fetched; None without."""
    row = getattr(article, "lead_photo_row", None)
    return Block(article=article, kind=Block.Kind.CAPTION, **row) if row else None


@dataclass(frozen=True)
class ArticleContent:
    """An article's topics, notes, authors and lead photo, however the article was fetched."""

    article: Article
    topics: list[Topic]
    notes: list[Note]
    authors: list[Author]
    lead_photo: Block | None  # the first captioned photo: what previews and cards show

    @classmethod
    def of(cls, article: Article) -> "ArticleContent":
        """Use what with_page_content() fetched; query for it when given a plain article."""
        if hasattr(article, "topic_rows"):
            topics = [Topic(**row) for row in article.topic_rows]
        else:
            topics = list(article.topics.all())
        if hasattr(article, "note_rows"):
            notes = [
                Note(
                    article=article,
                    **{
                        **row,
                        "created_at": parse_datetime(row["created_at"]),
                        "withdrawn_at": row["withdrawn_at"] and parse_datetime(row["withdrawn_at"]),
                    },
                )
                for row in article.note_rows
            ]
        else:
            notes = list(article.notes.all())
        if hasattr(article, "author_rows"):
            authors = [Author(**row) for row in article.author_rows]
        else:
            links = Article.authors.through.objects.filter(article=article).select_related("author")
            authors = [link.author for link in links.order_by("id")]  # in the byline's order
        if hasattr(article, "lead_photo_row"):
            lead_photo = card_photo(article)
        else:
            blocks = cls.readable_blocks(article)
            lead_photo = next((b for b in blocks if b.kind == Block.Kind.CAPTION and b.photo), None)
        return cls(
            article=article,
            topics=topics,
            notes=notes,
            authors=authors,
            lead_photo=lead_photo or None,
        )

    @staticmethod
    def readable_blocks(article: Article) -> list[Block]:
        return [b for b in article.blocks_to_render() if b.kind != Block.Kind.FURNITURE]

    @property
    def blocks(self) -> list[Block]:
        """The body as typed blocks (for the API; the page shows Article.body_html)."""
        return self.readable_blocks(self.article)


def updated_time(article: Article) -> datetime | None:
    """The public "Updated" time: shown only when it is later than publication."""
    if article.updated_at and (
        not article.published_at or article.updated_at > article.published_at
    ):
        return article.updated_at
    return None


def last_public_change(article: Article) -> datetime | None:
    """When readers last saw the article change: its publication, an editor's edit, an update."""
    times = [t for t in (article.published_at, article.updated_at, article.edited_at) if t]
    return max(times, default=None)


def isoformat(value: datetime | None) -> str | None:
    """A local time to the second, as <time datetime>, JSON-LD and the API show it."""
    if value is None:
        return None
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def reading_minutes(article: Article) -> int:
    """Minutes an adult needs to read the body, at least one."""
    return max(1, math.ceil(article.word_count / WORDS_PER_MINUTE))


# The article page's one query: with_page_content(published()).filter(slug=…), written
# out. Compiling that queryset cost more than PostgreSQL takes to answer it, on
# every article view (issue 6); the tests hold it to published()'s rules.
# Not body_text: the page shows body_html, and its reading time comes from word_count.
PAGE_FIELDS = [
    field
    for field in Article._meta.concrete_fields
    if field.name not in [*SEARCH_COLUMNS, "body_text"]
]
PAGE_COLUMNS = ", ".join(f"{_ARTICLE}.{field.column}" for field in PAGE_FIELDS)
PAGE_EXTRAS = (
    "section_name",
    "section_slug",
    "topic_rows",
    "note_rows",
    "author_rows",
    "lead_photo_row",
)
PUBLISHED_ARTICLE = (
    f"SELECT {PAGE_COLUMNS}, s.name AS section_name, s.slug AS section_slug,"
    f" ({TOPIC_ROWS}) AS topic_rows, ({NOTE_ROWS}) AS note_rows,"
    f" ({AUTHOR_ROWS}) AS author_rows, ({LEAD_PHOTO_ROW}) AS lead_photo_row"
    f" FROM {_ARTICLE} LEFT JOIN {Section._meta.db_table} s ON s.id = {_ARTICLE}.section_id"
    f" WHERE {_ARTICLE}.slug = %s AND {published_sql()}"
)


def published_article(slug: str) -> Article | None:
    """The published article at this address, with its page content, or None.

    A prepared statement: PostgreSQL took three times as long to plan this query as to
    run it (1.4 ms against 0.5), so each connection plans it once (issue 17).
    """
    connection = connections[router.db_for_read(Article)]
    with connection.prepared_cursor() as cursor:
        cursor.execute(PUBLISHED_ARTICLE, [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    fields = row[: len(PAGE_FIELDS)]
    article = Article.from_db(connection.alias, [f.attname for f in PAGE_FIELDS], fields)
    for name, value in zip(PAGE_EXTRAS, row[len(PAGE_FIELDS) :], strict=True):
        setattr(article, name, value)
    return with_joined_section(article)


def with_joined_section(article: Article) -> Article:
    """An article from hand-written SQL that joined its section as section_name and
    section_slug, with article.section set from them rather than by another query."""
    if article.section_id is not None:
        article.section = Section(
            id=article.section_id, name=article.section_name, slug=article.section_slug
        )
    return article


def redirected_article(old_slug: str) -> Article | None:
    """The published article that used to live at `old_slug`, if any."""
    return Article.objects.published().filter(old_slugs__old_slug=old_slug).only("slug").first()


def front_page_articles() -> QuerySet:
    """Every published article, newest first (the API's list)."""
    return for_listing(Article.objects.published())


def listing_articles(listing: Listing) -> QuerySet:
    """A section's, a topic's or an author's published articles."""
    return for_listing(Article.objects.published().filter(**{listing.article_field: listing}))
