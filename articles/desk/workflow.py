"""The editorial workflow: who may publish, what a status means to the desk, and publishing."""

import reversion
from django.db import transaction
from django.utils import timezone

from articles.models import Article

PUBLISH_PERMISSION = "articles.publish_article"
# The statuses only editors may set; reporters write drafts and submit them.
EDITOR_STATUSES = {Article.Status.PUBLISHED, Article.Status.UNPUBLISHED}
REPORTER_STATUSES = [Article.Status.DRAFT, Article.Status.SUBMITTED]
SCHEDULED = "Scheduled"


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def status_label(article: Article) -> str:
    """The status as the desk says it: a published article due later is "Scheduled"."""
    return SCHEDULED if article.is_scheduled else article.get_status_display()


def mark_edited(article: Article, *, user, version: int | None = None) -> None:
    """Stamp an editor's save: who, when, and the next version number."""
    article.last_editor = user
    article.edited_at = timezone.now()
    article.version = (version if version is not None else article.version) + 1
    if article.author_id is None and article.pk is None:
        article.author = user


def article_publish(*, article: Article, user) -> bool:
    """Publish now (or keep a live article's time); False if it was already live."""
    if article.is_published:
        return False
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now()
    _save_with_revision(article, user=user, comment="Published.")
    return True


def article_unpublish(*, article: Article, user) -> bool:
    """Take an article off the site; False if readers could not see it anyway."""
    if article.status == Article.Status.UNPUBLISHED:
        return False
    article.status = Article.Status.UNPUBLISHED
    _save_with_revision(article, user=user, comment="Unpublished.")
    return True


def article_submit(*, article: Article, user) -> bool:
    """Hand a draft to the editors; False if it was not a draft."""
    if article.status != Article.Status.DRAFT:
        return False
    article.status = Article.Status.SUBMITTED
    _save_with_revision(article, user=user, comment="Submitted for review.")
    return True


def _save_with_revision(article: Article, *, user, comment: str) -> None:
    with transaction.atomic(), reversion.create_revision():
        mark_edited(article, user=user)
        article.save()
        reversion.set_user(user)
        reversion.set_comment(comment)
