"""The seed format's markdown-like blocks and inline marks (issue 14): read, written, and
never read into scraped text that merely looks a little like them."""

from pathlib import Path

import pytest

from articles.seedfile.markdown import escape_marks, html_to_marks, marks_to_html
from articles.seedfile.parser import parse
from articles.seedfile.writer import BlockText, format_seed

HEADLINE = "Council Approves Plan for New Bridge"
BODY = "The council said on Tuesday that the road would reopen next month."
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ce89d911b5e9762c.txt"


def blocks_of(*lines: str) -> list[tuple]:
    article = parse("\n".join([HEADLINE, BODY, *lines]))
    return [
        (b.kind, b.text, b.html, b.attribution, b.embed_url, b.embed_title, b.embed_description)
        for b in article.blocks[1:]
    ]


def test_each_mark_makes_its_kind_of_block():
    """Subheading, quote with attribution, both lists, divider and both embed forms."""
    assert blocks_of(
        "## What happens next",
        "",
        "> The bridge will change the city.",
        "> — Ada Lovelace, mayor",
        "",
        "- Steel",
        "- **Glass**",
        "",
        "1. Vote",
        "2. Build",
        "",
        "* * *",
        "",
        "<https://example.com/report>",
        "",
        "[The report](<https://example.com/report>) What it costs.",
    ) == [
        ("subheading", "What happens next", "", "", "", "", ""),
        ("quote", "The bridge will change the city.", "", "Ada Lovelace, mayor", "", "", ""),
        ("bulleted_list", "Steel\nGlass", "Steel\n<strong>Glass</strong>", "", "", "", ""),
        ("numbered_list", "Vote\nBuild", "", "", "", "", ""),
        ("divider", "", "", "", "", "", ""),
        ("embed", "https://example.com/report", "", "", "https://example.com/report", "", ""),
        (
            "embed",
            "The report",
            "",
            "",
            "https://example.com/report",
            "The report",
            "What it costs.",
        ),
    ]


def test_a_blank_line_ends_a_list_and_a_quote():
    """Two runs of items with a blank line between them are two lists, as in markdown."""
    kinds = [(kind, text) for kind, text, *_ in blocks_of("- One", "- Two", "", "- Three")]
    assert kinds == [("bulleted_list", "One\nTwo"), ("bulleted_list", "Three")]


def test_inline_marks_become_html_and_leave_the_plain_text():
    """Bold, italic and web or site links; the text keeps only the words."""
    (block,) = blocks_of(
        "A **firm** vote, *at last*, says [the council](https://example.com/a?b=1&c=2) and [us](/about/)."
    )
    assert block[1] == "A firm vote, at last, says the council and us."
    assert block[2] == (
        "A <strong>firm</strong> vote, <em>at last</em>, says "
        '<a href="https://example.com/a?b=1&amp;c=2">the council</a> and <a href="/about/">us</a>.'
    )


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5 * 3 per cent, and file*name*s were kept.",
        "*Correction: an earlier version misspelled a name.",
        "A link to [nowhere](javascript:alert(1)) and [elsewhere](//evil.example/).",
        "Footnotes [1] and [2](see below) stay as written.",
    ],
)
def test_text_that_only_looks_like_marks_stays_as_it_is(text):
    """Scraped text with stray asterisks, brackets or unsafe links gets no marks."""
    assert marks_to_html(text) == ""
    assert blocks_of(text)[0][:3] == ("paragraph", text, "")


@pytest.mark.parametrize(
    "line",
    [
        "* Reuters",  # a wire name (wire-name rule), not a bullet
        ">> Israel's Explosive Message to Russia >>",  # a marked link, not a quote
        "— Jane Doe",  # a signed byline, not an attribution
        "***",  # page punctuation, not a divider
        "https://example.com/report",  # a bare address is page junk, not an embed
    ],
)
def test_scraped_lines_near_the_marks_keep_their_old_roles(line):
    """The marks' rules are narrow: these lines are decided as before by the older rules."""
    article = parse("\n".join([HEADLINE, BODY, line, BODY]))
    assert article.lines[2].rule not in {
        "divider", "embed", "escaped-line", "subheading", "quote", "quote-attribution",
        "bulleted-item", "numbered-item",
    }  # fmt: skip


def test_numbered_paragraphs_and_a_breadcrumb_of_a_scraped_page_stay_paragraphs():
    """ "1. …" paragraphs apart (cbssports.com) or out of order, and "> Life" (mashable.com),
    are the page's text; a run counting from 1 is a list."""
    apart = blocks_of("1. Seeing it too much.", "", "2. Not thinking it through.")
    assert [b[:2] for b in apart] == [
        ("paragraph", "1. Seeing it too much."),
        ("paragraph", "2. Not thinking it through."),
    ]
    assert blocks_of("3. Third", "4. Fourth")[0][:2] == ("paragraph", "3. Third")
    assert blocks_of("> Life")[0][:2] == ("paragraph", "> Life")
    assert blocks_of("1. One", "2. Two")[0][:2] == ("numbered_list", "One\nTwo")


def test_the_project_seed_still_parses_exactly():
    """Headline, dek, 2 captions, 1 teaser and 8 paragraphs, as before the marks."""
    article = parse(SEED.read_text(encoding="utf-8"))
    kinds = [b.kind for b in article.blocks]
    assert article.headline and article.dek
    assert (kinds.count("caption"), kinds.count("teaser"), kinds.count("paragraph")) == (2, 1, 8)
    assert all(not b.html for b in article.blocks)


def test_every_kind_and_mark_is_written_so_that_it_reads_back_the_same():
    """The writer's text parses to the same blocks, paragraphs that look like marks included."""
    blocks = [
        BlockText("paragraph", BODY),
        BlockText("subheading", "What happens next"),
        BlockText("paragraph", "A firm vote, said the council.", html='A <strong>firm</strong> vote, said <a href="https://example.com/">the council</a>.'),
        BlockText("quote", "It will change the city.", html="It will <em>change</em> the city.", attribution="Ada Lovelace"),
        BlockText("bulleted_list", "Steel\nGlass", html="Steel\n<strong>Glass</strong>"),
        BlockText("numbered_list", "Vote\nBuild"),
        BlockText("divider", ""),
        BlockText("embed", "The report", embed_url="https://example.com/r", embed_title="The report", embed_description="What it costs."),
        BlockText("paragraph", "## This paragraph starts with hashes and says so."),
        BlockText("paragraph", "- So does this one, with a dash, and **stars** written as text."),
        BlockText("paragraph", "\\ A backslash, and a \\* starred backslash."),
    ]  # fmt: skip
    dek = "A summary of the plan for the bridge."
    text = format_seed(headline=HEADLINE, dek=dek, byline="By Dana Levi", blocks=blocks)
    parsed = parse(text)
    assert [
        BlockText(
            b.kind, b.text, b.credit, b.html, b.attribution,
            b.embed_url, b.embed_title, b.embed_description,
        )
        for b in parsed.blocks
    ] == blocks  # fmt: skip


def test_html_back_to_marks_escapes_what_would_read_as_one():
    """Literal asterisks and brackets in marked text are written escaped."""
    assert html_to_marks("<strong>2 * 3</strong> [sic]") == "**2 \\* 3** \\[sic\\]"
    assert escape_marks("5 * 3") == "5 * 3"  # reads as no mark: written as it is
    assert marks_to_html(html_to_marks('<em>a*b</em> <a href="/x">y</a>')) == (
        '<em>a*b</em> <a href="/x">y</a>'
    )


@pytest.mark.parametrize(
    "html",
    [
        'The wall will be mended by spring, <a href="https://example.org/h">residents said.</a>',
        "The wall will be mended by spring, <strong>residents said.</strong>",
    ],
)
def test_a_story_without_a_standfirst_keeps_its_first_paragraph_when_it_ends_in_a_mark(html):
    """A sentence ending inside a link or bold still ends: it is the story, not a standfirst."""
    text = "The wall will be mended by spring, residents said."
    first = BlockText("paragraph", text, html=html)
    written = format_seed(headline=HEADLINE, blocks=[first, BlockText("paragraph", BODY)])
    parsed = parse(written)
    assert parsed.dek == ""
    assert (parsed.blocks[0].kind, parsed.blocks[0].text, parsed.blocks[0].html) == (
        "paragraph",
        text,
        html,
    )
