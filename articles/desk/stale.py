"""The message for a save based on a stale copy of an article (issue 13): who saved since,
when, whether it was the same person in another tab, and what their save changed."""

from django.contrib.auth import get_user_model
from reversion.models import Version

from articles.clock import stamp
from articles.desk.compare import block_lines, compare_fields
from articles.models import Article, PendingChange


def stale_message(article_id: int, *, based_on: int | None, user, live: dict) -> str:
    """Plain words for the editor whose save was refused; their input stays in the form."""
    pending = PendingChange.objects.filter(article_id=article_id).select_related("author").first()
    edited_at = live["edited_at"] or live["modified_at"]
    if pending is not None and (edited_at is None or pending.saved_at >= edited_at):
        who, when = pending.author, pending.saved_at
    else:
        who = get_user_model().objects.filter(pk=live["last_editor_id"]).first()
        when = edited_at
    if who is not None and who == user:
        opening = (
            f"You saved this article in another tab or window on {stamp(when)}, "
            "after this page was opened."
        )
    else:
        name = who.get_username() if who is not None else "Someone else"
        opening = f"{name} saved this article on {stamp(when)}, after you opened it."
    changed = what_changed(article_id, based_on)
    told = f" That save changed: {changed}." if changed else ""
    return (
        f"{opening}{told} Nothing was saved from this page and your input is kept below: "
        "open the article in another tab and copy your changes over."
    )


def what_changed(article_id: int, based_on: int | None) -> str:
    """The fields (and the body) that differ between version `based_on` and the newest."""
    versions = list(Version.objects.get_for_object_reference(Article, article_id)[:50])
    if not versions:
        return ""
    newest = versions[0]
    older = next((v for v in versions if v.field_dict.get("version") == based_on), None)
    if older is None or older.pk == newest.pk:
        return ""
    labels = [row["label"].lower() for row in compare_fields(older.field_dict, newest.field_dict)]
    if block_lines(older, article_id) != block_lines(newest, article_id):
        labels.append("the body")
    return ", ".join(labels)
