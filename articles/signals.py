"""Saved or deleted content renews the cached pages readers would see it on (articles/caching.py)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.caching import article_changed, site_changed
from articles.models import Article, Author, Block, FrontPagePin, Note, Section, SlugRedirect, Topic


def _article_saved(sender, instance: Article, **kwargs) -> None:
    notice = getattr(instance, "readers_notice", "site")  # unknown (e.g. a raw save): all
    if notice == "site":
        site_changed()
    elif notice == "article":
        article_changed(instance.pk)


def _part_changed(sender, instance, **kwargs) -> None:
    """A block, note or old address of an article: its pages, if it is live."""
    article_changed(instance.article_id)


def _topics_changed(sender, instance, pk_set, **kwargs) -> None:
    """Topics given or taken: from an article (its pages), or from a topic (each article's)."""
    for article_id in [instance.pk] if isinstance(instance, Article) else pk_set or ():
        article_changed(article_id)


def _site_changed(sender, instance, **kwargs) -> None:
    site_changed()


def connect() -> None:
    post_save.connect(_article_saved, sender=Article, dispatch_uid="cache-save-Article")
    post_delete.connect(_site_changed, sender=Article, dispatch_uid="cache-del-Article")
    for model in (Block, Note, SlugRedirect):
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"cache-save-{model.__name__}")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"cache-del-{model.__name__}")
    for model in (Section, Topic, Author, FrontPagePin):
        post_save.connect(_site_changed, sender=model, dispatch_uid=f"cache-save-{model.__name__}")
        post_delete.connect(_site_changed, sender=model, dispatch_uid=f"cache-del-{model.__name__}")
    m2m_changed.connect(_topics_changed, sender=Article.topics.through, dispatch_uid="cache-topics")
