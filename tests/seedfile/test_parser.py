"""The seed-file parser: pure Python, no database. Tests are named after the rules in its docstring."""

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.seedfile.parser import (
    MAX_FILE_BYTES,
    MAX_LINE_CHARS,
    ROLES,
    Block,
    ParsedArticle,
    SeedError,
    decode,
    normalise_whitespace,
    parse,
    parse_bytes,
)

FIXTURES = Path(__file__).resolve().parent / "files"
SEED_NAME = "000_ce89d911b5e9762c.txt"
REPO = Path(__file__).resolve().parents[2]
# The seed ships in seeds/; a checkout without it may have the shared copy beside the repository.
SEED = next(
    (
        folder / SEED_NAME
        for folder in (REPO / "seeds", REPO.parent / "shared" / "seeds")
        if (folder / SEED_NAME).exists()
    ),
    None,
)
BODY = "The council said on Tuesday that the road would reopen next month."


def fixture(name: str) -> ParsedArticle:
    return parse_bytes((FIXTURES / name).read_bytes())


def roles(article: ParsedArticle) -> dict[int, str]:
    return {line.number: line.role for line in article.lines}


def article_with(*lines: str, headline: str = "Council Approves Plan for New Bridge") -> str:
    return "\n".join([headline, *lines])


def role_of(line: str, *, before: tuple[str, ...] = (BODY,), after: tuple[str, ...] = (BODY,)):
    """The role `line` gets in the middle of an ordinary article's body."""
    parsed = parse(article_with(*before, line, *after))
    return parsed.lines[1 + len(before)].role


def normalised_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [clean for raw in lines if (clean := normalise_whitespace(raw))]


def rejection(data: bytes | str) -> SeedError:
    with pytest.raises(SeedError) as caught:
        parse_bytes(data) if isinstance(data, bytes) else parse(data)
    return caught.value


# --- The project seed -------------------------------------------------------------------------


@pytest.mark.skipif(SEED is None, reason="the project seed file is not available")
def test_project_seed_parses_to_its_exact_structure():
    """The seed gives its headline, dek, two captions, one teaser and eight paragraphs, in order."""
    article = parse_bytes(SEED.read_bytes())
    assert article.headline == (
        "In Damascus, Iran's Army Chief Warns Against Israeli Incursions Into Syria"
    )
    assert article.dek == (
        "Israel cannot 'violate Syria anytime it wants' said Iranian General Baqeri in Syria, "
        "pledging to deepen cooperation with Assad regime against 'Zionist enemy'"
    )
    assert (article.byline, article.dateline, article.warnings) == ("", "", ())
    assert [b.kind for b in article.blocks] == [
        "caption",
        *["paragraph"] * 3,
        "caption",
        "teaser",
        *["paragraph"] * 5,
    ]
    first, second = (b for b in article.blocks if b.kind == "caption")
    assert first.text == (
        "Turkish President Tayyip Erdogan meets with Iran's Chief of Staff Major General "
        "Mohammad Baqeri in Ankara, Turkey, August 16, 2017."
    )
    assert first.credit == ""
    assert (second.text, second.credit) == (
        "Syrian protesters in Beirut, July 24, 2011",
        "Bilal Hussein / AP",
    )
    assert second.lines == (13, 14)
    teaser = next(b for b in article.blocks if b.kind == "teaser")
    assert teaser.text == "Israel’s Explosive Message to Russia Sent in Syria, Received in Tel Aviv"
    assert roles(article) == {
        1: "headline",
        3: "dek",
        5: "caption",
        7: "paragraph",
        9: "paragraph",
        11: "paragraph",
        13: "caption",
        14: "credit",
        16: "teaser",
        18: "paragraph",
        20: "paragraph",
        22: "paragraph",
        24: "paragraph",
        26: "paragraph",
    }


@pytest.mark.skipif(SEED is None, reason="the project seed file is not available")
def test_project_seed_loses_no_text_and_normalises_its_no_break_spaces():
    """Every seed line comes back from the structured fields, with no-break spaces made plain."""
    article = parse_bytes(SEED.read_bytes())
    expected = normalised_lines(SEED.read_text(encoding="utf-8"))
    assert article.source_texts() == expected
    assert all(
        "\u00a0" not in line.text and line.text == line.text.strip() for line in article.lines
    )


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
    assert roles(article) == {
        1: "headline",
        3: "dek",
        5: "dateline",
        7: "paragraph",
        9: "caption",
        10: "credit",
        12: "paragraph",
        14: "furniture",
        16: "paragraph",
    }
    assert article.dateline == "SANTA ROSA, Calif. (AP) —"
    assert all("\r" not in line.text and "\t" not in line.text for line in article.lines)


def test_encoding_rule_falls_back_to_windows_1252_with_a_warning():
    """Rule 3: cp1252 bytes are read as Windows-1252, curly quotes and accents intact."""
    article = fixture("cp1252.txt")
    assert article.warnings == ("not valid UTF-8; read as Windows-1252",)
    assert article.headline == "Café Owners Fight “Unfair” Business Rates Rise"
    assert roles(article) == {
        1: "headline",
        3: "dek",
        5: "byline",
        7: "paragraph",
        9: "paragraph",
        11: "paragraph",
    }
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
    assert roles(article) == {
        1: "headline",
        2: "paragraph",
        3: "furniture",
        4: "furniture",
        5: "paragraph",
        6: "paragraph",
        7: "furniture",
        8: "paragraph",
    }
    assert article.blocks[0].text == (
        "<p>Hackers defaced the council's homepage on Monday night, officials said.</p>"
    )


def test_html_rule_does_not_warn_about_ordinary_angle_brackets():
    """Rule 5: "less than" signs in prose are not markup."""
    article = parse(article_with("Turnout was < 40% and support > 60% in the poll."))
    assert article.warnings == ()


# --- Rule 6: furniture ------------------------------------------------------------------------


def test_furniture_rule_hides_page_chrome_in_a_realistic_page():
    """Rule 6: ads, prompts, share and poll buttons, topic lists and notices are furniture."""
    article = fixture("furniture.txt")
    furniture = {1, 4, 7, 8, 10, 11, 14, 15, 16, *range(18, 29)}
    assert {n for n, role in roles(article).items() if role == "furniture"} == furniture
    assert roles(article)[13] == "paragraph"  # the poll's question is text a reader sees
    assert all(b.kind == "furniture" for b in article.blocks if b.lines[0] in furniture)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "story continues below",
        "Story continues below advertisement",
        "Continue reading the main story",
        "Sign up for our daily newsletter",
        "Get the best stories delivered straight to your inbox",
        "Download our app to get breaking news alerts",
        "Twitter",
        "Facebook Twitter Google Plus Email",
        "Share",
        "WhatsApp",
        "Print",
        "Yes",
        "No",
        "Yes No",
        "Comments (12)",
        "Related Topics",
        "Image copyright",
        "This article has been reprinted from The Local.",
        "Copyright 2017 The Associated Press. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Media playback is unsupported on your device",
        "Share this article",
        "Tags: Iran, Syria, Israel",
        "Send in e-mail",
        "___",
        "* * *",
    ],
)
def test_furniture_rule_recognises_each_shape(line):
    """Rule 6: each kind of page chrome, alone on its line, is furniture."""
    assert role_of(line) == "furniture"


@pytest.mark.parametrize("line", ["No.", "Yes, he said.", "Share prices fell 3% on Monday."])
def test_furniture_rule_leaves_sentences_made_of_button_words_alone(line):
    """Rule 6: a sentence that happens to use "No" or "Share" is still a paragraph."""
    assert role_of(line) == "paragraph"


# --- Rule 7: headline -------------------------------------------------------------------------


def test_headline_rule_takes_the_first_line_that_is_not_furniture():
    """Rule 7: furniture above the headline is skipped, and the headline is that next line."""
    article = parse("Advertisement\n\nShare\nCouncil Approves Bridge\n\n" + BODY)
    assert article.headline == "Council Approves Bridge"
    assert [line.role for line in article.lines] == [
        "furniture",
        "furniture",
        "headline",
        "paragraph",
    ]


def test_headline_rule_takes_the_first_line_whatever_it_looks_like():
    """Rule 7: even a line shaped like a byline or caption is the headline when it comes first."""
    article = parse("By the Numbers: Britain's Housing Crisis\n" + BODY)
    assert article.headline == "By the Numbers: Britain's Housing Crisis"


def test_headline_rule_rejects_a_headline_with_no_body():
    """Rule 7: a headline alone, or followed only by furniture, is rejected."""
    for text in ["Council Approves Bridge", "Council Approves Bridge\n\nAdvertisement\nShare"]:
        error = rejection(text)
        assert str(error) == "the article has a headline but no body text"
        assert error.line == 1


# --- Rule 8: dek ------------------------------------------------------------------------------


def test_dek_rule_takes_an_unpunctuated_summary_under_the_headline():
    """Rule 8: a one-sentence summary without a full stop is the dek."""
    article = parse(
        article_with("", "Engineers say the crossing will cut journeys by half", "", BODY)
    )
    assert article.dek == "Engineers say the crossing will cut journeys by half"
    assert [b.kind for b in article.blocks] == ["paragraph"]


def test_dek_rule_takes_a_full_sentence_only_when_a_byline_follows():
    """Rule 8: a second line ending in a full stop is a dek above a byline, else a paragraph."""
    summary = "Engineers say the crossing will cut journeys by half."
    assert parse(article_with(summary, "By Jane Smith", BODY)).dek == summary
    assert parse(article_with(summary, BODY)).lines[1].role == "paragraph"


@pytest.mark.parametrize(
    ("second", "role"),
    [
        ("By Jane Smith", "byline"),
        ("WASHINGTON —", "dateline"),
        ("Updated September 27, 2017 10:29 AM ET", "dateline"),
        ("Council leaders at the town hall in Leeds, Britain, March 3, 2017", "caption"),
        (">> Bridge Plans Through the Years >>", "teaser"),
        ("Advertisement", "furniture"),
        ("LONDON (Reuters) - The council approved the plan on Tuesday", "paragraph"),
    ],
)
def test_dek_rule_refuses_a_second_line_that_is_clearly_something_else(second, role):
    """Rule 8: bylines, datelines, captions, teasers, furniture and dateline paragraphs are not deks."""
    article = parse(article_with(second, BODY))
    assert (article.dek, article.lines[1].role) == ("", role)


def test_dek_rule_refuses_a_line_with_a_credit_under_it():
    """Rule 8: a second line with a credit below is a caption, not a dek."""
    article = parse(article_with("Council leaders at the town hall", "Photo: Jane Smith", BODY))
    assert [line.role for line in article.lines] == ["headline", "caption", "credit", "paragraph"]


def test_dek_rule_refuses_a_dek_that_would_leave_no_body():
    """Rule 8: in a two-line article the second line is the body, not a dek."""
    article = fixture("short_article.txt")
    assert article.dek == ""
    assert roles(article) == {1: "headline", 3: "paragraph"}


def test_dek_rule_reads_a_bare_author_name_as_a_byline():
    """Rule 8: "Joshua Caplan" under the headline is an author, not a summary."""
    article = parse(article_with("Joshua Caplan", "27 Sep 2017", BODY))
    assert (article.dek, article.byline, article.dateline) == ("", "Joshua Caplan", "27 Sep 2017")


# --- Rule 9: byline ---------------------------------------------------------------------------


def test_byline_rule_reads_a_wire_story_header():
    """Rule 9: "By NAMES", then "ASSOCIATED PRESS", then a dateline; "By late…" stays a paragraph."""
    article = fixture("bylines_wire.txt")
    assert roles(article) == {
        1: "headline",
        2: "byline",
        3: "byline",
        4: "dateline",
        **{n: "paragraph" for n in range(5, 13)},
    }
    assert article.byline == "By JOSHUA GOODMAN and FABIOLA SANCHEZ\nASSOCIATED PRESS"


def test_byline_rule_reads_dash_bylines_organisations_emails_and_handles():
    """Rule 9: "— Names" with its organisation, and a sign-off with e-mail and handle."""
    article = fixture("bylines_essential_politics.txt")
    assert roles(article) == {
        1: "headline",
        3: "byline",
        4: "byline",
        6: "paragraph",
        8: "paragraph",
        10: "paragraph",
        12: "paragraph",
        14: "byline",
        15: "byline",
        16: "byline",
        18: "paragraph",
    }
    assert article.byline.split("\n")[:2] == [
        "— Noah Bierman and Chris Megerian",
        "Los Angeles Times",
    ]


def test_byline_rule_reads_a_lower_case_by_and_keeps_tweets_as_paragraphs():
    """Rule 9: "by Joshua Caplan" is a byline; an embedded tweet's sign-off is not."""
    article = fixture("bylines_breitbart.txt")
    assert roles(article) == {
        1: "headline",
        2: "byline",
        3: "dateline",
        **{n: "paragraph" for n in range(4, 9)},
        9: "furniture",
    }


@pytest.mark.parametrize(
    "line",
    [
        "By Joshua Caplan",
        "by Dan Lucas",
        "BY JOSH BOAK",
        "By Ben Hubbard and Hwaida Saad",
        "By Ben Hubbard, Anne Barnard and Hwaida Saad",
        "By Jane Doe, Reuters",
        "By Ludwig van der Berg | Updated 2 hours ago",
        "By Ben Hubbard Sept. 27, 2017",
        "— Associated Press",
        "Reporting by Tom Finn; Editing by Dominic Evans",
        "Additional reporting by Maayan Lubell in Jerusalem",
        "jane.doe@example.com",
        "@joshcaplan",
        "מאת עמוס הראל",
    ],
)
def test_byline_rule_recognises_each_shape(line):
    """Rule 9: each byline shape, on its own line in the body, is a byline."""
    assert role_of(line) == "byline"


@pytest.mark.parametrize(
    "line",
    [
        "By late evening, hundreds of protesters had gathered.",
        "By 2030 the network operator plans to bury its lines.",
        "By Monday, the army had withdrawn from the town.",
        "By contrast, the opposition gained seats.",
        "By Israeli standards, the response was muted.",
        "By the time police arrived, the crowd had dispersed.",
    ],
)
def test_byline_rule_leaves_sentences_that_start_with_by_as_paragraphs(line):
    """Rule 9: "By" followed by a sentence is body text."""
    assert role_of(line) == "paragraph"


def test_byline_rule_reads_a_lone_wire_name_as_a_byline_at_the_end():
    """Rule 9: "Reuters" on the last line signs the story off."""
    article = parse(article_with(BODY, "Reuters"))
    assert [line.role for line in article.lines] == ["headline", "paragraph", "byline"]


# --- Rule 10: dateline ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "WASHINGTON —",
        "LONDON (Reuters) -",
        "BEIRUT, Lebanon (AP) —",
        "WASHINGTON, Sept 27 (Reuters) -",
        "September 27, 2017",
        "27 Sep 2017",
        "Tue 17 Oct 2017 09.12 BST",
        "Updated 10:29 AM ET, Wed September 27, 2017",
        "Published: 2017-09-27 10:29",
        "Last modified on Tue 17 Oct 2017 10.33 BST",
        "Sept. 27, 2017 / 10:29 AM / Updated 2 hours ago",
    ],
)
def test_dateline_rule_recognises_a_place_or_date_alone_on_its_line(line):
    """Rule 10: an own-line dateline or publication date is a dateline."""
    assert role_of(line, before=("By Jane Smith",)) == "dateline"


def test_dateline_rule_leaves_a_dateline_glued_to_a_paragraph_in_the_paragraph():
    """Rule 10: "LONDON (Reuters) - Britain's…" is a paragraph, and the dateline field stays empty."""
    article = parse(
        article_with("LONDON (Reuters) - British inflation rose to 3 percent in September.")
    )
    assert article.lines[1].role == "paragraph"
    assert article.dateline == ""


def test_dateline_rule_fills_the_field_with_the_exact_line_of_a_reuters_story():
    """Rule 10: an own-line dateline is kept exactly, dash and all, between byline and body."""
    article = fixture("reuters_style.txt")
    assert roles(article) == {
        1: "headline",
        3: "byline",
        5: "dateline",
        7: "paragraph",
        9: "paragraph",
        11: "caption",
        13: "paragraph",
        15: "byline",
        17: "furniture",
    }
    assert article.dateline == "LONDON (Reuters) -"
    assert article.byline == (
        "By David Milliken\nReporting by David Milliken; Editing by Catherine Evans"
    )
    assert article.blocks[2].credit == "REUTERS/Hannah McKay"


# --- Rule 11: credit --------------------------------------------------------------------------


def test_credit_rule_attaches_every_credit_shape_to_its_caption():
    """Rule 11: own-line and glued credits of every shape end up on the right caption."""
    article = fixture("credits_varied.txt")
    assert roles(article) == {
        1: "headline",
        3: "dek",
        5: "caption",
        6: "credit",
        8: "paragraph",
        10: "paragraph",
        12: "caption",
        13: "credit",
        15: "paragraph",
        17: "caption",
        18: "credit",
        20: "paragraph",
        22: "caption",
        24: "caption",
        26: "caption",
        28: "paragraph",
        30: "caption",
        31: "credit",
        33: "caption",
        34: "credit",
        36: "caption",
        37: "credit",
        39: "caption",
        40: "credit",
        42: "paragraph",
    }
    credits = {b.lines[0]: b.credit for b in article.blocks if b.kind == "caption"}
    assert credits == {
        5: "DPA",
        12: "Reuters photo: Giorgio Perottino",
        17: "Raul Arboleda/AFP/Getty Images",
        22: "Getty Images",
        24: "EPA",
        26: "AP Photo/Fernando Vergara",
        30: "AFP/Getty Images",
        33: "Luis Robayo",
        36: "EPA",
        39: "Reuters",
    }


def test_credit_rule_splits_a_glued_credit_from_its_caption_and_keeps_the_line():
    """Rule 11: "… in 2016. Photograph: Getty Images" is caption text plus a credit, losing nothing."""
    article = fixture("credits_varied.txt")
    glued = next(b for b in article.blocks if b.lines == (22,))
    assert glued.text.endswith("in Havana in 2016.")
    assert glued.credit == "Getty Images"
    assert glued.source == (glued.text + " Photograph: Getty Images",)
    leading = next(b for b in article.blocks if b.lines == (24,))
    assert (leading.text, leading.credit) == (
        "Pope Francis's trip to Colombia is his third to South America",
        "EPA",
    )


@pytest.mark.parametrize(
    "line",
    [
        "Photo: DPA",
        "(Reuters photo: Giorgio Perottino)",
        "Photograph: Getty Images",
        "Credit: Jane Doe/The New York Times",
        "Photo courtesy of the family",
        "Image source, Reuters",
        "© EPA",
        "Getty Images",
        "Dibyangshu Sarkar/AFP/Getty Images",
        "Jim Watson/AFP via Getty Images",
        "AP Photo/Evan Vucci",
        "REUTERS/Omar Sanadiki",
        "צילום: רויטרס",
        "Reuters",
    ],
)
def test_credit_rule_recognises_each_shape_under_a_caption(line):
    """Rule 11: each credit shape under a short caption line is a credit."""
    assert role_of(line, before=(BODY, "Soldiers stand guard outside the embassy")) == "credit"


def test_credit_rule_reads_photographers_names_and_wire_names_under_captions():
    """Rule 11: a bare name under a dated caption, and "Reuters" mid-story, are credits."""
    article = fixture("haaretz_credits.txt")
    assert roles(article) == {
        1: "headline",
        3: "dek",
        5: "caption",
        6: "credit",
        8: "paragraph",
        10: "caption",
        11: "credit",
        13: "paragraph",
        15: "caption",
        16: "credit",
        18: "paragraph",
        20: "teaser",
        22: "paragraph",
        24: "furniture",
        26: "paragraph",
        28: "byline",
    }
    credits = [b.credit for b in article.blocks if b.kind == "caption"]
    assert credits == ["Olivier Fitoussi", "Emil Salman", "Reuters"]
    assert article.byline == "Reuters"


def test_credit_rule_takes_the_caption_below_in_bbc_order():
    """Rule 11: "Image copyright X" above "Image caption Y" makes one captioned figure."""
    article = fixture("bbc_style.txt")
    assert roles(article) == {
        1: "headline",
        3: "credit",
        4: "caption",
        6: "paragraph",
        8: "caption",
        10: "paragraph",
        12: "furniture",
        14: "paragraph",
        16: "furniture",
        17: "furniture",
        18: "furniture",
    }
    figure = article.blocks[0]
    assert figure == Block(
        kind="caption",
        text="Pro-independence supporters gathered outside the regional economy ministry in Barcelona",
        credit="Getty Images",
        lines=(3, 4),
        source=(
            "Image copyright Getty Images",
            "Image caption Pro-independence supporters gathered outside the regional economy ministry in Barcelona",
        ),
    )
    assert (article.blocks[2].text, article.blocks[2].credit) == (
        "Police officers carried boxes of seized ballot papers",
        "EPA",
    )


def test_credit_rule_keeps_a_credit_with_no_caption_as_an_empty_captioned_figure():
    """Rule 11: "Getty Images" under the headline is a credit whose caption block has no text."""
    article = parse(article_with("Getty Images", BODY))
    assert article.lines[1].role == "credit"
    assert article.blocks[0] == Block("caption", "", "Getty Images", (2,), ("Getty Images",))


def test_credit_rule_reads_a_wire_name_under_a_caption_as_a_credit():
    """Rule 11: "Reuters" under an unpunctuated caption-like line credits it."""
    article = parse(article_with(BODY, "Soldiers stand guard outside the embassy", "Reuters", BODY))
    assert [line.role for line in article.lines] == [
        "headline",
        "paragraph",
        "caption",
        "credit",
        "paragraph",
    ]


# --- Rule 12: caption -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Syrian protesters in Beirut, July 24, 2011",
        "Turkish President Tayyip Erdogan meets Iran's army chief in Ankara, Turkey, August 16, 2017.",
        "A man walks past a mural in Kabul, Afghanistan, Friday, Sept. 22, 2017.",
        "Protesters march through central London, 16 August 2017.",
        "FILE - In this Aug. 16, 2017 file photo, Iran's army chief arrives in Ankara.",
        "In this photo released by the Syrian official news agency, troops enter the town.",
        "Image caption Police officers carried boxes of seized ballot papers",
        "Kurds in Erbil celebrated after voting. Credit Ivor Prickett for The New York Times",
        "Players kneel during the national anthem. (Reuters)",
    ],
)
def test_caption_rule_recognises_captions_without_a_credit(line):
    """Rule 12: a place-and-date ending or a caption opener makes a caption."""
    assert role_of(line) == "caption"


def test_caption_rule_takes_the_line_under_a_bare_image_caption_label():
    """Rules 6 and 12: "Image caption," alone is furniture and the line under it the caption."""
    article = parse(
        article_with("Image caption,", "Police used batons on voters in Barcelona.", BODY)
    )
    assert [line.role for line in article.lines] == [
        "headline",
        "furniture",
        "caption",
        "paragraph",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The law took effect on Monday, August 16, 2017.",
        "The treaty has been in force since March 3, 2015.",
        "He was elected in a landslide in 2013, and re-elected on June 18, 2017.",
    ],
)
def test_caption_rule_leaves_sentences_that_end_in_a_date_as_paragraphs(line):
    """Rule 12: a date after "on" or "since" belongs to a sentence, not a caption."""
    assert role_of(line) == "paragraph"


def test_caption_rule_makes_the_line_above_a_credit_a_caption():
    """Rule 12: whatever its shape, a line directly above a credit is its caption."""
    article = parse(
        article_with(BODY, "Pope Francis greets the crowd.", "Photograph: Getty Images", BODY)
    )
    assert [line.role for line in article.lines] == [
        "headline",
        "paragraph",
        "caption",
        "credit",
        "paragraph",
    ]


# --- Rule 13: teaser --------------------------------------------------------------------------


def test_teaser_rule_recognises_every_related_link_shape():
    """Rule 13: markers, "READ MORE:" labels, bare labels and link lists are teasers."""
    article = fixture("teasers_varied.txt")
    expected = {n: "teaser" for n in (7, 11, 12, 16, 18, 22, 24, 26, 30, 35, 36)}
    expected |= {n: "paragraph" for n in (5, 9, 14, 20, 28, 32)}
    assert roles(article) == {1: "headline", 3: "dateline", 34: "furniture", **expected}
    titles = [b.text for b in article.blocks if b.kind == "teaser"]
    assert titles == [
        "Israel strikes Syrian army post after stray fire hits Golan Heights",
        "",
        "Israel's Explosive Message to Russia Sent in Syria, Received in Tel Aviv",
        "Syria accuses Israel of striking weapons depot near Damascus",
        "How Iran built a land corridor to the Mediterranean",
        "Russia says it cannot force Iran out of Syria",
        "Why Hezbollah is watching the Kurdish referendum closely",
        "",
        "IRAN'S QUDS FORCE COMMANDER SEEN IN KIRKUK AS KURDS VOTE",
        "Israel Air Force hits Syrian anti-aircraft battery",
        "Putin and Netanyahu discuss Iran in phone call",
    ]


def test_teaser_rule_does_not_mistake_guillemet_quotes_for_link_markers():
    """Rule 13: a line ending in a «quoted» phrase is a paragraph."""
    article = fixture("arabic.txt")
    assert roles(article)[11] == "paragraph"


@pytest.mark.parametrize(
    "line",
    ["Also on Tuesday the ministry said it would appeal.", "Read the statement in full below."],
)
def test_teaser_rule_leaves_sentences_that_start_like_labels_as_paragraphs(line):
    """Rule 13: "Also on Tuesday…" is a sentence, not a link."""
    assert role_of(line) == "paragraph"


# --- Rule 14: paragraph -----------------------------------------------------------------------


def test_paragraph_rule_keeps_one_sentence_per_line_as_separate_paragraphs():
    """Rule 14: with no blank lines, every sentence is its own paragraph, never joined."""
    article = fixture("one_sentence_per_line.txt")
    assert roles(article) == {
        1: "headline",
        2: "dek",
        3: "byline",
        4: "dateline",
        **{n: "paragraph" for n in range(5, 16)},
    }
    assert [b.lines for b in article.blocks] == [(n,) for n in range(5, 16)]


# --- Right-to-left text -----------------------------------------------------------------------


def test_hebrew_article_gets_its_dek_byline_caption_credit_and_teasers():
    """Rules 8, 9, 11, 13: Hebrew labels ("מאת", "צילום:", "קראו עוד:") are understood."""
    article = fixture("hebrew.txt")
    assert roles(article) == {
        1: "headline",
        3: "dek",
        5: "byline",
        7: "paragraph",
        9: "paragraph",
        11: "caption",
        12: "credit",
        14: "paragraph",
        16: "teaser",
        18: "teaser",
        20: "paragraph",
    }
    assert article.blocks[2].credit == 'קובי גדעון / לע"מ'


def test_arabic_article_gets_its_dek_byline_caption_credit_and_teaser():
    """Rules 8, 9, 11, 13: Arabic labels ("بقلم", "تصوير:", "اقرأ أيضا:") are understood."""
    article = fixture("arabic.txt")
    assert roles(article) == {
        1: "headline",
        3: "dek",
        5: "byline",
        7: "paragraph",
        9: "paragraph",
        11: "paragraph",
        13: "caption",
        14: "credit",
        16: "teaser",
        18: "paragraph",
    }
    assert article.blocks[-2].text.startswith("روسيا تقول")


# --- Properties: any input, no lost text -------------------------------------------------------

FRAGMENTS = [
    "By Joshua Caplan",
    "by late evening, crowds gathered.",
    "©",
    "© EPA Pope Francis's trip to Colombia",
    ">>",
    ">> Title of Another Story >>",
    "»",
    "«",
    "\u00a0",
    "\u200b",
    "\u200f",
    "\ufeff",
    "\u2028",
    "\x85",
    "\t",
    "Advertisement",
    "Bilal Hussein / AP",
    "Photo: DPA",
    "Photograph: Getty Images",
    "(AP Photo/Evan Vucci)",
    "READ MORE:",
    "Read more",
    "Related stories",
    "WASHINGTON —",
    "ASSOCIATED PRESS",
    "Reuters",
    "Image copyright",
    "Image caption",
    "Syrian protesters in Beirut, July 24, 2011",
    "שלום עולם",
    "مرحبا بالعالم",
    "Yes",
    "Share",
    "jane@example.com",
    "<p>",
    "<script>x</script>",
    "The council met on Monday.",
]
LINE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=4).map(
    " ".join
)
SEEDLIKE_TEXT = st.lists(
    st.tuples(LINE, st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n \n"])), min_size=1, max_size=25
).map(lambda pairs: "".join(line + end for line, end in pairs))


def assert_nothing_lost(article: ParsedArticle, text: str) -> None:
    expected = normalised_lines(text)
    assert [line.text for line in article.lines] == expected
    assert article.source_texts() == expected
    assert all(line.role in ROLES for line in article.lines)
    assert [line.role for line in article.lines].count("headline") == 1
    numbers = [line.number for line in article.lines]
    assert numbers == sorted(set(numbers))
    in_blocks = [n for block in article.blocks for n in block.lines]
    in_header = [
        line.number
        for line in article.lines
        if line.role in ("headline", "dek", "byline", "dateline")
    ]
    assert sorted(in_blocks + in_header) == numbers
    assert {b.kind for b in article.blocks} <= {"paragraph", "caption", "teaser", "furniture"}


@given(st.one_of(st.text(), SEEDLIKE_TEXT))
@settings(max_examples=200, deadline=None)
def test_parse_either_rejects_with_seed_error_or_loses_no_text(text):
    """Any text either raises SeedError or yields every normalised line, rebuilt exactly."""
    try:
        article = parse(text)
    except SeedError:
        return
    assert_nothing_lost(article, text)


@given(st.one_of(st.binary(max_size=300), SEEDLIKE_TEXT.map(str.encode)))
@settings(max_examples=200, deadline=None)
def test_parse_bytes_raises_nothing_but_seed_error(data):
    """Any bytes either raise SeedError or yield an article that keeps every decoded line."""
    try:
        article = parse_bytes(data)
    except SeedError:
        return
    assert_nothing_lost(article, decode(data)[0])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_fixture_rebuilds_its_lines_from_the_structured_fields(name):
    """Each realistic fixture loses no text between lines and structured fields."""
    data = (FIXTURES / name).read_bytes()
    assert_nothing_lost(parse_bytes(data), decode(data)[0])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_a_parsed_article_crosses_between_processes_unchanged(name):
    """Pickled, as the importer's parsing process sends it back, an article loads equal to itself."""
    article = fixture(name)
    assert pickle.loads(pickle.dumps(article)) == article


def test_without_lines_keeps_the_fields_and_blocks_an_import_stores():
    """An article without its source lines keeps its header, block texts, credits and warnings."""
    article = fixture(sorted(p.name for p in FIXTURES.glob("*.txt"))[0])
    slim = article.without_lines()
    assert slim.lines == ()
    assert (slim.headline, slim.dek, slim.byline, slim.dateline, slim.warnings) == (
        article.headline,
        article.dek,
        article.byline,
        article.dateline,
        article.warnings,
    )
    assert [(b.kind, b.text, b.credit) for b in slim.blocks] == [
        (b.kind, b.text, b.credit) for b in article.blocks
    ]
