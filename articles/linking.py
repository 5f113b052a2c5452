"""What a saved article is linked to by name: the authors its byline names, the teasers
that name its headline, and the site's words (for a search's "did you mean").

Also the one rule of where a teaser leads (teaser_destination), for the importer, the admin
and the page alike: the editor's own link; else the article whose headline it names (once
that article is live); else a search for its words, when that search has results; else
nowhere, a plain related line.
"""

from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import urlencode

from django.db import models

from articles.authors import link_authors
from articles.links import link
from articles.vocabulary import remember_words


def link_teasers_naming(articles) -> None:
    """Point teasers written before these articles existed at the article they name.

    Links an editor set by hand are never overwritten; the bodies showing those teasers
    are rendered again on their next view, now with the link.
    """
    from articles.models import Article, Block

    keys = {a.headline_key for a in articles} - {""}
    if not keys:
        return
    target = (
        Article.objects.filter(headline_key=models.OuterRef("link_key"))
        .order_by("pk")
        .values("pk")[:1]
    )
    naming = Block.objects.filter(
        kind=Block.Kind.TEASER, link_article=None, link_url="", link_key__in=keys
    ).exclude(link_key="")  # lets PostgreSQL use the partial index block_link_key
    Article.objects.filter(pk__in=naming.values("article_id")).discard_bodies()
    naming.update(link_article=models.Subquery(target))


def link_by_name(article, previous: dict | None) -> None:
    """After a save: relink what `article`'s byline and headline name, if they changed
    from `previous` (their values before the save; None for a new article)."""
    if previous is None or previous["byline"] != article.byline:
        link_authors([article])
    if previous is None or previous["headline_key"] != article.headline_key:
        link_teasers_naming([article])
    remember_words([article])


def teaser_targets(keys: Iterable[str]) -> dict[str, int]:
    """The article each teaser key (articles.models.teaser_link_key) names: the oldest whose
    headline has that key. The importer asks for a batch's keys at once."""
    from articles.models import Article

    keys = set(keys) - {""}
    if not keys:
        return {}
    rows = (
        Article.objects.filter(headline_key__in=keys)
        .order_by("headline_key", "pk")
        .distinct("headline_key")
        .values_list("headline_key", "pk")
    )
    return dict(rows)


def named_article(text: str):
    """The article a teaser's text names by its headline, or None."""
    from articles.models import Article, Block, teaser_link_key

    key = teaser_link_key(Block.Kind.TEASER, text)
    pk = teaser_targets([key]).get(key)
    return Article.objects.filter(pk=pk).first() if pk else None


class TeaserDestination(NamedTuple):
    """Where a teaser leads. `kind`: "link" (the editor's address), "article" (the live
    article it names), "waiting" (it names an article not yet live: a plain line until it
    is), "search" (a search for its words, which has results) or "none" (a plain line)."""

    kind: str
    url: str = ""
    article: object = None  # the article it names, for "article" and "waiting"


def teaser_destination(
    text: str, *, link_url: str = "", link_article=None, in_article: int | None = None
) -> TeaserDestination:
    """Where a teaser with this text (and the editor's link or article, if any) leads.

    Stored teasers pass their link_article, settled when they were saved; the editor's
    screen may pass only what is typed, and the article it names is looked up.
    `in_article`: the id of the article the teaser stands in, which a search must find
    others than.
    """
    # Only web links ever reach a page, whatever wrote the row (issue 7).
    if link_url.lower().startswith(("http://", "https://")):
        return TeaserDestination("link", link_url)
    article = link_article if link_article is not None else named_article(text)
    if article is not None:
        if article.is_published:
            return TeaserDestination("article", article.get_absolute_url(), article)
        return TeaserDestination("waiting", "", article)
    if text.strip() and _search_has_results(text, in_article):
        return TeaserDestination("search", f"{link('articles:search')}?{urlencode({'q': text})}")
    return TeaserDestination("none")


def _search_has_results(text: str, in_article: int | None) -> bool:
    from django.contrib.postgres.search import SearchQuery

    from articles.models import Article
    from articles.reader.search import CONFIG, bounded_query

    query = SearchQuery(bounded_query(text), config=CONFIG, search_type="websearch")
    return Article.objects.published().filter(search_vector=query).exclude(pk=in_article).exists()


def link_teaser_by_name(block, previous_key: str) -> None:
    """Before a teaser is saved (in the admin, by a restore): point it at the article its text
    names, as the importer does. A link the editor chose stays; one made by name follows
    the text when the text names another article."""
    if block.kind != "teaser" or block.link_url:
        return
    if block.link_article_id is not None:
        by_name = block.link_article.headline_key == previous_key
        if not by_name or block.link_key == previous_key:
            return
    target = named_article(block.text)
    block.link_article = target
