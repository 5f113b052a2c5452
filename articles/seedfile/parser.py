"""Read scraped news "seed" files into a headline, a dek and typed body blocks.

Only the standard library: text (or bytes) in, frozen dataclasses out. The loader
(articles/importing/store.py) stores the result; `SeedError` is the one rejection, a plain-English
sentence with the line to blame when there is one.

Every non-blank source line gets exactly one role from ROLES, and records the rule that
decided it. Lines are never joined or split: each becomes its own block, except that a credit
line joins the caption it belongs to. Nothing is lost: `ParsedArticle.source_texts()` rebuilds
every non-blank line from the structured fields.

How: decoding.py turns bytes into clean lines (limits, encodings, whitespace, markup);
rules.py reads each line alone by a table of named rules (its word lists in vocabulary.py, the
shapes of names, titles, dates and credits in shapes.py); passes.py decides the roles that
depend on the lines around. The headline is the first line that is not furniture, and an
article needs at least one paragraph after it.

The tests number the format's rules: 1-5 limits, binary files, encodings, whitespace and HTML
(decoding.py); 6 furniture (furniture.py); 7 headline, 8 dek (passes.py); 9 byline,
10 dateline, 11 credit, 12 caption, 13 teaser (rules.py, with the passes that place them);
14 paragraph, everything else. A contributors' byline after the last paragraph ("Reporting
by …; Editing by …") is a sign-off: a paragraph ending the story, not the header's byline.
"""

from dataclasses import dataclass, fields, replace
from datetime import datetime
from html import escape

from articles.seedfile.dates import stated_dates
from articles.seedfile.decoding import (
    MAX_FILE_BYTES,
    MAX_FILE_LINES,
    MAX_LINE_CHARS,
    SeedError,
    check_text,
    decode,
    looks_like_html,
    normalise_newlines,
    normalise_whitespace,
    normalised_lines,
    visible,
)
from articles.seedfile.markdown import embed_parts, numbers_in_order, read_marks
from articles.seedfile.passes import HEADER_ROLES, Draft, assign_roles, propose_headline
from articles.seedfile.readers import Cue, read_contributors
from articles.seedfile.rules import read_line

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_FILE_LINES",
    "MAX_LINE_CHARS",
    "REVIEW_BELOW",
    "REVIEW_CONTEXT",
    "ROLES",
    "Block",
    "Line",
    "ParsedArticle",
    "SeedError",
    "block_for",
    "decode",
    "normalise_whitespace",
    "parse",
    "parse_bytes",
]

ROLES = (
    "headline",
    "dek",
    "byline",
    "dateline",
    "paragraph",
    "caption",
    "credit",
    "teaser",
    "furniture",
)

# A line decided with less confidence than this is worth an editor's look (the admin's line
# review): the rules at or below 0.7 are right about two times in three on pages never seen
# (README's fidelity table: dek 53 %, section kickers, lists of links, widgets, tail scraps),
# plain text at 0.8 about nine in ten.
REVIEW_BELOW = 0.75
# Lines each side of such a line that an import keeps with it, to show it in context.
REVIEW_CONTEXT = 2
# The rule named for a role an editor chose (articles/desk/line_review.py), kept on re-import.
EDITOR_RULE = "editor"


@dataclass(frozen=True)
class Line:
    """One non-blank source line (1-based number), whitespace-normalised, with its role, the
    name of the rule that decided it (rules.py, passes.py) and that rule's confidence."""

    number: int
    text: str
    role: str
    rule: str = ""
    confidence: float = 1.0  # 0-1: how sure the rule is; low ones are worth an editor's look


@dataclass(frozen=True)
class Block:
    """A body unit: paragraph, caption (with its credit), teaser or furniture.

    `text` is what a reader sees (a caption without its credit, a teaser without its markers);
    `source` keeps the normalised text of each of `lines`, so stripping never loses anything.
    """

    kind: str
    text: str
    credit: str = ""
    lines: tuple[int, ...] = ()
    source: tuple[str, ...] = ()
    # The markdown-like blocks' fields (markdown.py), named as articles.models.Block's.
    html: str = ""  # inline marks as HTML (paragraphs, quotes, list items one a line); "" if none
    attribution: str = ""
    embed_url: str = ""
    embed_title: str = ""
    embed_description: str = ""

    @property
    def marked(self) -> tuple[str, str, str, str, str]:
        """The fields after `source`, in order."""
        return (
            self.html,
            self.attribution,
            self.embed_url,
            self.embed_title,
            self.embed_description,
        )


@dataclass(frozen=True)
class ParsedArticle:
    """A parsed seed file. Header fields hold the exact text of their lines, "\\n"-joined,
    except a missing headline's: then `headline_missing` is set and `headline` is proposed
    from the text. `published` and `updated` are the dates its datelines state, if any."""

    headline: str
    dek: str
    byline: str
    dateline: str
    blocks: tuple[Block, ...]
    lines: tuple[Line, ...]
    warnings: tuple[str, ...] = ()
    headline_missing: bool = False
    published: datetime | None = None
    updated: datetime | None = None

    @property
    def extra(self) -> tuple:
        """The fields after `warnings`, in order."""
        return (self.headline_missing, self.published, self.updated)

    def without_lines(self) -> "ParsedArticle":
        """The article without its source lines (`lines`, and each block's `lines` and
        `source`): all an import stores, and a third as much to send between processes."""
        blocks = tuple(_block(b.kind, b.text, b.credit, (), (), *b.marked) for b in self.blocks)
        header = (self.headline, self.dek, self.byline, self.dateline)
        return ParsedArticle(*header, blocks, (), self.warnings, *self.extra)

    def for_import(self) -> "ParsedArticle":
        """What an import stores: the article without its source lines, except the lines
        worth an editor's look (below REVIEW_BELOW, or decided by an editor) and
        REVIEW_CONTEXT lines each side of them; a block keeps its line numbers only when
        it holds one of those. Most articles keep a few lines, many none."""
        picked = {
            j
            for i, line in enumerate(self.lines)
            if line.confidence < REVIEW_BELOW or line.rule == EDITOR_RULE
            for j in range(i - REVIEW_CONTEXT, i + REVIEW_CONTEXT + 1)
        }
        kept = tuple(line for j, line in enumerate(self.lines) if j in picked)
        numbers = {line.number for line in kept}
        blocks = tuple(
            _block(
                b.kind,
                b.text,
                b.credit,
                b.lines if numbers and numbers.intersection(b.lines) else (),
                (),
                *b.marked,
            )
            for b in self.blocks
        )
        header = (self.headline, self.dek, self.byline, self.dateline)
        return ParsedArticle(*header, blocks, kept, self.warnings, *self.extra)

    def __reduce__(self):
        # The importer's second process pickles every parsed file back: as plain tuples,
        # an article loads in about 80 µs instead of 190 µs field by field (issue 6).
        blocks = tuple(
            (b.kind, b.text, b.credit, b.lines, b.source, *b.marked) for b in self.blocks
        )
        lines = tuple(
            (line.number, line.text, line.role, line.rule, line.confidence) for line in self.lines
        )
        header = (self.headline, self.dek, self.byline, self.dateline)
        return (_unpickle_article, (*header, blocks, lines, self.warnings, *self.extra))

    def source_texts(self) -> list[str]:
        """Every non-blank line's text, in source order, rebuilt from the structured fields."""
        body = {
            n: text
            for block in self.blocks
            for n, text in zip(block.lines, block.source, strict=True)
        }
        header = {
            "headline": iter([] if self.headline_missing else [self.headline]),
            "dek": iter([self.dek]),
            "byline": iter(self.byline.split("\n")),
            "dateline": iter(self.dateline.split("\n")),
        }
        return [
            next(header[line.role]) if line.role in header else body[line.number]
            for line in self.lines
        ]


def _maker(cls):
    """A constructor of the frozen dataclass `cls` from all its fields, in order, that fills
    its instance's dict at once: a frozen dataclass's own __init__ sets each field through
    object.__setattr__, and the parser makes some fifty lines and blocks a file."""
    names = tuple(field.name for field in fields(cls))
    new, set_attribute = object.__new__, object.__setattr__

    def make(*values):
        made = new(cls)
        set_attribute(made, "__dict__", dict(zip(names, values, strict=True)))
        return made

    return make


_line = _maker(Line)
_block = _maker(Block)
NO_MARKS = ("", "", "", "", "")  # Block.marked of a block with none


def _unpickle_article(headline, dek, byline, dateline, blocks, lines, *rest) -> ParsedArticle:
    return ParsedArticle(
        headline,
        dek,
        byline,
        dateline,
        tuple(_block(*block) for block in blocks),
        tuple(_line(*line) for line in lines),
        *rest,
    )


def parse(text: str) -> ParsedArticle:
    """Parse an article's text; raise SeedError for text that is not an article."""
    text = normalise_newlines(text)
    check_text(text)
    return _parse_text(text, [])


def parse_bytes(data: bytes, *, roles: dict[str, str] | None = None) -> ParsedArticle:
    """Decode and parse a file's bytes, keeping the decoder's warnings.

    `roles` maps a line's text to the role an editor gave it: every line with that text
    takes that role (rule EDITOR_RULE, confidence 1), whatever the rules say."""
    text, warnings = decode(data)
    return _parse_text(text, warnings, roles or {})


def _parse_text(
    text: str, warnings: list[str], roles: dict[str, str] | None = None
) -> ParsedArticle:
    numbered = [
        (number, clean) for number, clean in enumerate(normalised_lines(text), start=1) if clean
    ]
    draft = assign_roles([clean for _, clean in numbered])
    decided = zip(numbered, draft.roles, draft.rules, draft.confidences, strict=True)
    lines = [
        _line(number, clean, role, rule, conf) for (number, clean), role, rule, conf in decided
    ]
    if "paragraph" not in draft.roles:
        has = "no headline and" if draft.headline_missing else "a headline but"
        raise SeedError(f"the article has {has} no body text", line=lines[draft.head].number)
    if looks_like_html(text):
        warnings = [*warnings, "looks like HTML; stored as plain text"]
    lines = _sign_offs_as_paragraphs(lines)
    if roles:
        lines = _editor_roles(lines, draft, roles)
    return _build_article(lines, draft, warnings)


def _editor_roles(lines: list[Line], draft: Draft, roles: dict[str, str]) -> list[Line]:
    """The lines with the roles editors chose for their texts, as they chose them in the
    admin (articles/desk/line_roles.py): a chosen line leaves any caption-and-credit pair it
    was in; a credit joins the caption just above it when that has none; a chosen headline
    makes any other headline line furniture."""
    chosen = {i for i, line in enumerate(lines) if roles.get(line.text, line.role) != line.role}
    if not chosen:
        return lines
    new_roles = [
        roles.get(line.text, line.role) if i in chosen else line.role
        for i, line in enumerate(lines)
    ]
    if any(new_roles[i] == "headline" for i in chosen):
        new_roles = [
            "furniture" if role == "headline" and i not in chosen else role
            for i, role in enumerate(new_roles)
        ]
        draft.headline_missing = False
    elif "headline" not in new_roles:
        draft.headline_missing = True  # the text proposes one, as for a file without any
    draft.credit_of = {
        cap: cred for cap, cred in draft.credit_of.items() if not chosen & {cap, cred}
    }
    paired = {i for pair in draft.credit_of.items() for i in pair}
    for i in sorted(chosen):
        above = i - 1
        free = above >= 0 and new_roles[above] == "caption" and above not in paired
        if new_roles[i] == "credit" and free:
            draft.credit_of[above] = i
            paired |= {above, i}
    if "paragraph" not in new_roles:
        raise SeedError("an editor's choice of roles leaves the article no body text")
    return [
        Line(line.number, line.text, new_roles[i], EDITOR_RULE, 1.0)
        if i in chosen or new_roles[i] != line.role
        else line
        for i, line in enumerate(lines)
    ]


def _sign_offs_as_paragraphs(lines: list[Line]) -> list[Line]:
    """Contributor lines after the story's last paragraph ("Reporting by …; Editing by …")
    end the story as paragraphs of their own instead of joining the header's byline."""
    last = next(i for i in range(len(lines) - 1, -1, -1) if lines[i].role == "paragraph")
    if all(line.role != "byline" for line in lines[last + 1 :]):
        return lines  # the usual story: no byline after its last paragraph
    return [
        Line(line.number, line.text, "paragraph", "sign-off", line.confidence)
        if i > last and line.role == "byline" and read_contributors(line.text)
        else line
        for i, line in enumerate(lines)
    ]


def _build_article(lines: list[Line], draft: Draft, warnings: list[str]) -> ParsedArticle:
    fields: dict[str, list[str]] = {role: [] for role in HEADER_ROLES}
    for line in lines:  # one pass, not one per header field
        if line.role in fields:
            fields[line.role].append(line.text)
    header = {role: "\n".join(texts) for role, texts in fields.items()}
    if draft.headline_missing:
        first = next(line.text for line in lines if line.role == "paragraph")
        header["headline"] = propose_headline(first)
        warnings = [*warnings, "no headline line: one is proposed from the text; needs a headline"]
    published, updated = stated_dates(fields["dateline"])
    return ParsedArticle(
        headline=header["headline"],
        dek=header["dek"],
        byline=header["byline"],
        dateline=header["dateline"],
        blocks=tuple(_build_blocks(lines, draft)),
        lines=tuple(lines),
        warnings=tuple(warnings),
        headline_missing=draft.headline_missing,
        published=published,
        updated=updated,
    )


def _build_blocks(lines: list[Line], draft: Draft) -> list[Block]:
    # A caption and its credit form one block, placed where the first of the two lines is.
    figure_at = {min(cap, cred): (cap, cred) for cap, cred in draft.credit_of.items()}
    paired = {i for pair in draft.credit_of.items() for i in pair}
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        if i in figure_at:
            blocks.append(_figure(lines, draft.cues, *figure_at[i]))
        elif line.rule in MARKDOWN_RULES:
            add_markdown_block(blocks, line, draft.cues[i])
        elif line.role not in HEADER_ROLES and i not in paired:
            blocks.append(_single_block(line, draft.cues[i]))
    if any(block.kind == "numbered_list" for block in blocks):
        blocks = [settled for block in blocks for settled in _numbered_or_paragraphs(block)]
    return blocks


def _numbered_or_paragraphs(block: Block) -> list[Block]:
    """A numbered list is a run of two items or more counting from 1; anything else is
    numbered paragraphs of a scraped page ("1. Seeing it too much. …"), kept as they were."""
    if block.kind != "numbered_list" or numbers_in_order(block.source):
        return [block]
    paragraphs = []
    for number, text in zip(block.lines, block.source, strict=True):
        words, marked = read_marks(text)
        paragraphs.append(Block("paragraph", words, "", (number,), (text,), marked))
    return paragraphs


def _figure(lines: list[Line], cues: list[Cue], caption: int, credit: int) -> Block:
    cue = cues[caption]
    both = [lines[i] for i in sorted((caption, credit))]
    return Block(
        kind="caption",
        text=cue.text if cue.kind == "caption" else lines[caption].text,
        credit=cues[credit].credit or lines[credit].text,  # a bare name is its own credit
        lines=tuple(line.number for line in both),
        source=tuple(line.text for line in both),
    )


def block_for(text: str, role: str) -> Block:
    """The block a body line of this role makes, as the parser would build it (a caption
    without its glued credit, a teaser without its markers; a credit alone makes a figure
    known only by its credit). For the admin's change of a line's role."""
    cue = read_line(visible(text) if "<" in text else text)
    return _single_block(Line(0, text, role), cue)


def _single_block(line: Line, cue: Cue) -> Block:
    if line.role == "credit":  # a credit with no caption: a figure known only by its credit
        # A bare name is its own credit (as in _figure).
        return _block(
            "caption", "", cue.credit or line.text, (line.number,), (line.text,), *NO_MARKS
        )
    shown = cue.text if cue.kind in ("caption", "teaser") else line.text
    credit = cue.credit if line.role == "caption" else ""
    if line.role == "paragraph":
        words, marked = read_marks(shown)
        return _block("paragraph", words, "", (line.number,), (line.text,), marked, "", "", "", "")
    return _block(line.role, shown, credit, (line.number,), (line.text,), *NO_MARKS)


# The markdown-like rules (markdown.py) and the kind of block each line makes. A run of
# item lines with no blank line between them is one list; a quote's lines run on the same
# way, up to its attribution.
MARKDOWN_RULES = {
    "subheading": "subheading",
    "quote": "quote",
    "quote-attribution": "quote",
    "bulleted-item": "bulleted_list",
    "numbered-item": "numbered_list",
    "divider": "divider",
    "embed": "embed",
    "escaped-line": "paragraph",
}
_RUNS_ON = {"quote", "bulleted_list", "numbered_list"}


def add_markdown_block(blocks: list[Block], line: Line, cue: Cue) -> None:
    """Add the block a markdown-like line makes, or extend the list or quote above it."""
    kind = MARKDOWN_RULES[line.rule]
    last = blocks[-1] if blocks else None
    runs_on = (
        last is not None
        and last.kind == kind in _RUNS_ON
        and last.lines[-1] == line.number - 1
        and not last.attribution
    )
    if runs_on and line.rule == "quote-attribution":
        blocks[-1] = replace(
            last, lines=(*last.lines, line.number), source=(*last.source, line.text),
            attribution=cue.text,
        )  # fmt: skip
        return
    text = cue.text
    if line.rule == "quote-attribution":  # with no quote above it, the line is its own
        text = "— " + text
    if kind == "subheading":
        block = Block(kind, text, "", (line.number,), (line.text,))
    elif kind == "divider":
        block = Block(kind, "", "", (line.number,), (line.text,))
    elif kind == "embed":
        url, title, description = embed_parts(line.text)
        block = Block(
            kind, title or url, "", (line.number,), (line.text,),
            embed_url=url, embed_title=title, embed_description=description,
        )  # fmt: skip
    else:
        words, marked = read_marks(text)
        block = Block(kind, words, "", (line.number,), (line.text,), marked)
    if not runs_on:
        blocks.append(block)
        return
    # The item (or quote line) joins the block above: text and html one line each.
    html = ""
    if last.html or block.html:
        html = "\n".join(
            (
                last.html or escape(last.text, quote=False),
                block.html or escape(block.text, quote=False),
            )
        )
    blocks[-1] = replace(
        last,
        text=f"{last.text}\n{block.text}",
        lines=(*last.lines, line.number),
        source=(*last.source, line.text),
        html=html,
    )
