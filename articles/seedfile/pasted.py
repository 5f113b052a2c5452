"""Lines pasted into a story's body, read by the importer's own rules (issue 14).

An editor pastes the middle of a story, not a whole page: there is no headline, dek or
byline to find. The rules expect one, so the lines are read under a stand-in headline and
opening paragraph, which the result leaves out; a pasted line the rules would put in the
header (a dek, a byline, a dateline) stays a paragraph of the body. Nothing here is a rule
of its own: every role comes from parser.parse, as for an imported file.
"""

from dataclasses import dataclass

from articles.seedfile.decoding import MAX_FILE_LINES, MAX_LINE_CHARS, SeedError
from articles.seedfile.parser import parse

# Eight words, so the rules never take it for a section label over the first pasted line,
# and a full sentence after it, so the pasted lines are read as the body that follows.
_STAND_IN = (
    "Pasted lines read as the body of a story",
    "This stand-in paragraph opens the story, and every pasted line below it is its body.",
)
MAX_PASTED_LINES = MAX_FILE_LINES - len(_STAND_IN)


@dataclass(frozen=True)
class PastedBlock:
    """A block made of pasted lines, of any kind an imported file's block has (paragraph,
    caption, teaser, furniture, subheading, quote, a list, divider, embed); `lines` are the 0-based indexes of the pasted lines it came from; `rule` names the rule
    that decided its first line (rules.py, passes.py)."""

    kind: str
    text: str
    credit: str
    lines: tuple[int, ...]
    rule: str
    # The markdown-like kinds' fields, as parser.Block has them ("## …", "> …", "**…**").
    html: str = ""
    attribution: str = ""
    embed_url: str = ""
    embed_title: str = ""
    embed_description: str = ""


def read_body_lines(lines: list[str]) -> list[PastedBlock]:
    """The blocks that pasted lines make, in their order; blank lines make none.

    Raises SeedError, in words for the editor, for more lines or longer ones than an
    imported file may have.
    """
    lines = [" ".join(line.split()) for line in lines]
    if len(lines) > MAX_PASTED_LINES:
        raise SeedError(
            f"the pasted text has {len(lines):,} lines; the limit is {MAX_PASTED_LINES}"
        )
    for index, line in enumerate(lines):
        if len(line) > MAX_LINE_CHARS:
            raise SeedError(
                f"pasted line {index + 1} is {len(line):,} characters long; "
                f"the limit is {MAX_LINE_CHARS:,}",
                line=index + 1,
            )
    if not any(lines):
        return []
    first = len(_STAND_IN) + 1  # the 1-based number of the first pasted line
    article = parse("\n".join([*_STAND_IN, *lines]))
    rules = {line.number: line.rule for line in article.lines}
    blocks_at = {block.lines[0]: block for block in article.blocks if block.lines}
    in_blocks = {number for block in article.blocks for number in block.lines}
    pasted: list[PastedBlock] = []
    for number in sorted(rules):
        if number < first:
            continue
        if block := blocks_at.get(number):
            indexes = tuple(n - first for n in block.lines)
            found = (block.kind, block.text, block.credit, indexes, rules[number])
            pasted.append(PastedBlock(*found, *block.marked))
        elif number not in in_blocks:
            # A header line in the middle of a story (a dek, a byline): the story's text.
            text = lines[number - first]
            pasted.append(PastedBlock("paragraph", text, "", (number - first,), rules[number]))
    return pasted
