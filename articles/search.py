"""Full-text search over published articles, with PostgreSQL's web-search syntax.

Articles carry a stored, GIN-indexed tsvector (Article.search_vector) weighting
the headline above the standfirst above the body and captions. Queries match
and rank against that column only: nothing computes to_tsvector per row.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat

from articles.models import Article, Topic

CONFIG = "english"
# Private-use characters mark matches inside SearchHeadline's output; the template
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
RANKED_MATCHES = 1000


def search_articles(query: str):
    """Published articles matching `query` ("quoted phrase", -word, or), best match first.

    At most RANKED_MATCHES of them: the newest that match, ranked by relevance.
    Each carries `headline_match` and `excerpt`: the headline and a passage of
    the standfirst or body with the matched words between MARK_START and MARK_STOP.
    """
    query = query.strip()
    if not query:
        return Article.objects.none()
    search_query = SearchQuery(query, search_type="websearch", config=CONFIG)
    # Ranking reads each candidate's whole vector, and a common word matches tens
    # of thousands of articles: only the newest RANKED_MATCHES are ranked, which
    # keeps a search fast at 100,000 articles. PostgreSQL evaluates the costly
    # ts_headline() calls after ORDER BY … LIMIT, for the page being shown only.
    matches = Article.objects.published().filter(search_vector=search_query)
    newest = matches.order_by("-published_at").values("pk")[:RANKED_MATCHES]
    return (
        Article.objects.published()
        .filter(pk__in=newest)
        .select_related("section")
        .defer("body_text", "search_vector")
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            headline_match=_highlight("headline", search_query, highlight_all=True),
            excerpt=_highlight(
                Concat("dek", Value("\n"), "body_text", output_field=TextField()),
                search_query,
                max_fragments=2,
                max_words=30,
                min_words=12,
                fragment_delimiter=" … ",
            ),
        )
        .order_by(F("rank").desc(), F("published_at").desc(), "-id")
    )


def _highlight(expression, query: SearchQuery, **options) -> SearchHeadline:
    return SearchHeadline(
        expression, query, config=CONFIG, start_sel=MARK_START, stop_sel=MARK_STOP, **options
    )


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
