"""Any saved or deleted piece of published content invalidates the page cache."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.caching import content_changed
from articles.models import Article, Block, FrontPagePin, Note, Section, SlugRedirect, Topic


def _article_changed(sender, instance, **kwargs) -> None:
    article_id = (
        instance.pk if isinstance(instance, Article) else getattr(instance, "article_id", None)
    )
    content_changed(surrogate_keys=(f"article-{article_id}",) if article_id else ())


def connect() -> None:
    for model in (Article, Block, Note, Section, Topic, SlugRedirect, FrontPagePin):
        post_save.connect(
            _article_changed, sender=model, dispatch_uid=f"cache-save-{model.__name__}"
        )
        post_delete.connect(
            _article_changed, sender=model, dispatch_uid=f"cache-del-{model.__name__}"
        )
    m2m_changed.connect(
        _article_changed, sender=Article.topics.through, dispatch_uid="cache-topics"
    )
