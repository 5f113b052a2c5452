"""What the reader's pages fetch, in a fixed number of queries whatever an article holds.

Every function starts from Article.objects.published() (or takes a queryset
built from it), and every hand-written statement from published_sql(), compiled from
it, so that nothing unpublished or scheduled leaks onto a page.
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


# What a story card shows of an article (articles/reader/cards.py), and a feed's or the
# API's list its update time, for the lists' hand-written queries: these columns first,
# then its section's name and address.
# In the model's order of fields, as Article.from_db() takes a subset of them.
CARD_FIELDS = [
    field.attname
    for field in Article._meta.concrete_fields
    if field.name
    in {
        "id",
        "headline",
        "slug",
        "dek",
        "byline",
        "language",
        "section",
        "published_at",
        "updated_at",
    }
]
CARD_SELECT = (
    ", ".join(f"{_ARTICLE}.{Article._meta.get_field(name).column}" for name in CARD_FIELDS)
    + ", s.name AS section_name, s.slug AS section_slug"
)


def card_photo(article: Article) -> Block | None:
    """The photo a card shows, from the `lead_photo_row` its query fetched; None without."""
    row = getattr(article, "lead_photo_row", None)
    return Block(article=article, kind=Block.Kind.CAPTION, **row) if row else None


def listed_topics(article: Article) -> list[Topic]:
    """The article's topics, from the `topic_rows` its query fetched (TOPIC_ROWS)."""
    return [Topic(**row) for row in article.topic_rows]


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
            topics = listed_topics(article)
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


# The lists' pages (front, section, topic, author) in hand-written statements, prepared
# once per connection as the article page's is: compiling their querysets and planning
# them took longer than PostgreSQL takes to run them (issue 17). They keep to
# published_sql(), and fetch what a story card shows (CARD_SELECT).
NEWEST_FIRST = f"ORDER BY {_ARTICLE}.published_at DESC, {_ARTICLE}.id DESC"
WITH_SECTION = f"LEFT JOIN {Section._meta.db_table} s ON s.id = {_ARTICLE}.section_id"


def listing_condition(listing_model: type[Listing]) -> str:
    """The SQL condition for "among this listing's articles", its one parameter the listing's id."""
    field = Article._meta.get_field(listing_model.article_field)
    if not field.many_to_many:
        return f"{_ARTICLE}.{field.column} = %s"
    through = field.remote_field.through._meta.db_table
    return (
        f"{_ARTICLE}.id IN (SELECT {field.m2m_column_name()} FROM {through}"
        f" WHERE {field.m2m_reverse_name()} = %s)"
    )


def prepared_articles(sql: str, params: list) -> list[Article]:
    """Articles from a prepared statement that selects CARD_SELECT first, then extras
    (lead_photo_row, …) that become attributes of each article."""
    connection = connections[router.db_for_read(Article)]
    with connection.prepared_cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description][len(CARD_FIELDS) :]
        rows = cursor.fetchall()
    articles = []
    for row in rows:
        article = Article.from_db(connection.alias, CARD_FIELDS, row[: len(CARD_FIELDS)])
        for name, value in zip(names, row[len(CARD_FIELDS) :], strict=True):
            setattr(article, name, value)
        articles.append(with_joined_section(article))
    return articles


class ListedArticles:
    """Published articles newest first that meet a condition, as ArchivePaginator pages
    them: a capped count and a page, each one prepared statement.

    `condition` is SQL over the article table with its own %s parameters; `topics`
    fetches each article's topics too (topic_rows, read by listed_topics()), for the
    feeds and the API.
    """

    ordered = True  # for Paginator's check

    def __init__(self, condition: str = "TRUE", params: list = (), *, topics: bool = False) -> None:
        where = f"WHERE {published_sql()} AND {condition}"
        topic_rows = f", ({TOPIC_ROWS}) AS topic_rows" if topics else ""
        self.params = list(params)
        select = f"SELECT {CARD_SELECT}{topic_rows}"
        rows = f"FROM {_ARTICLE} {WITH_SECTION} {where} {NEWEST_FIRST} LIMIT %s OFFSET %s"
        # Any `cap` rows will do for a count that stops there: no order, no index walk needed.
        self.count_sql = f"SELECT count(*) FROM (SELECT 1 FROM {_ARTICLE} {where} LIMIT %s) c"
        self.page_sql = f"{select} {rows}"
        self.counted_page_sql = f"{select}, ({self.count_sql}) AS listed_count {rows}"

    def capped_count(self, cap: int) -> int:
        """How many there are, counting no further than `cap`."""
        connection = connections[router.db_for_read(Article)]
        with connection.prepared_cursor() as cursor:
            cursor.execute(self.count_sql, [*self.params, cap])
            return cursor.fetchone()[0]

    def __getitem__(self, page: slice) -> list[Article]:
        start = page.start or 0
        return prepared_articles(self.page_sql, [*self.params, page.stop - start, start])

    def counted_page(self, start: int, size: int, cap: int) -> tuple[list[Article], int]:
        """`size` articles from `start` and the count capped at `cap`, in one statement
        (the count is read apart only for a page past the end, which has no row to carry it)."""
        params = [*self.params, cap, *self.params, size, start]
        rows = prepared_articles(self.counted_page_sql, params)
        return rows, rows[0].listed_count if rows else self.capped_count(cap)
