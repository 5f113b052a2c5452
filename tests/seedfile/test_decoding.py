"""Seed rules 1-5: limits, binary files, encodings, whitespace and HTML."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.seedfile.parser import (
    MAX_FILE_BYTES,
    MAX_LINE_CHARS,
    decode,
    normalise_whitespace,
    parse,
    parse_bytes,
)
from tests.seedfile.helpers import BODY, article_with, fixture, numbered, rejection, roles

# --- Rule 1: limits ---------------------------------------------------------------------------


def test_limits_reject_a_file_larger_than_max_file_bytes():
    """Rule 1: a file over the byte limit is rejected with its size and the limit."""
    error = rejection(b"a" * (MAX_FILE_BYTES + 1))
    assert str(error) == "the file is 2,000,001 bytes; the limit is 2,000,000"


@pytest.mark.parametrize("as_bytes", [True, False])
def test_limits_reject_a_line_longer_than_max_line_chars_and_name_it(as_bytes):
    """Rule 1: an over-long line is rejected by number, from bytes and from text alike."""
    text = article_with("", "x" * 25_000, BODY)
    error = rejection(text.encode() if as_bytes else text)
    assert str(error) == "line 3 is 25,000 characters long; the limit is 20,000"
    assert (error.line, error.message) == (3, str(error))


def test_limits_accept_a_line_of_exactly_max_line_chars():
    """Rule 1: the line limit is inclusive."""
    article = parse(article_with("word " * (MAX_LINE_CHARS // 5)))
    assert article.lines[1].role == "paragraph"


# --- Rule 2: binary files ---------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf"])
def test_binary_files_rule_rejects_an_empty_file(data):
    """Rule 2: an empty file, or one holding only a BOM, is rejected as empty."""
    assert str(rejection(data)) == "the file is empty"
    assert str(rejection("")) == "the file is empty"


def test_binary_files_rule_rejects_nul_bytes_naming_the_line():
    """Rule 2: NUL bytes mean a binary file; the message says so and names the line."""
    error = rejection(b"Headline\n\nBody text\x00 here.")
    assert str(error) == "line 3 contains NUL bytes — is it a binary file?"
    assert error.line == 3


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"IHDR" * 10, "a PNG image"),
        (b"\x1f\x8b\x08\x00" + b"\xff" * 20, "a gzip archive"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"\xff\xd8\xff\xe0" + b"JFIF", "a JPEG image"),
        (b"PK\x03\x04" + b"word/document.xml", "a ZIP archive (or a Word or Excel file)"),
    ],
)
def test_binary_files_rule_rejects_known_binary_signatures(data, what):
    """Rule 2: images, archives and PDFs are named in the rejection."""
    assert str(rejection(data)) == f"the file looks like {what}, not text"


def test_binary_files_rule_rejects_text_full_of_control_characters():
    """Rule 2: more than one control character in twenty means binary data."""
    error = rejection(b"Headline\n" + bytes(range(1, 9)) * 10 + b" body")
    assert str(error).startswith("the file looks binary: 80 of its")


def test_binary_files_rule_tolerates_a_few_stray_control_characters():
    """Rule 2: an odd control character in real text becomes a space instead."""
    article = parse_bytes(article_with("The council\x07 said the bridge would open.").encode())
    assert article.lines[1].text == "The council said the bridge would open."


# --- Rule 3: encoding -------------------------------------------------------------------------


def test_encoding_rule_strips_the_bom_and_keeps_crlf_line_numbers():
    """Rule 3: a BOM and CRLF endings vanish; roles land on the lines an editor sees."""
    article = fixture("crlf_bom.txt")
    assert article.headline == "Wildfires Force Thousands to Flee in Northern California"
    assert article.warnings == ()
    assert roles(article) == numbered(
        "1 headline",
        "3 dek",
        "5 dateline",
        "7 paragraph",
        "9 caption",
        "10 credit",
        "12 paragraph",
        "14 furniture",
        "16 paragraph",
    )
    assert article.dateline == "SANTA ROSA, Calif. (AP) —"
    assert all("\r" not in line.text and "\t" not in line.text for line in article.lines)


def test_encoding_rule_falls_back_to_windows_1252_with_a_warning():
    """Rule 3: cp1252 bytes are read as Windows-1252, curly quotes and accents intact."""
    article = fixture("cp1252.txt")
    assert article.warnings == ("not valid UTF-8; read as Windows-1252",)
    assert article.headline == "Café Owners Fight “Unfair” Business Rates Rise"
    assert roles(article) == numbered("1 headline", "3 dek", "5 byline", "7 9 11 paragraph")
    assert article.byline == "By José Niño"


def test_encoding_rule_falls_back_to_latin_1_when_windows_1252_cannot_decode():
    """Rule 3: bytes undefined in Windows-1252 are read as Latin-1, with a warning."""
    text, warnings = decode(b"Caf\xe9 Opens\n\nThe caf\xe9 \x81opened on Monday.")
    assert warnings == ["not valid UTF-8 or Windows-1252; read as Latin-1"]
    assert text.startswith("Café Opens")


def test_encoding_rule_turns_lone_carriage_returns_into_line_breaks():
    """Rule 3: old Mac line endings count as line breaks."""
    text, warnings = decode(b"Headline Here\r\rFirst paragraph.\rSecond paragraph.")
    assert (text, warnings) == ("Headline Here\n\nFirst paragraph.\nSecond paragraph.", [])
    assert [line.number for line in parse(text).lines] == [1, 3, 4]


# --- Rule 4: whitespace -----------------------------------------------------------------------


def test_whitespace_rule_collapses_unicode_spaces_tabs_and_zero_width_characters():
    """Rule 4: NBSP, thin spaces, tabs and zero-width spaces normalise to single spaces."""
    messy = "\u00a0 Iran’s\u2009army\tchief\u200b \u202f warns\u00ad  \u3000"
    assert normalise_whitespace(messy) == "Iran’s army chief warns"


@pytest.mark.parametrize("data", [b"  \n\t\n\xc2\xa0\n", b"\r\n\r\n", b"\xe2\x80\x8b\n "])
def test_whitespace_rule_rejects_a_file_with_only_whitespace(data):
    """Rule 4: a file of blank lines, NBSPs or zero-width spaces is rejected."""
    assert str(rejection(data)) == "the file contains only whitespace"
    assert str(rejection(data.decode())) == "the file contains only whitespace"


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_whitespace_rule_normalisation_is_idempotent_and_stripped(text):
    """Rule 4: normalising twice changes nothing, and no run of spaces survives."""
    once = normalise_whitespace(text)
    assert normalise_whitespace(once) == once
    assert "  " not in once and once == once.strip()


# --- Rule 5: HTML -----------------------------------------------------------------------------


def test_html_rule_keeps_markup_verbatim_with_a_warning():
    """Rule 5: tags stay in the text; scripts and empty markup are furniture; text is judged as shown."""
    article = fixture("html.txt")
    assert article.warnings == ("looks like HTML; stored as plain text",)
    assert roles(article) == numbered(
        "1 headline", "2 paragraph", "3 4 furniture", "5 6 paragraph", "7 furniture", "8 paragraph"
    )
    assert article.blocks[0].text == (
        "<p>Hackers defaced the council's homepage on Monday night, officials said.</p>"
    )


def test_html_rule_does_not_warn_about_ordinary_angle_brackets():
    """Rule 5: "less than" signs in prose are not markup."""
    article = parse(article_with("Turnout was < 40% and support > 60% in the poll."))
    assert article.warnings == ()
