"""Teasers that name an article by its headline, linked to it once it exists."""

from django.db import models


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
    Article.objects.filter(pk__in=naming.values("article_id")).update(body_html="")
    naming.update(link_article=models.Subquery(target))
