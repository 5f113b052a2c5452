"""What a saved article is linked to by name: the authors its byline names, the teasers
that name its headline, and the site's words (for a search's "did you mean")."""

from django.db import models

from articles.authors import link_authors
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
