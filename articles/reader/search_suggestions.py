"""What a search with no results offers instead (issue 16): the query with its misspelt
words corrected from the site's own words (pg_trgm over SearchWord, the words of
headlines and standfirsts), and the query without its rarest word; each only when it
finds something. This runs only for searches that found nothing, and such pages are
cached like any other.
"""

import re
from dataclasses import dataclass
from difflib import get_close_matches

from django.db import connections, router

from articles.models import Article, SearchWord
from articles.reader.search import matching_count


@dataclass(frozen=True)
class Alternative:
    """Another search to offer: its words and, for "without", the word it leaves out."""

    query: str
    left_out: str = ""


_TOKEN = re.compile(r'"[^"]*"|\S+')
_PLAIN_WORD = re.compile(r"^[^\W\d_]{3,}$")
MAX_WORDS = 8  # a longer query is checked on its first words only

_WORDS = SearchWord._meta.db_table
# For each word: whether the site uses it, and the nearest word it does use (pg_trgm's %
# finds candidates through the trigram index; similarity() picks the closest).
NEAREST_SQL = (
    f"SELECT q.word, EXISTS (SELECT 1 FROM {_WORDS} s WHERE s.word = q.word),"
    f" (SELECT s.word FROM {_WORDS} s WHERE s.word %% q.word"
    "  ORDER BY similarity(s.word, q.word) DESC, s.word LIMIT 1)"
    " FROM unnest(%s::text[]) AS q(word)"
)


def nearest_words(cursor, words: list[str]) -> dict[str, str]:
    """For each of `words` the site never uses, the closest word it does use, if any."""
    if _has_trigrams(cursor):
        cursor.execute(NEAREST_SQL, [words])
        return {word: near for word, known, near in cursor.fetchall() if not known and near}
    # Without pg_trgm (the embedded PostgreSQL): candidates that share the first letter
    # and about the length, compared in Python.
    nearest = {}
    for word in words:
        cursor.execute(CANDIDATES_SQL, [f"{word[0]}%", len(word) - 2, len(word) + 2])
        candidates = [candidate for (candidate,) in cursor.fetchall()]
        if word not in candidates and (close := get_close_matches(word, candidates, n=1)):
            nearest[word] = close[0]
    return nearest


CANDIDATES_SQL = f"SELECT word FROM {_WORDS} WHERE word LIKE %s AND length(word) BETWEEN %s AND %s"


def _has_trigrams(cursor) -> bool:
    """Whether this database has pg_trgm (a small query, for searches that found nothing)."""
    cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')")
    return cursor.fetchone()[0]


def plain_words(query: str) -> list[str]:
    """The query's single words: not phrases, exclusions or the word "or"."""
    words = [t for t in _TOKEN.findall(query) if _PLAIN_WORD.match(t) and t.lower() != "or"]
    return words[:MAX_WORDS]


def replace_word(query: str, word: str, replacement: str) -> str:
    """`query` with the token `word` replaced (or removed, for ""), spaces tidied."""
    tokens = _TOKEN.findall(query)
    index = tokens.index(word)
    tokens[index : index + 1] = [replacement] if replacement else []
    return " ".join(tokens)


def did_you_mean(query: str) -> Alternative | None:
    """The query with each word the site never uses replaced by the nearest it does use,
    if that finds articles."""
    words = plain_words(query)
    if not words:
        return None
    with connections[router.db_for_read(Article)].cursor() as cursor:
        nearest = nearest_words(cursor, [w.casefold() for w in words])
    corrected = query
    for word in words:
        if near := nearest.get(word.casefold()):
            corrected = replace_word(corrected, word, near)
    if corrected == query or not _finds_anything(corrected):
        return None
    return Alternative(corrected)


def without_rarest_word(query: str) -> Alternative | None:
    """The query without the word fewest articles hold, if what is left finds articles."""
    words = plain_words(query)
    if len(words) < 2:
        return None
    rarest = min(words, key=matching_count)
    rest = replace_word(query, rarest, "")
    return Alternative(rest, left_out=rarest) if _finds_anything(rest) else None


def _finds_anything(query: str) -> bool:
    return matching_count(query, limit=1) > 0
