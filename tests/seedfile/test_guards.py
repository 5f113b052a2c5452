"""The line rules' guards only skip work: every line reads the same with them as without.

A guard (articles/seedfile/guards.py) names what every line its rule recognises has: first and
last characters, words. One that left out a line its rule takes would silently shadow the rule
for such lines, so the table is read both ways, over every line the tests know of and lines
made of the rules' own words and the characters they look for.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.seedfile.corpus import article_text
from articles.seedfile.decoding import normalised_lines
from articles.seedfile.furniture import LIST_HEADINGS
from articles.seedfile.guards import char_test, edge_chars
from articles.seedfile.matching import compile_rules
from articles.seedfile.rules import LINE_RULES, read_line
from tests.seedfile.helpers import FIXTURES, SEED

UNGUARDED = compile_rules(LINE_RULES, LIST_HEADINGS, guarded=False)


def known_lines() -> list[str]:
    """The fixtures', the seed's, 300 corpus articles' and the rules' example lines."""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in FIXTURES.glob("*.txt")]
    texts += [SEED.read_text(encoding="utf-8")] if SEED else []
    texts += [article_text(number) for number in range(300)]
    texts += [example for rule in LINE_RULES for example in rule.examples]
    lines = {line.removeprefix("* ") for text in texts for line in normalised_lines(text)}
    return sorted(line for line in lines if line)


def test_every_known_line_reads_the_same_with_guards_and_without():
    """Fixtures, seed, corpus and examples: not one line's cue changes."""
    lines = known_lines()
    assert len(lines) > 5_000
    assert [line for line in lines if read_line(line) != UNGUARDED(line)] == []


# Pieces lines are made of: each rule's words and examples, the characters guards test (first
# and last ones, marks such as ":" and "©"), and letters that re folds in its own way.
_WORDS = sorted(
    {word for rule in LINE_RULES for example in rule.examples for word in example.split()}
    | {keyword for rule in LINE_RULES for keyword in rule.full_guard().keywords}
    | {"İmage", "ſhutterstock", "PHOTO:", "Getty", "©", "/", "(AP)", ">>", "»", "2017.", "—"}
)
lines_of_words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(lines_of_words, st.sampled_from(["", ".", ":", " :", ",", "*", ")", " 2017", "?"]))
def test_lines_made_of_the_rules_own_words_read_the_same_with_guards_and_without(line, end):
    """Any line of the rules' words, with any ending, gets the same cue both ways."""
    assert read_line(line + end) == UNGUARDED(line + end)


def test_edge_characters_are_the_ones_re_itself_matches():
    """The characters derived from a pattern include every one re lets a match begin or end
    with, case-insensitive letters and classes included."""
    pattern = re.compile(r"(?i:by|story)\s|[—–]|\d+ (?:photos?|comments?)")
    first = char_test(edge_chars(pattern))
    assert all(map(first, ["b", "B", "s", "S", "ſ", "—", "–"]))
    assert first("7") and first("٣")  # \d: any decimal digit, as re reads it
    assert not first("x") and not first("(")
    assert edge_chars(re.compile(r".*\.jpg"), last=True) == {"g"}
    assert edge_chars(re.compile(r"a.*")) == {"a"} and edge_chars(re.compile(r".*a")) is None
