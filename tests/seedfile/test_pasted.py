"""Lines pasted into the admin's body editor are read by the importer's rules (issue 14)."""

import pytest

from articles.seedfile.parser import SeedError, parse
from articles.seedfile.pass_rules import PASS_RULES
from articles.seedfile.pasted import MAX_PASTED_LINES, read_body_lines
from articles.seedfile.rules import LINE_RULES

HEADLINE = "Council Approves Plan for New Bridge"
BODY = "The council said on Tuesday that the road would reopen next month."


def story(count: int) -> list[str]:
    return [
        f"Paragraph {n}: the council said the wall would be mended by spring." for n in range(count)
    ]


def test_pasted_paragraphs_captions_teasers_and_junk_become_their_blocks():
    lines = [
        *story(3),
        "",
        "Syrian protesters in Beirut, July 24, 2011",
        "Bilal Hussein / AP",
        ">> Israel’s Explosive Message to Russia Sent in Syria, Received in Tel Aviv >>",
        "Advertisement",
        *story(2),
        "Share this article",
    ]
    blocks = read_body_lines(lines)
    assert [(b.kind, b.lines) for b in blocks] == [
        ("paragraph", (0,)),
        ("paragraph", (1,)),
        ("paragraph", (2,)),
        ("caption", (4, 5)),
        ("teaser", (6,)),
        ("furniture", (7,)),
        ("paragraph", (8,)),
        ("paragraph", (9,)),
        ("furniture", (10,)),
    ]
    caption = blocks[3]
    assert (caption.text, caption.credit) == (
        "Syrian protesters in Beirut, July 24, 2011",
        "Bilal Hussein / AP",
    )
    assert (
        blocks[4].text == "Israel’s Explosive Message to Russia Sent in Syria, Received in Tel Aviv"
    )
    assert blocks[4].rule == "marked-link"


def test_the_first_pasted_line_is_never_taken_for_a_headline_or_dropped():
    """A short first line would be an imported file's headline; pasted, it is the story's."""
    blocks = read_body_lines(["Storm damage", "By Jane Doe", BODY])
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Storm damage"),
        ("paragraph", "By Jane Doe"),
        ("paragraph", BODY),
    ]


@pytest.mark.parametrize(
    ("rule", "role", "example"),
    [
        pytest.param(rule.name, rule.role, example, id=f"{rule.name}: {example[-40:]}")
        for rule in (*LINE_RULES, *PASS_RULES)
        for example in rule.examples
        if "\n" not in example
    ],
)
def test_a_pasted_line_makes_the_block_an_imported_file_makes_of_it(rule, role, example):
    """One home for the rules: the same line between two paragraphs reads the same pasted."""
    article = parse("\n".join([HEADLINE, BODY, example, BODY]))
    imported = next((b for b in article.blocks if 3 in b.lines), None)
    made = next(b for b in read_body_lines([BODY, example, BODY]) if 1 in b.lines)
    if imported is None:  # a header line in an imported file: the story's text when pasted
        assert (made.kind, made.text) == ("paragraph", example)
    else:
        assert (made.kind, made.text, made.credit) == (
            imported.kind,
            imported.text,
            imported.credit,
        )
        found = (
            made.html,
            made.attribution,
            made.embed_url,
            made.embed_title,
            made.embed_description,
        )
        assert found == imported.marked


def test_blank_paste_makes_nothing():
    assert read_body_lines(["", "  "]) == []


def test_too_many_or_too_long_lines_are_refused_in_words():
    with pytest.raises(SeedError, match=f"the limit is {MAX_PASTED_LINES}"):
        read_body_lines(story(MAX_PASTED_LINES + 1))
    with pytest.raises(SeedError, match="pasted line 2 is 20,001 characters long"):
        read_body_lines([BODY, "x" * 20_001])
