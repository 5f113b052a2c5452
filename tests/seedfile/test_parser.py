"""The seed-file parser on whole articles: the project seed, right-to-left text, and any input."""

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.seedfile.parser import (
    ROLES,
    ParsedArticle,
    SeedError,
    decode,
    parse,
    parse_bytes,
)
from tests.seedfile.helpers import FIXTURES, SEED, fixture, normalised_lines, numbered, roles

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
    assert roles(article) == numbered(
        "1 headline",
        "3 dek",
        "5 caption",
        "7 9 11 paragraph",
        "13 caption",
        "14 credit",
        "16 teaser",
        "18 20 22 24 26 paragraph",
    )


@pytest.mark.skipif(SEED is None, reason="the project seed file is not available")
def test_project_seed_loses_no_text_and_normalises_its_no_break_spaces():
    """Every seed line comes back from the structured fields, with no-break spaces made plain."""
    article = parse_bytes(SEED.read_bytes())
    expected = normalised_lines(SEED.read_text(encoding="utf-8"))
    assert article.source_texts() == expected
    assert all(
        "\u00a0" not in line.text and line.text == line.text.strip() for line in article.lines
    )


# --- Right-to-left text -----------------------------------------------------------------------


def test_hebrew_article_gets_its_dek_byline_caption_credit_and_teasers():
    """Rules 8, 9, 11, 13: Hebrew labels ("מאת", "צילום:", "קראו עוד:") are understood."""
    article = fixture("hebrew.txt")
    assert roles(article) == numbered(
        "1 headline",
        "3 dek",
        "5 byline",
        "7 9 paragraph",
        "11 caption",
        "12 credit",
        "14 paragraph",
        "16 18 teaser",
        "20 paragraph",
    )
    assert article.blocks[2].credit == 'קובי גדעון / לע"מ'


def test_arabic_article_gets_its_dek_byline_caption_credit_and_teaser():
    """Rules 8, 9, 11, 13: Arabic labels ("بقلم", "تصوير:", "اقرأ أيضا:") are understood."""
    article = fixture("arabic.txt")
    assert roles(article) == numbered(
        "1 headline",
        "3 dek",
        "5 byline",
        "7 9 11 paragraph",
        "13 caption",
        "14 credit",
        "16 teaser",
        "18 paragraph",
    )
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
    # One headline line, or none when the article has none and its headline is proposed.
    assert [line.role for line in article.lines].count("headline") == 1 - article.headline_missing
    numbers = [line.number for line in article.lines]
    assert numbers == sorted(set(numbers))
    in_blocks = [n for block in article.blocks for n in block.lines]
    in_header = [
        line.number
        for line in article.lines
        if line.role in ("headline", "dek", "byline", "dateline")
    ]
    assert sorted(in_blocks + in_header) == numbers
    assert {b.kind for b in article.blocks} <= {
        *("paragraph", "caption", "teaser", "furniture"),
        *("subheading", "quote", "bulleted_list", "numbered_list", "divider", "embed"),
    }


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


def test_a_byline_label_with_no_name_under_it_loses_no_text():
    """Found by hypothesis: "AUTHOR" above a scrap once crashed the list pass; now both lines stay."""
    article = parse("AUTHOR\n0;")
    assert [line.text for line in article.lines] == ["AUTHOR", "0;"]
    assert sorted(article.source_texts()) == ["0;", "AUTHOR"]
