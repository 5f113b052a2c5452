"""Live articles have a draft (issue 13).

A change to a published (or scheduled) article is kept as a PendingChange, out of
readers' sight, unless the user may publish and chooses "Publish changes". The change
form saves as it always does, inside a savepoint: what that save left in the rows is
copied into the PendingChange and the savepoint rolled back. Opening the form, the
preview and publishing lay the pending content over the live rows the same way. So
every rule of the form (blocks, photos, positions, the reporters' limits) applies to
drafts unchanged, and the preview is the reader's page itself.
"""

from datetime import datetime

import reversion
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.clock import stamp
from articles.desk import workflow
from articles.importing import source_lines
from articles.importing.history import record_imports
from articles.importing.pipeline import FileReport
from articles.importing.store import BLOCK_CONTENT
from articles.inline import derive_block
from articles.models import Article, Autosave, Block, PendingChange, teaser_link_key
from articles.seedfile.parser import ParsedArticle, SeedError, parse_bytes
from articles.sequences import next_ids

CONTENT_FIELDS = [
    "headline",
    "slug",
    "dek",
    "byline",
    "dateline",
    "language",
    "language_chosen",
    "section_id",
    "status",
    "published_at",
]
BLOCK_FIELDS = ["id", *BLOCK_CONTENT]
PUBLISH = "_publish_changes"
SUBMIT = "_submit_changes"


def keeps_drafts(article: Article | None) -> bool:
    """Published, now or at a set time: changes to it wait unless published on purpose."""
    return article is not None and article.status == Article.Status.PUBLISHED


def snapshot(article_id: int) -> dict:
    """The article's content as its rows hold it now, as JSON."""
    article = Article.objects.get(pk=article_id)
    fields = {name: getattr(article, name) for name in CONTENT_FIELDS}
    fields["published_at"] = article.published_at and article.published_at.isoformat()
    blocks = Block.objects.filter(article_id=article_id).order_by("position")
    return {
        "fields": fields,
        "topics": sorted(article.topics.values_list("pk", flat=True)),
        "blocks": list(blocks.values(*BLOCK_FIELDS)),
        "version": article.version,
    }


def content_fields(content: dict) -> dict:
    """The pending fields with their Python types: what Article's attributes take."""
    fields = dict(content["fields"])
    fields["published_at"] = fields["published_at"] and parse_datetime(fields["published_at"])
    return fields


def lay_over(article_id: int, content: dict) -> Article:
    """Write pending content into the article's rows (inside a transaction that decides
    whether it stays)."""
    article = Article.objects.get(pk=article_id)
    for name, value in content_fields(content).items():
        setattr(article, name, value)
    article.save()
    article.topics.set(content["topics"])
    Block.objects.filter(article_id=article_id).delete()
    blocks = [Block(article_id=article_id, **block) for block in content["blocks"]]
    for block in blocks:  # no HTML is stored unsanitised, whatever the draft holds
        derive_block(block)
        block.link_key = teaser_link_key(block.kind, block.text)
    Block.objects.bulk_create(blocks)
    article.refresh_derived()
    return article


class _RollBack(Exception):
    """Leaves a savepoint, carrying the response and what the rows held."""

    def __init__(self, response: HttpResponse, content: dict | None = None):
        self.response, self.content = response, content


def change_view(model_admin, request, object_id: str, form_url: str, extra_context, view):
    """The change form of a live article: its pending changes are shown and saved there.

    `view` is the admin's change view without a revision of its own: a draft is no version.
    """
    pending = PendingChange.objects.filter(article_id=object_id).select_related("author").first()
    may_publish = workflow.can_publish(request.user)
    publishing = request.method == "POST" and PUBLISH in request.POST and may_publish
    request._article_drafting = not publishing
    context = {
        **(extra_context or {}),
        "pending": pending,
        "live_article": True,
        "may_publish": may_publish,
        "review_url": reverse("admin:articles_article_changes", args=[object_id]),
    }
    record_imports([int(object_id)])  # kept whatever happens to the savepoint below
    try:
        with transaction.atomic():
            # The live row, read before the draft covers it: the stale-save check's reference.
            model_admin.live_state(request, Article(pk=object_id))
            if pending is not None:
                lay_over(int(object_id), pending.content)
            if publishing:
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    response = view(request, object_id, form_url, context)
                    if response.status_code == 302 and pending is not None:
                        reversion.set_comment(published_comment(pending, request.user))
                    if response.status_code == 302:
                        PendingChange.objects.filter(article_id=object_id).delete()
                        return response
            else:
                response = view(request, object_id, form_url, context)
            if request.method == "POST" and response.status_code == 302:
                raise _RollBack(response, snapshot(int(object_id)))
            response.render()
            raise _RollBack(response)
    except _RollBack as outcome:
        if outcome.content is None:
            return outcome.response
        state = PendingChange.State.SUBMITTED if SUBMIT in request.POST else None
        keep(int(object_id), outcome.content, user=request.user, state=state)
        Autosave.objects.filter(article_id=object_id, user=request.user).delete()
        waiting = "sent to the editors" if state else "saved as a draft"
        model_admin.message_user(
            request,
            f"Your changes are {waiting}; readers still see the published article.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(request.path)


def keep(article_id: int, content: dict, *, user, state: str | None) -> PendingChange:
    """Store the changes; the live row only takes the new version number (stale saves)."""
    pending, _ = PendingChange.objects.update_or_create(
        article_id=article_id,
        defaults={
            "content": content,
            "author": user,
            "saved_at": timezone.now(),
            "editor_note": "",
            **({"state": state} if state else {}),
        },
    )
    Article.objects.filter(pk=article_id).update(version=content["version"])
    return pending


def published_comment(pending: PendingChange, user) -> str:
    author = pending.author.get_username() if pending.author else "someone"
    return f"Published the changes {author} saved on {stamp(pending.saved_at)}."


def publish(pending: PendingChange, *, user) -> str:
    """Make the pending changes live, as a new version; a refusal's reason, or ""."""
    content = pending.content
    refusal = workflow.publish_refusal(content["blocks"])
    if refusal:
        return refusal
    with transaction.atomic(), reversion.create_revision():
        record_imports([pending.article_id])
        article = lay_over(pending.article_id, content)
        workflow.mark_edited(article, user=user)
        article.save()
        reversion.set_user(user)
        reversion.set_comment(published_comment(pending, user))
        pending.delete()
    return ""


def send_back(pending: PendingChange, *, note: str) -> None:
    pending.state, pending.editor_note, pending.publish_at = (
        PendingChange.State.SENT_BACK,
        note,
        None,
    )
    pending.save()


def schedule(pending: PendingChange, *, when: datetime) -> None:
    pending.publish_at = when
    pending.save()


def publish_due() -> int:
    """Publish the scheduled changes whose time has come; how many."""
    due = PendingChange.objects.filter(publish_at__lte=timezone.now()).select_related("author")
    published = 0
    with transaction.atomic():
        for pending in due.select_for_update(skip_locked=True, of=("self",)):
            published += not publish(pending, user=pending.author)
    return published


HELD = "waiting for an editor"
HELD_REASON = (
    "this file's article is published: your version is kept as changes "
    "waiting for an editor, and readers still see the published article"
)


def hold_live_files(uploads: list, *, skip: dict, user, dry_run: bool) -> dict[int, FileReport]:
    """Reports for the uploads whose article is live, each kept as pending changes instead
    of imported; a file the parser refuses is left to the importer, which says why."""
    names = {upload.name: index for index, upload in enumerate(uploads) if index not in skip}
    live = Article.objects.filter(source_file__in=names, status=Article.Status.PUBLISHED)
    held = {}
    for article in live:
        upload = uploads[names[article.source_file]]
        data = upload.read()
        try:
            parsed = parse_bytes(data)
        except SeedError:
            upload.seek(0)
            continue
        # The roles editors chose for its lines hold in the reporter's version too.
        decided = source_lines.decisions([article.pk]).get(article.pk, {})
        parsed = source_lines.with_decisions(parsed, data, decided)
        if not dry_run:
            content = snapshot(article.pk)
            content["fields"].update(
                headline=parsed.headline,
                dek=parsed.dek,
                byline=parsed.byline,
                dateline=parsed.dateline,
            )
            content["blocks"] = imported_blocks(parsed)
            keep(article.pk, content, user=user, state=PendingChange.State.SUBMITTED)
        held[names[article.source_file]] = FileReport(
            upload.name, HELD, parsed=parsed, reason=HELD_REASON, article_id=article.pk
        )
    return held


def imported_blocks(parsed: ParsedArticle) -> list[dict]:
    """A parsed file's blocks as pending content, with ids of their own drawn now."""
    ids = next_ids(Block, len(parsed.blocks))
    empty = dict.fromkeys(["photo", "alt_text", "link_url"], "")
    return [
        {
            **empty,
            "id": pk,
            "position": position,
            "kind": b.kind,
            "text": b.text,
            "credit": b.credit,
            "link_article_id": None,
        }
        for position, (pk, b) in enumerate(zip(ids, parsed.blocks, strict=True))
    ]
