"""Bytes to clean lines: the limits, binary detection, encodings, whitespace and markup.

Rules 1-5 of the seed format (README, "Importing"): a file over MAX_FILE_BYTES or MAX_FILE_LINES lines, or with a line
over MAX_LINE_CHARS, is rejected, naming the line; so is an empty file, one with NUL bytes, a known
binary signature or more than 1 character in 20 a control character. Text is UTF-8 (BOM
stripped), else Windows-1252, else Latin-1, with a warning; CRLF and lone CR become LF, so line
numbers are those an editor shows. Each line's whitespace is normalised. HTML is kept verbatim
(with a warning) and judged on what a browser would show.
"""

import codecs
import re

MAX_FILE_BYTES = 2_000_000
MAX_LINE_CHARS = 20_000
# Room for an article of the most blocks the site keeps (articles.models.MAX_BLOCKS), with
# the blank lines between them and page furniture.
MAX_FILE_LINES = 800


class SeedError(ValueError):
    """A file the importer refuses, explained in one plain-English sentence."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_BINARY_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or Excel file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
# Tab, LF, VT, FF and CR are legitimate in text; the other C0/C1 controls are not.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ZERO_WIDTH_CHARS = "\u00ad\u200b\u2060\ufeff"
_ZERO_WIDTH = dict.fromkeys(map(ord, _ZERO_WIDTH_CHARS))
_HTML = re.compile(
    r"<\s*/?\s*(?:script|style|iframe|p|div|span|a|br|img|html|body|head|table|ul|ol|li|"
    r"h[1-6]|strong|em|figure|figcaption|section|article|meta|link|noscript)\b[^<>]*>",
    re.IGNORECASE,
)
_SCRIPT = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.IGNORECASE)
# Not an address in angle brackets (`<https://…>`): the seed format's embeds (markdown.py).
_TAG = re.compile(r"</?(?!https?://)[A-Za-z][^<>]*>")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Turn a file's bytes into LF-separated text plus warnings; raise SeedError if not text."""
    _check_bytes(data)
    text, warnings = _decode_text(data.removeprefix(codecs.BOM_UTF8))
    text = normalise_newlines(text)
    _check_control_characters(text)
    check_text(text)
    return text, warnings


def normalise_whitespace(s: str) -> str:
    """Collapse every run of Unicode whitespace or control characters to one space, and strip."""
    s = _CONTROL_CHARS.sub(" ", s)
    if any(ch in s for ch in _ZERO_WIDTH_CHARS):  # `str.translate` is slow: only when needed
        s = s.translate(_ZERO_WIDTH)
    return " ".join(s.split())


def normalised_lines(text: str) -> list[str]:
    """`normalise_whitespace` of each line of an LF-separated text, blank ones included."""
    # Most lines are printable (so hold no control, zero-width or unusual space character) and
    # single-spaced already: keep those as they are instead of splitting them into words.
    lines = text.split("\n")
    if _all_clean(text):  # the usual file: every line is so, which the whole text shows at once
        return lines
    return [
        raw
        if raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " "
        else normalise_whitespace(raw)
        for raw in lines
    ]


def _all_clean(text: str) -> bool:
    """Whether every line of `text` is printable with single spaces inside and none at its
    ends: the test normalised_lines makes of each line, made of the whole text."""
    return (
        "  " not in text
        and " \n" not in text
        and "\n " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and text.replace("\n", "").isprintable()
    )


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_html(text: str) -> bool:
    """Whether the text holds HTML tags (not just angle brackets)."""
    return bool(_HTML.search(text))


def visible(text: str) -> str:
    """What a browser would show of a line with markup in it; other lines are returned as is."""
    if "<" not in text:
        return text
    return normalise_whitespace(_TAG.sub(" ", _SCRIPT.sub(" ", text)))


def check_text(text: str) -> None:
    """Raise SeedError for an empty, over-long or whitespace-only text."""
    if not text:
        raise SeedError("the file is empty")
    if len(text) > MAX_FILE_BYTES:
        raise SeedError(
            f"the text is {len(text):,} characters long; the limit is {MAX_FILE_BYTES:,}"
        )
    if (lines := text.count("\n") + (not text.endswith("\n"))) > MAX_FILE_LINES:
        raise SeedError(f"the file has {lines:,} lines; the limit is {MAX_FILE_LINES:,}")
    # No line can be too long in a text that is not (the usual case: skip splitting it).
    if len(text) > MAX_LINE_CHARS:
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > MAX_LINE_CHARS:
                raise SeedError(
                    f"line {number} is {len(line):,} characters long; "
                    f"the limit is {MAX_LINE_CHARS:,}",
                    line=number,
                )
    # A printable character (so no control or zero-width one) after the leading whitespace
    # settles it without normalising the whole file.
    first = text.lstrip()[:1]
    if not (first and first.isprintable()) and not normalise_whitespace(text):
        raise SeedError("the file contains only whitespace")


def _check_bytes(data: bytes) -> None:
    if not data:
        raise SeedError("the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise SeedError(f"the file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise SeedError(f"the file looks like {what}, not text")
    if (nul := data.find(b"\x00")) >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise SeedError(f"line {line} contains NUL bytes — is it a binary file?", line=line)


def _decode_text(data: bytes) -> tuple[str, list[str]]:
    # Scrapers that are not UTF-8 are nearly always Windows-1252; Latin-1 decodes anything.
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["not valid UTF-8; read as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["not valid UTF-8 or Windows-1252; read as Latin-1"]


def _check_control_characters(text: str) -> None:
    if text.replace("\n", "").isprintable():  # the usual case, and quicker than counting
        return
    count = len(_CONTROL_CHARS.findall(text))
    if count * 20 > len(text):
        raise SeedError(
            f"the file looks binary: {count:,} of its {len(text):,} characters "
            "are control characters"
        )
