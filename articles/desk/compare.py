"""What changed between two states of an article: field by field, block by block, word by word."""

import difflib
import re

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Block, Note, Section, Topic
from articles.seedfile.markdown import html_to_marks

ARTICLE_FIELDS = [
    ("headline", "Headline"),
    ("slug", "Slug"),
    ("dek", "Standfirst"),
    ("byline", "Byline"),
    ("dateline", "Dateline"),
    ("language", "Language"),
    ("section_id", "Section"),
    ("topics", "Topics"),
    ("status", "Status"),
    ("published_at", "Published at"),
]


def compare_fields(old: dict, new: dict) -> list[dict]:
    """One row per article field that differs between two versions' field dicts."""
    rows = []
    for name, label in ARTICLE_FIELDS:
        before, after = describe(name, old.get(name)), describe(name, new.get(name))
        if before != after:
            rows.append(
                {"label": label, "old": before, "new": after, "words": words(before, after)}
            )
    return rows


def describe(name: str, value) -> str:
    if value in (None, "", []):
        return ""
    if name == "section_id":
        return Section.objects.filter(pk=value).values_list("name", flat=True).first() or "?"
    if name == "topics":
        return ", ".join(Topic.objects.filter(pk__in=value).values_list("name", flat=True))
    if name == "status":
        return Article.Status(value).label
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).strftime("%-d %B %Y, %H:%M")
    return str(value)


def related_dicts(version: Version, model, article_id: int) -> list[dict]:
    content_type = ContentType.objects.get_for_model(model)
    return [
        v.field_dict
        for v in version.revision.version_set.filter(content_type=content_type)
        if v.field_dict.get("article_id") == article_id
    ]


def block_lines(version: Version, article_id: int) -> list[str]:
    """Each block of the version as one line of text, in reading order."""
    return lines_of_blocks(related_dicts(version, Block, article_id))


def lines_of_blocks(blocks: list[dict]) -> list[str]:
    """Each block (a dict of its fields) as one line of text, in reading order."""
    lines = []
    for block in sorted(blocks, key=lambda b: b["position"]):
        # Marks as the seed format writes them, so that making a word bold shows as a change.
        text = html_to_marks(block["html"]) if block.get("html") else block["text"]
        if block["kind"] in (Block.Kind.BULLETED_LIST, Block.Kind.NUMBERED_LIST):
            text = " / ".join(text.split("\n"))  # a list's items on the block's one line
        line = f"{Block.Kind(block['kind']).label}: {text}"
        extras = [
            ("said by", block.get("attribution")),
            ("embeds", block.get("embed_url")),
            ("card title", block.get("embed_title")),
            ("card summary", block.get("embed_description")),
            ("credit", block.get("credit")),
            ("photo", str(block.get("photo") or "")),
            ("alt text", block.get("alt_text")),
            ("link", block.get("link_url")),
            ("links to article", describe_article(block.get("link_article_id"))),
        ]
        line += "".join(f" [{label}: {value}]" for label, value in extras if value)
        lines.append(line)
    return lines


def describe_article(pk) -> str:
    if pk is None:
        return ""
    return Article.objects.filter(pk=pk).values_list("headline", flat=True).first() or f"#{pk}"


def note_lines(version: Version, article_id: int) -> list[str]:
    notes = sorted(related_dicts(version, Note, article_id), key=lambda n: n["created_at"])
    return [
        f"{Note.Kind(n['kind']).label} ({describe('created_at', n['created_at'])}): {n['text']}"
        for n in notes
    ]


def compare_lines(old: list[str], new: list[str]) -> list[dict]:
    """Rows for a side-by-side diff: unchanged, changed (with a word diff), added or removed."""
    rows = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [{"kind": "same", "old": line, "new": line} for line in old[i1:i2]]
            continue
        before, after = old[i1:i2], new[j1:j2]
        for k in range(max(len(before), len(after))):
            a = before[k] if k < len(before) else None
            b = after[k] if k < len(after) else None
            if a is not None and b is not None and similar(a, b):
                rows.append({"kind": "changed", "old": a, "new": b, "words": words(a, b)})
                continue
            if a is not None:
                rows.append({"kind": "removed", "old": a, "new": ""})
            if b is not None:
                rows.append({"kind": "added", "old": "", "new": b})
    return rows


def similar(a: str, b: str) -> bool:
    """Whether two lines are one block edited rather than one removed and another added."""
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() >= 0.5


def words(old: str, new: str) -> dict[str, list[tuple[str, str]]]:
    """Both sides split into (kind, text) runs, kind "same", "del" or "ins", for highlighting."""
    a, b = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(("same", "".join(a[i1:i2])))
            right.append(("same", "".join(b[j1:j2])))
        else:
            if i2 > i1:
                left.append(("del", "".join(a[i1:i2])))
            if j2 > j1:
                right.append(("ins", "".join(b[j1:j2])))
    return {"old": left, "new": right}
