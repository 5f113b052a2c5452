"""The editorial workflow: who may publish, what a status means to the desk, and publishing."""

from collections.abc import Iterable

import reversion
from django.db import transaction
from django.utils import timezone

from articles.importing.history import record_imports
from articles.models import Article, Block

PUBLISH_PERMISSION = "articles.publish_article"
# The statuses only editors may set; reporters write drafts and submit them.
EDITOR_STATUSES = {Article.Status.PUBLISHED, Article.Status.UNPUBLISHED}
REPORTER_STATUSES = [Article.Status.DRAFT, Article.Status.SUBMITTED]
SCHEDULED = "Scheduled"
# The importer's rule too (articles/seedfile/parser.py rejects "a headline but no body text").
EMPTY_ARTICLE = (
    "This article has no body text yet: add at least one paragraph before "
    "publishing or scheduling it."
)

# A caption's photo needs a description before readers see it (issue 14): a draft may
# wait for one, publishing may not.
ALT_TEXT_HINT = (
    "Required before publishing. Say what the photo shows for readers who cannot see it, in a "
    "sentence: who, doing what, where (e.g. “Firefighters carry a hose past a burnt-out bus in "
    "Haifa”). Don't repeat the caption or begin with “Photo of”."
)
MISSING_ALT_TEXT = "Describe what the photo shows, for readers who cannot see it."


def missing_alt_text_warning(positions: list[int | None]) -> str:
    """What a saved draft's editor is told about its photos without alt text."""
    numbers = [str(p) for p in positions if p is not None]
    if len(positions) == 1:
        where = f"the photo at position {numbers[0]} has" if numbers else "a new photo has"
    else:
        where = f"the photos at positions {', '.join(numbers)} have" if numbers else "photos have"
    return (
        f"Saved, but {where} no alt text: describe what each photo shows; the article "
        "cannot be published until every photo has it."
    )


def photos_without_alt_text(blocks: Iterable[dict]) -> list:
    """Positions of the blocks (as dicts) with a photo but no alt text."""
    return [
        b.get("position")
        for b in blocks
        if b.get("photo") and not (b.get("alt_text") or "").strip()
    ]


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def has_body_text(blocks: Iterable[tuple[str, str]]) -> bool:
    """Whether (kind, text) blocks hold a paragraph of body text: what publishing needs."""
    return any(kind == Block.Kind.PARAGRAPH and text.strip() for kind, text in blocks)


def publish_refusal(blocks: list[dict]) -> str:
    """Why a body of these blocks (as dicts) may not be published, or "": the publishing
    rule, for stored articles (stored_refusal) and pending changes alike."""
    if not has_body_text((b["kind"], b["text"]) for b in blocks):
        return EMPTY_ARTICLE
    if photos_without_alt_text(blocks):
        return MISSING_ALT_TEXT
    return ""


def stored_refusal(article: Article) -> str:
    """publish_refusal() for the article as it is stored."""
    return publish_refusal(list(article.blocks.values("kind", "text", "photo", "alt_text")))


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
    """Publish now; False if it was already live or the publishing rule refuses it."""
    if article.is_published or stored_refusal(article):
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
        record_imports([article.pk])
        mark_edited(article, user=user)
        article.save()
        reversion.set_user(user)
        reversion.set_comment(comment)
