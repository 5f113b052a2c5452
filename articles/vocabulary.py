"""The site's own words, for a search's "did you mean" (articles/reader/search_suggestions.py)."""

import re
from collections.abc import Iterable

from django.db import connection, models


class SearchWord(models.Model):
    """A word of some article's headline or standfirst, in lower case."""

    word = models.CharField(max_length=100, primary_key=True)

    # Its trigram index, searchword_trgm, is made by a migration where pg_trgm exists.

    def __str__(self) -> str:
        return self.word


# A word: three letters or more, in any script.
WORD = re.compile(r"[^\W\d_]{3,100}")


def words_of(texts: Iterable[str]) -> set[str]:
    """The words of these texts, in lower case."""
    return {word for text in texts for word in WORD.findall(text.casefold())}


def remember_words(articles: Iterable) -> None:
    """Add the words of these articles' headlines and standfirsts to the site's words.

    One statement for a whole batch of imported articles, carrying only its distinct
    words; sorted, so that two batches adding the same new words take them in the same
    order and never wait on each other in a circle.
    """
    words = sorted(words_of(f"{article.headline} {article.dek}" for article in articles))
    if not words:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {SearchWord._meta.db_table} (word) SELECT unnest(%s::text[])"
            " ON CONFLICT DO NOTHING",
            [words],
        )
