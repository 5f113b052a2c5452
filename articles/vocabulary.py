"""The site's own words, for a search's "did you mean" (articles/reader/search_suggestions.py)."""

from collections.abc import Iterable

from django.db import connection, models


class SearchWord(models.Model):
    """A word of some article's headline or standfirst, in lower case."""

    word = models.CharField(max_length=100, primary_key=True)

    # Its trigram index (searchword_trgm) is made by a migration (search_words_for_did_you_mean) where pg_trgm exists.

    def __str__(self) -> str:
        return self.word


# The headline's and standfirst's words of three letters or more, each new one stored once.
# PostgreSQL splits and lowers them, so a batch of imported articles costs one statement;
# sorted, so that two batches inserting the same new words take them in the same order.
REMEMBER_SQL = (
    "INSERT INTO {words} (word) SELECT DISTINCT w FROM {articles} a,"
    r" regexp_split_to_table(lower(a.headline || ' ' || a.dek), '[^[:alpha:]]+') AS w"
    " WHERE a.id = ANY(%s) AND length(w) BETWEEN 3 AND 100 ORDER BY w ON CONFLICT DO NOTHING"
)


def remember_words(article_ids: Iterable[int]) -> None:
    """Add the words of these articles' headlines and standfirsts to the site's words."""
    from articles.models import Article

    ids = list(article_ids)
    if not ids:
        return
    sql = REMEMBER_SQL.format(words=SearchWord._meta.db_table, articles=Article._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids])
