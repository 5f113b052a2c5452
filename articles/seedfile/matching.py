"""How a table of line rules is matched: the `Rule` entry and the compiler of a table.

Whatever skips work is derived here from the table, never kept in step by hand: which rules a
line is too long to reach (each rule's `max_chars`), the alternation of neighbouring pattern
rules tested the same way (with each pattern's own widest match, so a line is only tried
against patterns that could match it), and the keyword pre-check of searched patterns.
"""

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby

from articles.seedfile.decoding import MAX_LINE_CHARS
from articles.seedfile.readers import PLAIN, Cue, Reader

Headings = tuple[tuple[re.Pattern, str], ...]
Matcher = Callable[[str, str], Cue | None]  # (line as shown, lower-cased) -> its cue


@dataclass(frozen=True)
class Rule:
    """A named way of recognising a line: by `pattern` (matched as `how` says) or by `read`.

    Each example is a line the rule exists for, which the rules test places in the body of a
    small article; an example holding line breaks is a whole article, and its line marked "* "
    is the one to check. Furniture is judged in lower case, without trailing " :,".
    """

    name: str
    role: str
    examples: tuple[str, ...]
    pattern: str = ""
    how: str = "read"  # "full" (the whole line), "start", "search" (anywhere) or "read"
    keywords: tuple[str, ...] = ()  # "search": a line holding none of these cannot match
    read: Reader | None = None
    max_chars: int = MAX_LINE_CHARS  # its guard: longer lines never reach it
    confidence: float = 0.9  # how often a line it recognises really has its role
    starts: str = ""  # a "read" rule's guard: the first characters of every line it takes


def reader(
    name: str,
    role: str,
    read: Reader,
    max_chars: int,
    *examples: str,
    confidence: float = 0.9,
    starts: str = "",
) -> Rule:
    """A rule decided by a function of the line (lower-cased for furniture); with `starts`,
    only lines beginning with one of those characters reach it."""
    return Rule(
        name, role, examples, read=read, max_chars=max_chars, confidence=confidence, starts=starts
    )


def widest(pattern: str) -> int:
    """The most characters `pattern` can match (MAX_LINE_CHARS when unbounded)."""
    # The regex parser's own width bound: a derived guard cannot fall out of step.
    return min(re._parser.parse(pattern).getwidth()[1], MAX_LINE_CHARS)


def _reader_matcher(rule: Rule, opened: Callable[[str], str | None]) -> Matcher:
    read, name, lowered_input = rule.read, rule.name, rule.role == "furniture"

    def match(text: str, lowered: str) -> Cue | None:
        cue = read(lowered if lowered_input else text)
        if cue is None:
            return None
        opens = opened(lowered) if cue.kind == "furniture" else cue.opens
        return Cue(cue.kind, name, cue.text, cue.credit, opens)

    return match


def _first_character_matcher(rules: list[Rule], opened: Callable[[str], str | None]) -> Matcher:
    """One matcher for neighbouring rules guarded by a line's first character: a line reaches
    only the rules for its own first character, in table order (nearly every line, none)."""
    by_first: dict[str, list[tuple[int, Matcher]]] = {}
    for rule in rules:
        for first in rule.starts:
            by_first.setdefault(first, []).append((rule.max_chars, _reader_matcher(rule, opened)))

    def match(text: str, lowered: str) -> Cue | None:
        for max_chars, rule_match in by_first.get(text[:1], ()):
            if len(text) <= max_chars and (cue := rule_match(text, lowered)):
                return cue
        return None

    return match


def _pattern_matcher(rules: list[Rule], opened: Callable[[str], str | None]) -> Matcher:
    """One matcher for neighbouring patterns (judged on the lower-cased line) tested the same way: their alternation,
    with each pattern's own widest match deciding which of them a line is short enough for."""
    how = rules[0].how
    keywords = tuple(k for rule in rules for k in rule.keywords)
    if any(not rule.keywords for rule in rules):
        keywords = ()
    # A whole-line pattern matches no line longer than its widest match; a pattern matched at
    # the start of a line, or searched in it, may match a line of any length.
    reach = {rule.name: widest(rule.pattern) if how == "full" else MAX_LINE_CHARS for rule in rules}
    limits = sorted(set(reach.values()))
    # For each limit, the alternation of the patterns that can match a line that long.
    combined = [
        re.compile(
            "|".join(
                f"(?P<r{i}>{rule.pattern})"
                for i, rule in enumerate(rules)
                if reach[rule.name] >= limit
            )
        )
        for limit in limits
    ]
    method = {"full": "fullmatch", "start": "match", "search": "search"}[how]
    tests = [getattr(pattern, method) for pattern in combined]

    def match(text: str, lowered: str) -> Cue | None:
        if keywords and not any(map(lowered.__contains__, keywords)):
            return None
        at = bisect_left(limits, len(lowered))
        if at == len(tests) or not (found := tests[at](lowered)):
            return None
        rule = rules[int(found.lastgroup[1:])]
        return Cue(rule.role, rule.name, opens=opened(lowered))

    return match


def compile_rules(rules: Iterable[Rule], headings: Headings) -> Callable[[str], Cue]:
    """A function reading one line by the table `rules`: the cue of the first rule that
    recognises it. A furniture line that is one of `headings` opens a list for the lines under
    it (links under "Related stories")."""
    rules = list(rules)

    def opened(lowered: str) -> str | None:
        return next((role for heading, role in headings if heading.fullmatch(lowered)), None)

    matchers: list[tuple[int, Matcher]] = []
    for (how, guarded), group in groupby(rules, key=lambda rule: (rule.how, bool(rule.starts))):
        group = list(group)
        if guarded:
            matchers.append(
                (max(r.max_chars for r in group), _first_character_matcher(group, opened))
            )
        elif how == "read":
            matchers += [(rule.max_chars, _reader_matcher(rule, opened)) for rule in group]
        else:
            matchers.append((max(r.max_chars for r in group), _pattern_matcher(group, opened)))
    # A line of n characters reaches the matchers of the first bucket whose limit is >= n.
    limits = sorted({limit for limit, _ in matchers})
    buckets = [tuple(m for limit, m in matchers if limit >= bound) for bound in limits]
    lowered_max = max(r.max_chars for r in rules if r.role == "furniture" or r.how != "read")

    def read_line(text: str) -> Cue:
        """What a line (as shown) is, judged alone."""
        n = len(text)
        at = bisect_left(limits, n)
        if at == len(buckets):
            return PLAIN
        lowered = text.lower().rstrip(" :,") if n <= lowered_max else ""
        for match in buckets[at]:
            if cue := match(text, lowered):
                return cue
        return PLAIN

    return read_line
