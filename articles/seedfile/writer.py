"""Write an article back out as a seed file that articles.seedfile.parser reads to the same article.

The inverse of the parser for the structure we store: header lines first, then one
line per block, blank lines between. Captions get their credit on the line below,
labelled "Photo:" so that any credit reads as one; teasers get the `>> … >>` markers;
subheadings, quotes, lists, dividers, embeds and inline marks their markdown-like form
(markdown.py), and a paragraph that would read as one of those a backslash in front.
Pure Python: no Django.
"""

from collections.abc import Iterable
from typing import NamedTuple

from articles.seedfile import markdown
from articles.seedfile.rules import MARK_RULES, MARK_RULES_FIRST


class BlockText(NamedTuple):
    kind: str
    text: str
    credit: str = ""
    html: str = ""
    attribution: str = ""
    embed_url: str = ""
    embed_title: str = ""
    embed_description: str = ""


# What a paragraph's line must not look like, or it would come back as another kind.
_MARK_READERS = tuple(rule.read for rule in (*MARK_RULES_FIRST, *MARK_RULES))


def format_seed(
    *,
    headline: str,
    dek: str = "",
    byline: str = "",
    dateline: str = "",
    blocks: Iterable[BlockText],
) -> str:
    """Seed-format text for an article; UTF-8 with LF line ends and a final newline."""
    header = [headline, dek, byline, dateline]
    chunks = [field for field in header if field]
    chunks += [_block_lines(block) for block in blocks]
    return "\n\n".join(chunks) + "\n"


def _block_lines(block: BlockText) -> str:
    if block.kind == "caption":
        credit = f"Photo: {block.credit}" if block.credit else ""
        return "\n".join(line for line in (block.text, credit) if line)
    if block.kind == "teaser":
        return f">> {block.text} >>" if block.text else "Read more"
    if block.kind == "subheading":
        return f"## {block.text}"
    if block.kind == "divider":
        return markdown.DIVIDER
    if block.kind == "embed":
        return markdown.embed_line(block.embed_url, block.embed_title, block.embed_description)
    marked = _marked_lines(block)
    if block.kind == "quote":
        lines = [f"> {line}" for line in marked]
        if block.attribution:
            lines.append(markdown.QUOTE_ATTRIBUTION + block.attribution)
        return "\n".join(lines)
    if block.kind == "bulleted_list":
        return "\n".join(f"- {line}" for line in marked)
    if block.kind == "numbered_list":
        return "\n".join(f"{n}. {line}" for n, line in enumerate(marked, start=1))
    if block.kind == "paragraph":
        return "\n".join(markdown.escape_line(line, _MARK_READERS) for line in marked)
    return block.text


def _marked_lines(block: BlockText) -> list[str]:
    """The block's lines (a list's items) with their inline marks."""
    texts = block.text.split("\n")
    if not block.html:
        return [markdown.escape_marks(text) for text in texts]
    return [markdown.html_to_marks(line) for line in block.html.split("\n")]
