"""Write an article back out as a seed file that articles.seedfile.parser reads to the same article.

The inverse of the parser for the structure we store: header lines first, then one
line per block, blank lines between. Captions get their credit on the line below,
labelled "Photo:" so that any credit reads as one; teasers get the `>> … >>` markers.
Pure Python: no Django.
"""

from collections.abc import Iterable
from typing import NamedTuple


class BlockText(NamedTuple):
    kind: str
    text: str
    credit: str = ""


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
    return block.text
