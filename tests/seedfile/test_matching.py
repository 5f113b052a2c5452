"""The matcher's derived prefilters only skip work: a line they turn away cannot match.

`guards.required_words` reads a pattern for the words every match holds, and the line rules
skip a line that holds none of them; `guards.any_of` writes a list of phrases as a tree. Both
are checked here against re itself, on strings re generates from each pattern.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.seedfile import readers, shapes
from articles.seedfile.guards import any_of, folded, required_words
from articles.seedfile.rules import LINE_RULES
from articles.seedfile.vocabulary import UI_PHRASES

PATTERNS = {
    **{rule.name: re.compile(rule.pattern) for rule in LINE_RULES if rule.pattern},
    "signed-start": readers.SIGNED_START,
    "contributors": readers.CONTRIBUTORS,
    "teaser-label": readers.TEASER_LABEL,
    "link-heading": readers.LINK_HEADING,
    "own-dateline": readers.OWN_DATELINE,
    "caption-opener": readers.CAPTION_OPENER,
    "caption-label": readers.CAPTION_LABEL,
    "labelled-credit": shapes.LABELLED_CREDIT,
}
DERIVED = {name: words for name, p in PATTERNS.items() if (words := required_words(p))}


def test_most_patterns_of_the_table_need_words():
    """The derivation finds words for most of the table's patterns (else it skips nothing)."""
    assert len(DERIVED) >= len(PATTERNS) * 2 // 3
    assert required_words(re.compile(r"(?i:photo|image)\s*:")) == ("image", "photo")
    assert required_words(re.compile(r"[\w ]+")) is None


@pytest.mark.parametrize("name", sorted(DERIVED))
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_string_a_pattern_matches_holds_one_of_its_words(name, data):
    """Strings re matches (as re's own generator writes them, any case) hold a derived word."""
    text = data.draw(st.from_regex(PATTERNS[name], fullmatch=True))
    assert PATTERNS[name].fullmatch(text)
    assert any(word in folded(text.lower()) for word in DERIVED[name])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*UI_PHRASES, "x", " ", "é", "ge"]), max_size=6).map("".join))
def test_a_tree_of_phrases_finds_a_phrase_exactly_where_the_alternation_does(text):
    """any_of's tree and the plain alternation find a phrase in the same strings."""
    tree = re.compile(any_of(UI_PHRASES))
    plain = re.compile("|".join(map(re.escape, UI_PHRASES)))
    assert bool(tree.search(text)) == bool(plain.search(text))
    assert all(tree.fullmatch(phrase) for phrase in UI_PHRASES)
