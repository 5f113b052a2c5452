"""A rule's guard: cheap features that every line the rule recognises has.

A guard may name the characters such a line can start or end with and words it holds at
least one of. matching.py reads these features once per line and runs only the rules whose
guards admit them, so a plain paragraph reaches only the few rules that could take it. A guard
only skips work: it must admit every line its rule recognises. That is why the characters are
derived from the rule's own patterns where it has them (`opens`, `closes`), and why
tests/seedfile/test_guards.py checks that reading lines with guards and without them gives
the same cues.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from re import _constants as sre  # the regex parser's own opcodes, as `widest` reads them
from re import _parser

CharTest = Callable[[str], bool]

# The characters re's case-insensitive matching folds onto ASCII letters beyond their own
# upper and lower case ("ſ" matches "s", "K" matches "k"), per the `re` documentation.
_EXTRA_FOLDS = "İıſK"
# str.lower() differs from re's folding for those: "ſ" stays "ſ", "İ" becomes "i" plus a
# combining dot. Keywords are checked in the lower-cased line with these undone.
_KEYWORD_FOLD = str.maketrans({"ſ": "s", "ı": "i", "\u0307": None})


def folded(lowered: str) -> str:
    """The lower-cased line as keywords are looked for in it: a case-insensitive pattern's
    word is found there whenever the pattern can match it."""
    return lowered if lowered.isascii() else lowered.translate(_KEYWORD_FOLD)


@dataclass(frozen=True)
class Guard:
    """What a line must have for its rule to recognise it, on the line as the rule reads it
    (lower-cased for furniture): its first and last characters pass `first` and `last` ("" for
    an empty line), and it holds one of `keywords` (lower case), when these are given."""

    first: CharTest | None = None
    last: CharTest | None = None
    keywords: tuple[str, ...] = ()

    def admits_edges(self, first: str, last: str) -> bool:
        return (self.first is None or self.first(first)) and (self.last is None or self.last(last))


NO_GUARD = Guard()


def any_of(phrases) -> str:
    """A pattern matching exactly the literal `phrases`, as a tree of their shared beginnings.

    Searched for, it finds a line holding one of them as the plain alternation
    ("|".join(phrases)) would, several times as fast: re tries every alternative at every
    character of the line, and the tree puts one character's test in front of each group
    of them. (It may match a longer phrase where the alternation took an earlier one.)"""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return _branches(tree)


def _branches(node: dict) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else f"{body}?"


Edge = re.Pattern | str | CharTest


def guard(opens: Edge | None = None, closes: Edge | None = None, holds: tuple = ()) -> Guard:
    """A guard from a rule's own features: a pattern every line it recognises matches at its
    start (`opens`) or at its end (`closes`), or the characters (a str) or a test for the
    first or last character; and `holds`, words one of which every such line holds (when not
    given, the words an `opens` or `closes` pattern needs, if it needs few: `required_words`)."""
    if not holds:
        for edge in (opens, closes):
            if isinstance(edge, re.Pattern) and (words := required_words(edge)):
                holds = words
                break
    return Guard(_char_test(opens, last=False), _char_test(closes, last=True), tuple(holds))


MAX_REQUIRED_WORDS = 12  # more words cost more to look for than most readers cost to run


def required_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Words (lower case) one of which every string `pattern` matches in holds, read from its
    parsed form; None when it needs none, or too many to be worth looking for.

    A line is looked for them lower-cased with re's own case folds undone (`folded`), so a
    case-insensitive letter counts, and so does a letter whose lower case stays one letter."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    words = _needs(parsed.data, parsed.state.flags)
    return None if words is None else tuple(sorted(words))


def _better(found: frozenset | None, best: frozenset | None) -> frozenset | None:
    """Of two sets of words one of which a match holds, the one that rules out more lines:
    few enough to look for, then the one whose shortest word is longer, then fewer words."""
    if found:
        # A line holding a word holds every longer word's part: only the parts count.
        found = frozenset(w for w in found if not any(v != w and v in w for v in found))
    # Nearly every line holds a space: needing one says nothing.
    if not found or len(found) > MAX_REQUIRED_WORDS or any(w.isspace() for w in found):
        return best
    if best is None:
        return found
    rank = lambda words: (min(map(len, words)), -len(words))  # noqa: E731
    return found if rank(found) > rank(best) else best


def _literal(code: int) -> str | None:
    """The character as a folded lower-cased line holds it, or None when lower-casing could
    make it something else (it would then be no use as part of a word)."""
    char = chr(code)
    lower = char.lower()
    if len(lower) != 1 or folded(lower) != lower:
        return None
    if not char.isascii() and (char.upper() != char or lower != char) and char.isalpha():
        # A cased letter beyond ASCII: re may fold other letters onto it. Leave it out.
        return None
    return lower


def _needs(items, flags: int) -> frozenset | None:
    """The words one of which a match of a sequence of parsed items must hold."""
    best: frozenset | None = None
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and (char := _literal(av)) is not None:
            run.append(char)
            continue
        if op is sre.AT:  # zero-width: the characters each side stay next to each other
            continue
        if run:
            best, run = _better(frozenset(["".join(run)]), best), []
        if op is sre.SUBPATTERN:
            _, add, remove, sub = av
            best = _better(_needs(sub.data, (flags | add) & ~remove), best)
        elif op is sre.ATOMIC_GROUP:
            best = _better(_needs(av.data, flags), best)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(_needs(av[2].data, flags), best)
        elif op is sre.ASSERT:  # a lookahead or lookbehind: what it needs is in the line too
            best = _better(_needs(av[1].data, flags), best)
        elif op is sre.BRANCH:
            found = [_needs(alternative.data, flags) for alternative in av[1]]
            if all(found):
                best = _better(frozenset().union(*found), best)
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
            chars = [_literal(code) for _, code in av]  # a few characters, such as [—–]
            if None not in chars:
                best = _better(frozenset(chars), best)
    if run:
        best = _better(frozenset(["".join(run)]), best)
    return best


def _char_test(edge: Edge | None, last: bool) -> CharTest | None:
    if edge is None or (callable(edge) and not isinstance(edge, re.Pattern)):
        return edge
    chars = edge_chars(edge, last) if isinstance(edge, re.Pattern) else frozenset(edge)
    return None if chars is None else char_test(chars)


def char_test(chars: frozenset) -> CharTest:
    """A test of one character (or "") against `edge_chars`' answer."""
    classes = [item for item in chars if isinstance(item, _Class)]
    if not classes:
        return chars.__contains__
    return lambda char: char in chars or any(char in item for item in classes)


def edge_chars(pattern: re.Pattern, last: bool = False) -> frozenset | None:
    """The characters a match of `pattern` can start (or end) with ("" when it can be empty,
    a class such as \\d as its test); None when that may be any character."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    chars, _ = _sequence(parsed.data, parsed.state.flags, last)
    return None if chars is None else frozenset(chars)


def _sequence(items, flags: int, last: bool) -> tuple[set[str] | None, bool]:
    """(the edge characters of a sequence of parsed items, whether it can match nothing)"""
    chars: set[str] = set()
    for op, av in reversed(items) if last else items:
        got, empty = _item(op, av, flags, last)
        if got is None:
            return None, False
        chars |= got
        if not empty:
            return chars, False
    return chars | {""}, True


def _item(op, av, flags: int, last: bool) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return _cases(chr(av), flags), False
    if op is sre.IN:
        return _charset(av, flags), False
    if op is sre.BRANCH:
        found = [_sequence(alternative.data, flags, last) for alternative in av[1]]
        if any(chars is None for chars, _ in found):
            return None, False
        return set().union(*(chars for chars, _ in found)), any(empty for _, empty in found)
    if op is sre.SUBPATTERN:
        _, add, remove, sub = av
        return _sequence(sub.data, (flags | add) & ~remove, last)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data, flags, last)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        chars, empty = _sequence(sub.data, flags, last) if high else (set(), True)
        return chars, empty or low == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero-width: the next item decides (an assertion only narrows it)
    return None, False  # ANY, NOT_LITERAL, group references: any character


# How re tests a character for each class (its Unicode rules for str patterns).
_CATEGORIES = {
    sre.CATEGORY_DIGIT: str.isdecimal,
    sre.CATEGORY_NOT_DIGIT: lambda char: not char.isdecimal(),
    sre.CATEGORY_SPACE: str.isspace,
    sre.CATEGORY_NOT_SPACE: lambda char: not char.isspace(),
    sre.CATEGORY_WORD: lambda char: char.isalnum() or char == "_",
    sre.CATEGORY_NOT_WORD: lambda char: not (char.isalnum() or char == "_"),
}


@dataclass(frozen=True)
class _Class:
    """A character class too big to list (\\d, \\W): kept as re's test of a character."""

    test: CharTest

    def __contains__(self, char: str) -> bool:
        return len(char) == 1 and self.test(char)


def _charset(items, flags: int) -> set | None:
    chars: set = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars |= _cases(chr(av), flags)
        elif op is sre.RANGE and av[1] - av[0] <= 512:
            for code in range(av[0], av[1] + 1):
                chars |= _cases(chr(code), flags)
        elif op is sre.CATEGORY and av in _CATEGORIES and not flags & re.ASCII:
            chars.add(_Class(_CATEGORIES[av]))
        else:  # NEGATE, a wide range, another class
            return None
    return chars


def _cases(char: str, flags: int) -> set[str]:
    if not flags & re.IGNORECASE:
        return {char}
    candidates = {char, char.lower(), char.upper(), char.casefold(), *_EXTRA_FOLDS}
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    return {c for c in candidates if len(c) == 1 and pattern.fullmatch(c)}
