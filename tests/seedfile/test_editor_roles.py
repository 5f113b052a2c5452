"""The parser's side of the line review (issue 15): the lines an import keeps for review, and
a file parsed again with the roles editors chose for some of its lines."""

import pytest

from articles.seedfile.parser import REVIEW_BELOW, SeedError, block_for, parse_bytes

TEXT = """Council approves the new harbour bridge after a long debate

The city council approved the harbour bridge on Tuesday after four hours of debate, ending a dispute.

Workers on the old pier at dawn

Mary Jones

Construction is expected to begin in the spring and to take three years, the council said.

Blue skies ahead

The mayor said the bridge would carry trams as well as cars and bicycles once it opens.

Officials said the first trams would run within a year of the bridge opening to traffic.

The council will vote on the budget for the approach roads at its next meeting in March.
"""


def test_an_import_keeps_only_the_unsure_lines_and_two_either_side():
    article = parse_bytes(TEXT.encode())
    unsure = [line.number for line in article.lines if line.confidence < REVIEW_BELOW]
    assert unsure  # the scraps "Blue skies ahead" / "Mary Jones"
    kept = article.for_import()
    numbers = [line.number for line in kept.lines]
    index = {line.number: i for i, line in enumerate(article.lines)}
    for line in article.lines:
        near = any(abs(index[line.number] - index[n]) <= 2 for n in unsure)
        assert (line.number in numbers) is near
    # Blocks keep their line numbers only where a kept line is; all their text stays.
    for full, slim in zip(article.blocks, kept.blocks, strict=True):
        assert (slim.kind, slim.text, slim.credit) == (full.kind, full.text, full.credit)
        assert slim.lines in ((), full.lines) and slim.source == ()
        assert bool(slim.lines) == bool(set(full.lines) & set(numbers))


def test_chosen_roles_hold_and_a_chosen_credit_joins_the_caption_above():
    roles = {
        "Workers on the old pier at dawn": "caption",
        "Mary Jones": "credit",
        "Blue skies ahead": "furniture",
    }
    article = parse_bytes(TEXT.encode(), roles=roles)
    by_text = {line.text: line for line in article.lines}
    for text, role in roles.items():
        assert (by_text[text].role, by_text[text].rule, by_text[text].confidence) == (
            role,
            "editor",
            1.0,
        )
    blocks = [(b.kind, b.text, b.credit) for b in article.blocks]
    assert ("caption", "Workers on the old pier at dawn", "Mary Jones") in blocks
    assert ("furniture", "Blue skies ahead", "") in blocks
    assert article.source_texts() == [line.text for line in article.lines]  # nothing lost
    assert all(
        line.text in {n.text for n in article.for_import().lines}
        for line in article.lines
        if line.rule == "editor"
    )


def test_a_chosen_headline_makes_the_old_one_furniture_and_no_paragraph_is_refused():
    article = parse_bytes(TEXT.encode(), roles={"Blue skies ahead": "headline"})
    assert article.headline == "Blue skies ahead"
    assert ("furniture", "Council approves the new harbour bridge after a long debate") in [
        (b.kind, b.text) for b in article.blocks
    ]
    paragraphs = [
        line.text for line in parse_bytes(TEXT.encode()).lines if line.role == "paragraph"
    ]
    with pytest.raises(SeedError, match="no body text"):
        parse_bytes(TEXT.encode(), roles=dict.fromkeys(paragraphs, "furniture"))


def test_a_line_in_a_role_makes_the_block_the_parser_would():
    assert block_for(">> Bridge opens to traffic", "teaser").text == "Bridge opens to traffic"
    assert (block_for("Mary Jones", "credit").kind, block_for("Mary Jones", "credit").credit) == (
        "caption",
        "Mary Jones",
    )
