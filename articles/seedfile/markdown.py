"""The seed format's markdown-like marks: block kinds written by line prefixes, inline marks.

What export_articles writes and import_seeds reads back for the blocks scraped text has no
form for: `## Subheading`, `> quote` with `> — Attribution`, `- item` and `1. item` runs,
`* * *` (a divider), `<https://…>` or `[Title](<https://…>) Description` (an embed), and
inside paragraphs, quotes and list items `**bold**`, `*italic*` and `[text](https://…)`.
Scraped text uses none of these prefixes in a conflicting way (tests/seedfile/test_golden.py
holds the fixtures, the seed and the corpus to it); a paragraph that happens to start with
one is written with a backslash before it. Pure Python: no Django.
"""

import html
import re
from html.parser import HTMLParser

from articles.seedfile.readers import Cue

# Each reader looks at the line's first character before anything else: nearly every line
# fails there, so the table's new rules cost a string comparison each.
_NUMBERED = re.compile(r"(\d{1,3})\. (\S.*)")
_EMBED = re.compile(
    r"(?:\[(?P<title>[^\n]+?)\]\(<(?P<titled>https?://[^\s<>]+)>\)|<(?P<bare>https?://[^\s<>]+)>)"
    r"(?: (?P<description>\S.*))?"
)
QUOTE_ATTRIBUTION = "> — "
DIVIDER = "* * *"
# A line of text that would otherwise read as one of these marks starts with a backslash.
_LINE_ESCAPES = "#>-*<[\\0123456789"


def read_subheading(text: str) -> Cue | None:
    """`## What happens next`: a subheading (a paragraph to the line's reader: LABELS.md)."""
    if text[:3] != "## " or len(text) < 4:
        return None
    return Cue("paragraph", text=text[3:])


def read_quote_attribution(text: str) -> Cue | None:
    """`> — Ada Lovelace`: who said the quote above."""
    if text[:4] != QUOTE_ATTRIBUTION or len(text) < 5:
        return None
    return Cue("paragraph", text=text[4:])


def read_quote(text: str) -> Cue | None:
    """`> The bridge will change the city.`: a quotation (not `>>`, a marked link) of two
    words at least: a page's breadcrumb ("> Life") is a word alone."""
    if text[:2] != "> " or " " not in text[2:].strip():
        return None
    return Cue("paragraph", text=text[2:])


def read_bulleted_item(text: str) -> Cue | None:
    """`- First item`: an item of a bulleted list; the lines of a run make one list."""
    if text[:2] != "- " or len(text) < 3:
        return None
    return Cue("paragraph", text=text[2:])


def read_numbered_item(text: str) -> Cue | None:
    """`1. First step`: an item of a numbered list."""
    if not text[:1].isdigit() or not (found := _NUMBERED.fullmatch(text)):
        return None
    return Cue("paragraph", text=found[2])


def numbers_in_order(lines: tuple[str, ...]) -> bool:
    """Whether numbered lines count 1, 2, 3…: a list, where scraped numbered paragraphs
    stand apart, one to a run (see parser.py)."""
    numbers = [int(_NUMBERED.fullmatch(line)[1]) for line in lines]
    return len(numbers) > 1 and numbers == list(range(1, len(numbers) + 1))


def read_divider(text: str) -> Cue | None:
    """`* * *` alone: a break in the story. Furniture to the line's reader, as any rule is."""
    return Cue("furniture") if text == DIVIDER else None


def read_embed(text: str) -> Cue | None:
    """`<https://…>`, or `[Title](<https://…>) Description`: a link shown as a card."""
    if text[:1] not in "<[" or not (found := _EMBED.fullmatch(text)):
        return None
    return Cue("teaser", text=found["titled"] or found["bare"])


def read_escaped(text: str) -> Cue | None:
    """`\\## not a heading`: a paragraph that starts with a mark's character."""
    if text[:1] != "\\" or text[1:2] not in _LINE_ESCAPES or len(text) < 2:
        return None
    return Cue("paragraph", text=text[1:])


def embed_parts(text: str) -> tuple[str, str, str]:
    """An embed line's address, title and description."""
    found = _EMBED.fullmatch(text)
    return (found["titled"] or found["bare"], found["title"] or "", found["description"] or "")


def embed_line(url: str, title: str, description: str) -> str:
    line = f"[{title}](<{url}>)" if title else f"<{url}>"
    return f"{line} {description}" if description else line


# Inline marks. Bold and italic need a non-space inside each mark and italic no letter
# outside it, so "5 * 3" and "file*name" stay as they are; a link needs a web or site address.
_INLINE = re.compile(
    r"\\(?P<escaped>[*\[\]\\])"
    r"|\*\*(?P<bold>(?![\s*]).+?)(?<![\s\\])\*\*"
    r"|(?<![\w*\\])\*(?P<italic>(?![\s*]).+?)(?<![\s*\\])\*(?![\w*])"
    r"|\[(?P<label>(?:[^\[\]\\]|\\.)+)\]\((?P<href>https?://[^\s()<>]+|/(?!/)[^\s()<>]*)\)"
)
_MARK_CHARACTERS = re.compile(r"[*\[\]]|\\(?=[*\[\]\\])")


def read_marks(text: str) -> tuple[str, str]:
    """A text with inline marks as its plain text and its HTML ("" when it has no mark)."""
    if "*" not in text and "](" not in text and "\\" not in text:
        return text, ""  # the common case, decided without a regular expression
    converted = _convert(text)
    if converted == html.escape(text, quote=False):
        return text, ""
    words = html.unescape(re.sub(r"<[^>]*>", "", converted))
    return words, converted if "<" in converted else ""


def marks_to_html(text: str) -> str:
    """HTML for a text with inline marks: "" when it has none (its text is then all of it)."""
    return read_marks(text)[1]


def _convert(text: str) -> str:
    out, at = [], 0
    for found in _INLINE.finditer(text):
        out.append(html.escape(text[at : found.start()], quote=False))
        at = found.end()
        if found["escaped"]:
            out.append(html.escape(found["escaped"], quote=False))
        elif found["bold"]:
            out.append(f"<strong>{_convert(found['bold'])}</strong>")
        elif found["italic"]:
            out.append(f"<em>{_convert(found['italic'])}</em>")
        else:
            out.append(f'<a href="{html.escape(found["href"])}">{_convert(found["label"])}</a>')
    out.append(html.escape(text[at:], quote=False))
    return "".join(out)


def escape_marks(text: str) -> str:
    """Plain text written so that the parser reads no mark into it."""
    if read_marks(text) == (text, ""):
        return text
    return _MARK_CHARACTERS.sub(lambda found: "\\" + found[0], text)


class _Marks(HTMLParser):
    """Sanitised inline HTML (strong/b, em/i, a href) back into marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")
            self.out.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag == "a" and self.links:
            href = self.links.pop().replace("(", "%28").replace(")", "%29").replace(" ", "%20")
            self.out.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        self.out.append(_MARK_CHARACTERS.sub(lambda found: "\\" + found[0], data))


def html_to_marks(markup: str) -> str:
    """The seed format's form of a block's inline HTML."""
    parser = _Marks()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


def escape_line(line: str, readers) -> str:
    """A paragraph's line, with a backslash in front if any of `readers` would take it."""
    if line[:1] in _LINE_ESCAPES and any(read(line) for read in readers):
        return "\\" + line
    return line
