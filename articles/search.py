"""Full-text search over published articles, with PostgreSQL's web-search syntax.

Articles carry a stored, GIN-indexed tsvector (Article.search_vector) weighting
the headline above the standfirst above the body and captions.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

from articles.models import Article


def search_articles(query: str):
    """Published articles matching `query` ("quoted phrase", -word, or), best match first."""
    query = query.strip()
    if not query:
        return Article.objects.none()
    search_query = SearchQuery(query, search_type="websearch", config="english")
    return (
        Article.objects.published()
        .filter(search_vector=search_query)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by(F("rank").desc(), "-published_at")
    )
