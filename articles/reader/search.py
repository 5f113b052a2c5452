"""Full-text search over published articles, with PostgreSQL's web-search syntax.

Articles carry a stored, GIN-indexed tsvector (Article.search_vector) weighting
the headline above the standfirst above the body and captions, and a small one of
the headline and standfirst alone (Article.rank_vector). Searches match against the
first and rank by the second: nothing computes to_tsvector per row.
"""

import json
import math
import re
from collections.abc import Sequence
from datetime import datetime
from itertools import islice

from django.contrib.postgres.search import SearchQuery
from django.db import connections, router, transaction

from articles.caching import cached_with_content
from articles.models import Article, Section, Topic, published_sql
from articles.reader.queries import with_joined_section
from articles.reader.search_help import sentence_excerpt, with_prefixed_forms

CONFIG = "english"
# Private-use characters mark matches inside ts_headline()'s output; the template
# escapes the text first and only then turns them into <mark> elements.
MARK_START, MARK_STOP = "\ue000", "\ue001"
# What templates/articles/includes/story_card.html shows of an article.
STORY_CARD_FIELDS = [
    "headline",
    "slug",
    "dek",
    "byline",
    "language",
    "published_at",
    "section__name",
]
# A search ranks the newest RANKED_MATCHES articles that match, and no more.
RANKED_MATCHES = 1000
# Characters at the start of the body an excerpt is looked for in first.
EXCERPT_WINDOW = 600
# What a search takes of the reader's words (issue 18): ts_headline()'s cost grows much
# faster than the number of query words (2 s to highlight a page for 150 words), and no
# reader needs more than a sentence. A hyphenated name counts its parts.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 16
# The most of a body highlighting ever reads, when the excerpt's window holds no match.
MAX_HIGHLIGHTED_CHARS = 20_000
_WORD = re.compile(r"\w+")

# The queries of a search, written out: compiling them through the ORM took
# longer than PostgreSQL takes to answer them (issue 6). All keep to the rules of
# Article.objects.published(): _PUBLISHED is compiled from it.
_QUERY = "(%(tsquery)s::tsquery)"
_PUBLISHED = published_sql("a")
# The newest RANKED_MATCHES matches, best first, found one of two ways (issue 6):
# - a word in many articles: walk the articles newest first, reading search_vector,
#   until the limit is reached (NEWEST_MATCHES_SQL);
# - a word in fewer: read its matches through the GIN index on search_vector, only
#   among the newest `window` articles when they hold enough (MATCHES_IN_WINDOW_SQL,
#   else MATCHES_SQL). Walking would read ten thousand vectors for a word in one
#   article of ten; reading all the matches of a common word reads nearly every row.
# The rank reads rank_vector, a few hundred bytes kept in the row, and never
# search_vector, which lives in TOAST. ANDs become ORs for ranking, as ts_rank()
# scores a headline holding one of two words like one holding neither (tsquery's
# text form spells AND " & ", which no lexeme contains). Equal ranks, as matches in
# the body alone have, go newest first.
_RANK = f"ts_rank(rank_vector, replace({_QUERY}::text, ' & ', ' | ')::tsquery)"
_BEST_OF_NEWEST = (
    f"SELECT id FROM (SELECT id, published_at, {_RANK} AS rank FROM {{matches}}"
    " ORDER BY published_at DESC, id DESC LIMIT %(limit)s"
    ") newest ORDER BY rank DESC, published_at DESC, id DESC"
)
_MATCHING = f"{_PUBLISHED} AND a.search_vector @@ {_QUERY}"
NEWEST_MATCHES_SQL = _BEST_OF_NEWEST.format(matches=f"{Article._meta.db_table} a WHERE {_MATCHING}")
# A subquery, not a plain parameter: PostgreSQL plans it without knowing the value, and
# so reads the window's index to narrow the GIN index's matches before fetching any row.
# Told the value, it fetches every match and discards those outside the window, which for
# a phrase means reading thousands of search vectors from TOAST (issue 6).
_IN_WINDOW = " AND a.published_at >= (SELECT %(window_start)s::timestamptz)"
# When the window's oldest article was published: a walk down `window` index entries,
# so it is kept with the content version (_window_start).
WINDOW_START_SQL = (
    f"SELECT a.published_at FROM {Article._meta.db_table} a WHERE {_PUBLISHED}"
    " ORDER BY a.published_at DESC OFFSET %(window)s LIMIT 1"
)
# MATERIALIZED keeps PostgreSQL from turning the GIN read back into the walk.
_MATCHES = (
    "WITH matches AS MATERIALIZED (SELECT a.id, a.published_at, a.rank_vector"
    f" FROM {Article._meta.db_table} a WHERE {_MATCHING}{{window}}) "
    + _BEST_OF_NEWEST.format(matches="matches")
)
MATCHES_SQL = _MATCHES.format(window="")
MATCHES_IN_WINDOW_SQL = _MATCHES.format(window=_IN_WINDOW)
# Above this share of the archive, a word's newest matches are found by walking.
COMMON_SHARE = 0.3
# A window holds this many times the articles expected to give RANKED_MATCHES matches.
# Rarer guesses count as this: the planner guesses phrases far too rare, and a window
# this size is cheap to read even when it holds too few matches.
RARE_SHARE = 0.05
WINDOW_MARGIN = 1.5
WINDOW_STEP = 1000
COUNT_SQL = (
    f"SELECT count(*) FROM (SELECT 1 FROM {Article._meta.db_table} a WHERE {_MATCHING}"
    " LIMIT %(limit)s) found"
)
ESTIMATE_SQL = f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {Article._meta.db_table} a WHERE {_MATCHING}"
ARTICLE_COUNT_SQL = "SELECT reltuples FROM pg_class WHERE oid = %s::regclass"
# The reader's words as a tsquery, in websearch_to_tsquery()'s syntax.
TSQUERY_SQL = f"SELECT websearch_to_tsquery('{CONFIG}'::regconfig, %s)::text"
# websearch_to_tsquery() makes a hyphenated word a phrase of the whole word and its
# parts: al-Sarraj becomes 'al-sarraj' <-> 'al' <-> 'sarraj'. The parser indexes every
# hyphenated word as exactly that sequence, so the whole word alone finds the same
# articles, without checking word positions, which means reading each match's whole
# search_vector from TOAST: such names are common in the news, and were the slowest
# searches (issue 6). A phrase, with the words around it, is left as it is.
_LEXEME = r"'(?:[^']|'')*'"
_HYPHENATED_PHRASE = re.compile(
    r"(?:(?<=^)|(?<=[&|] )|(?<=!)|(?<=\( ))"
    rf"'(?P<whole>(?:[^'-]|'')+(?:-(?:[^'-]|'')+)+)'"
    rf"(?P<parts>(?: <(?:-|\d+)> {_LEXEME})+)"
    r"(?= [&|)]|$)"
)
_DISTANCE = re.compile(r"<(-|\d+)>")


def whole_hyphenated_words(tsquery: str) -> str:
    """The tsquery text with each hyphenated word's phrase of parts reduced to the word."""

    def reduce(found: re.Match) -> str:
        # The parts of a word of n pieces span n positions (stop words leave gaps: <3>).
        span = sum(1 if d == "-" else int(d) for d in _DISTANCE.findall(found["parts"]))
        pieces = found["whole"].count("-") + 1
        return f"'{found['whole']}'" if span == pieces else found[0]

    return _HYPHENATED_PHRASE.sub(reduce, tsquery)


# ts_headline() parses and stems all the text it is given, which over whole bodies
# cost more than the rest of the search together (issue 6). Matches are mostly near
# the top, so the excerpt comes from the first EXCERPT_WINDOW characters of the body,
# cut at a space, highlighted whole so that it can start at a sentence (body_top: NULL
# unless that marked a match). Only when neither it nor the standfirst holds a match is
# the whole body read, for a fragment around its match (body_fragment). MATERIALIZED
# keeps PostgreSQL from computing the highlights twice. The standfirst is its own
# column: pages show it apart from the body's excerpt (issue 16).
_HIGHLIGHTED = f"ts_headline('{CONFIG}'::regconfig, {{text}}, {_QUERY}, %(headline_options)s)"
_BODY_TOP = r"regexp_replace(left(a.body_text || ' ', %(window)s), '\S*$', '')"
_CARD_COLUMNS = (
    "id, headline, slug, dek, byline, language, published_at, section_id, section_name,"
    " section_slug, headline_match, dek_match, body_top"
)
PAGE_SQL = (
    "WITH page AS MATERIALIZED (SELECT a.id, a.headline, a.slug, a.dek, a.byline, a.language,"
    " a.published_at, a.body_text, a.section_id, s.name AS section_name, s.slug AS section_slug,"
    f" {_HIGHLIGHTED.format(text='a.headline')} AS headline_match,"
    f" {_HIGHLIGHTED.format(text='a.dek')} AS dek_match,"
    f" substring({_HIGHLIGHTED.format(text=_BODY_TOP)}, %(marked)s) AS body_top"
    f" FROM {Article._meta.db_table} a"
    f" LEFT JOIN {Section._meta.db_table} s ON s.id = a.section_id"
    f" WHERE a.id = ANY(%(ids)s) AND {_PUBLISHED}) "
    f"SELECT {_CARD_COLUMNS}, CASE WHEN body_top IS NULL AND strpos(dek_match, %(mark)s) = 0"
    f" THEN ts_headline('{CONFIG}'::regconfig, left(body_text, %(highlighted)s), {_QUERY},"
    " %(excerpt_options)s)"
    " END AS body_fragment FROM page"
)
_MARKS = f'StartSel="{MARK_START}", StopSel="{MARK_STOP}"'
HEADLINE_OPTIONS = f"{_MARKS}, HighlightAll=true"
EXCERPT_OPTIONS = f"{_MARKS}, MaxFragments=1, MaxWords=60, MinWords=30"


def search_articles(query: str) -> "SearchResults":
    """Published articles matching `query` ("quoted phrase", -word, or), best match first."""
    return SearchResults(query)


def bounded_query(query: str) -> str:
    """The part of `query` a search takes: its first MAX_QUERY_WORDS words, within
    MAX_QUERY_CHARS characters."""
    query = query.strip()[:MAX_QUERY_CHARS]
    words = [word.end() for word in islice(_WORD.finditer(query), MAX_QUERY_WORDS + 1)]
    if len(words) > MAX_QUERY_WORDS:
        query = query[: words[MAX_QUERY_WORDS - 1]]
    return query.strip()


class SearchResults(Sequence):
    """The newest RANKED_MATCHES articles matching a query, best match first, for a paginator.

    Best means matching in the headline, then in the standfirst, the more of the
    query's words the better; articles matching in their body alone come after, and
    ties go newest first. A page costs two queries after three small ones that read no
    article (the words as a tsquery, and the planner's count and guess of how common
    they are): one lists the ranked ids, which also gives the count, and one fetches
    the page's articles, each with `headline_match` and `excerpt`: the headline and a
    passage of the standfirst or body with the matched words between MARK_START and
    MARK_STOP.
    """

    def __init__(self, query: str):
        self.query = bounded_query(query)
        self.shortened = self.query != query.strip()
        # Both queries read the same database, should reads go to replicas.
        self.using = router.db_for_read(Article)
        self._ids: list[int] | None = None
        self.tsquery = ""  # websearch_to_tsquery() of the query, once ids() has run

    def ids(self) -> list[int]:
        """The matching articles' ids, best match first."""
        if self._ids is None:
            self._ids = []
            if self.query:
                with connections[self.using].cursor() as cursor:
                    self._ids = self._ranked_ids(cursor)
        return self._ids

    def _ranked_ids(self, cursor) -> list[int]:
        cursor.execute(TSQUERY_SQL, [self.query])
        self.tsquery = with_prefixed_forms(cursor.fetchone()[0])
        params = {
            # ts_headline() marks the parts of a hyphenated word, never the whole: only
            # finding the matches reads the whole word (the page's query marks them).
            "tsquery": whole_hyphenated_words(self.tsquery),
            "limit": RANKED_MATCHES,
        }
        articles, share = _estimate(cursor, params)
        if share >= COMMON_SHARE:
            return _fetch_ids(cursor, NEWEST_MATCHES_SQL, params)
        window = math.ceil(RANKED_MATCHES / max(share, RARE_SHARE) * WINDOW_MARGIN)
        if window < articles and (start := _window_start(cursor, window)) is not None:
            with transaction.atomic(using=self.using):
                # The window's matches must be the GIN index's ANDed with the window's
                # (a bitmap of each): on a vacuumed archive the planner prices a walk
                # down the window's index, reading every row's search_vector from TOAST,
                # as cheaper, and it is ten times slower (91 ms against 9 ms for one word
                # at 100,000 articles). SET LOCAL ends with this transaction.
                cursor.execute("SET LOCAL enable_indexscan = off")
                ids = _fetch_ids(cursor, MATCHES_IN_WINDOW_SQL, {**params, "window_start": start})
            if len(ids) >= RANKED_MATCHES:
                return ids
        return _fetch_ids(cursor, MATCHES_SQL, params)

    def count(self) -> int:
        """How many match, at most RANKED_MATCHES (the template says "or more" then)."""
        return len(self.ids())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._articles(self.ids()[index])
        return self._articles([self.ids()[index]])[0]

    def __iter__(self):
        return iter(self[:])

    def _articles(self, ids: list[int]) -> list[Article]:
        """The articles `ids` names, in that order, with their highlighted headline and excerpt."""
        if not ids:
            return []
        params = {
            "tsquery": self.tsquery,
            "ids": ids,
            "window": EXCERPT_WINDOW + 1,
            "mark": MARK_START,
            "highlighted": MAX_HIGHLIGHTED_CHARS,
            "marked": f"^.*{MARK_START}.*$",
            "headline_options": HEADLINE_OPTIONS,
            "excerpt_options": EXCERPT_OPTIONS,
        }
        found = Article.objects.raw(PAGE_SQL, params, using=self.using)
        by_pk = {article.pk: with_excerpt(with_joined_section(article)) for article in found}
        return [by_pk[pk] for pk in ids if pk in by_pk]  # one may have been unpublished since


def with_excerpt(article: Article) -> Article:
    """The article with `excerpt`: the body's passage around the match, from a sentence's start."""
    if article.body_top:
        article.excerpt = sentence_excerpt(article.body_top, MARK_START)
    elif article.body_fragment:
        article.excerpt = sentence_excerpt(article.body_fragment, MARK_START, from_middle=True)
    else:
        article.excerpt = ""
    return article


def matching_count(query: str, *, limit: int = RANKED_MATCHES) -> int:
    """How many published articles match `query` (bounded as a search is), up to `limit`."""
    with connections[router.db_for_read(Article)].cursor() as cursor:
        cursor.execute(TSQUERY_SQL, [bounded_query(query)])
        tsquery = whole_hyphenated_words(with_prefixed_forms(cursor.fetchone()[0]))
        if not tsquery:
            return 0
        params = {"tsquery": tsquery, "published": Article.Status.PUBLISHED.value, "limit": limit}
        cursor.execute(COUNT_SQL, params)
        return cursor.fetchone()[0]


def _estimate(cursor, params: dict) -> tuple[float, float]:
    """The articles in the table and the planner's guess of the share that match;
    (0, 0) for a table never analysed, as in a new database."""
    cursor.execute(ARTICLE_COUNT_SQL, [Article._meta.db_table])
    articles = cursor.fetchone()[0]
    if articles <= 0:
        return 0, 0
    cursor.execute(ESTIMATE_SQL, params)
    plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return articles, plan[0]["Plan"]["Plan Rows"] / articles


def _window_start(cursor, window: int) -> datetime | None:
    """When the newest `window` published articles begin; None when there are no more.

    Kept with the content version, and windows rounded up to a thousand articles so that
    searches share them. A start that is out of date costs time, never a wrong answer:
    the window holds every article published since, and serves only when that is enough.
    """
    if window > WINDOW_STEP:
        window = math.ceil(window / WINDOW_STEP) * WINDOW_STEP

    def find() -> datetime | None:
        cursor.execute(WINDOW_START_SQL, {"window": window})
        row = cursor.fetchone()
        return row[0] if row else None

    return cached_with_content("search-window", find, cursor.db.alias, window)


def _fetch_ids(cursor, sql: str, params: dict) -> list[int]:
    cursor.execute(sql, params)
    return [pk for (pk,) in cursor.fetchall()]


def similarity_terms(article: Article) -> str:
    """A web-search query for any word of the headline or standfirst."""
    words = re.findall(r"\w{3,}", f"{article.headline} {article.dek}".casefold())
    return " or ".join(dict.fromkeys(w for w in words if w not in ("and", "or")))


def related_articles(article: Article, topics: list[Topic], *, limit: int = 4) -> list[Article]:
    """Other published articles: the newest sharing a topic, then the newest of similar text.

    Each is one small query the indexes answer (the topics' through rows; the GIN
    index on search_vector, walked newest first), and the text query runs only when
    the topics do not fill the list. Nothing ranks whole search vectors, and simple
    queries keep the ORM's own work small: this runs on every article page (issue 6).
    """
    published = (
        Article.objects.published()
        .exclude(pk=article.pk)
        .select_related("section")
        .only(*STORY_CARD_FIELDS)
    )
    related = []
    if topic_ids := [t.pk for t in topics]:
        # A semi-join, not a join: an article sharing two topics appears once, and
        # PostgreSQL picks between walking the newest articles and reading the topics' rows.
        filed = Article.topics.through.objects.filter(topic__in=topic_ids).values("article_id")
        by_topic = published.filter(pk__in=filed).order_by("-published_at", "-id")
        related = list(by_topic[:limit])
    if len(related) < limit and (terms := similarity_terms(article)):
        text_query = SearchQuery(terms, search_type="websearch", config=CONFIG)
        by_text = (
            published.filter(search_vector=text_query)
            .exclude(pk__in=[a.pk for a in related])
            .order_by("-published_at", "-id")
        )
        related += by_text[: limit - len(related)]
    return related
