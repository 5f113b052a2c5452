"""Full-text search over published articles, with PostgreSQL's web-search syntax.

Articles carry a stored, GIN-indexed tsvector (Article.search_vector) weighting
the headline above the standfirst above the body and captions. Queries match
and rank against that column only: nothing computes to_tsvector per row.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Count, F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

from articles.models import Article, Topic

CONFIG = "english"
# Private-use characters mark matches inside SearchHeadline's output; the template
# escapes the text first and only then turns them into <mark> elements.
MARK_START, MARK_STOP = "\ue000", "\ue001"
RELATED_CANDIDATES = 200
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
    """Other published articles: those sharing most topics first, then the closest in text.

    Candidates are the most recent matches of each kind, so that ranking reads a
    few hundred rows at most, however large the archive grows.
    """
    published = Article.objects.published().exclude(pk=article.pk)
    topic_ids = [t.pk for t in topics]
    terms = similarity_terms(article)
    if not topic_ids and not terms:
        return []
    candidates = []
    ordering = [F("shared_topics").desc()]
    related = published
    if topic_ids:
        by_topic = published.filter(topics__in=topic_ids).order_by("-published_at")
        candidates.append(by_topic.values("pk")[:RELATED_CANDIDATES])
    if terms:
        text_query = SearchQuery(terms, search_type="websearch", config=CONFIG)
        by_text = published.filter(search_vector=text_query).order_by("-published_at")
        candidates.append(by_text.values("pk")[:RELATED_CANDIDATES])
        related = related.annotate(similarity=SearchRank(F("search_vector"), text_query))
        ordering.append(F("similarity").desc())
    # A UNION lets PostgreSQL look the few candidates up by primary key, where
    # `pk IN (…) OR pk IN (…)` would have it scan every article.
    candidate_ids = candidates[0].union(*candidates[1:])
    shared_topics = (
        Article.topics.through.objects.filter(article_id=OuterRef("pk"), topic_id__in=topic_ids)
        .values("article_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    related = (
        related.filter(pk__in=candidate_ids)
        .select_related("section")
        .defer("body_text", "search_vector")
        .annotate(shared_topics=Coalesce(Subquery(shared_topics), 0))
        .order_by(*ordering, F("published_at").desc())
    )
    return list(related[:limit])
