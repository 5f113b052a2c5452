"""How a table of line rules is matched: the `Rule` entry and the compiler of a table.

Whatever skips work is derived here from the table, never kept in step by hand. Each rule
has a guard (guards.py): the longest line it applies to (`max_chars`; a whole-line pattern's
own widest match limits it further), the characters a line it recognises can start and end
with (derived from its pattern, or named in its entry), and words such a line holds. A line's
features are read once: its length band, its first and last characters, and whether it holds
a mark (a keyword of one character, such as ":" or "©"). The rules those features admit are
looked up by them, so a plain paragraph meets a handful of rules instead of about twenty.
"""

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import groupby

from articles.seedfile.decoding import MAX_LINE_CHARS
from articles.seedfile.guards import (
    NO_GUARD,
    Guard,
    char_test,
    edge_chars,
    folded,
    required_words,
)
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
    keywords: tuple[str, ...] = ()  # a line holding none of these cannot match
    read: Reader | None = None
    max_chars: int = MAX_LINE_CHARS  # its guard: longer lines never reach it
    confidence: float = 0.9  # how often a line it recognises really has its role
    guard: Guard = NO_GUARD  # what else a line it recognises has (guards.py)
    starts: str = ""  # a "read" rule's guard: the first characters of every line it takes

    @property
    def lowered(self) -> bool:
        """Whether it reads the line lower-cased without trailing " :," (furniture patterns)."""
        return self.role == "furniture" or self.how != "read"

    def full_guard(self) -> Guard:
        """Its guard with what its pattern shows: the characters it can start and end with."""
        found = self.guard
        if self.starts and found.first is None:
            found = replace(found, first=frozenset(self.starts).__contains__)
        if self.keywords and not found.keywords:
            found = replace(found, keywords=tuple(map(folded, self.keywords)))
        if self.pattern and not found.keywords:
            # Words its own pattern needs: lines holding none of them never reach it.
            found = replace(found, keywords=required_words(re.compile(self.pattern)) or ())
        if self.how in ("full", "start") and found.first is None:
            chars = edge_chars(re.compile(self.pattern))
            found = replace(found, first=None if chars is None else char_test(chars))
        if self.how == "full" and found.last is None:
            chars = edge_chars(re.compile(self.pattern), last=True)
            found = replace(found, last=None if chars is None else char_test(chars))
        return found


def reader(
    name: str,
    role: str,
    read: Reader,
    max_chars: int,
    *examples: str,
    confidence: float = 0.9,
    starts: str = "",
    guard: Guard = NO_GUARD,
) -> Rule:
    """A rule decided by a function of the line (lower-cased for furniture); with `starts`,
    only lines beginning with one of those characters reach it (a `guard` says more)."""
    return Rule(
        name,
        role,
        examples,
        read=read,
        max_chars=max_chars,
        confidence=confidence,
        guard=guard,
        starts=starts,
    )


def widest(pattern: str) -> int:
    """The most characters `pattern` can match (MAX_LINE_CHARS when unbounded)."""
    # The regex parser's own width bound: a derived guard cannot fall out of step.
    return min(re._parser.parse(pattern).getwidth()[1], MAX_LINE_CHARS)


def _pattern_matcher(rules: list[Rule], opened: Callable[[str], str | None]) -> Matcher:
    """One matcher for neighbouring patterns (judged on the lower-cased line) tested the same way: their alternation,
    with each pattern's own widest match deciding which of them a line is short enough for."""
    how = rules[0].how
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
        at = bisect_left(limits, len(lowered))
        if at == len(tests) or not (found := tests[at](lowered)):
            return None
        rule = rules[int(found.lastgroup[1:])]
        return Cue(rule.role, rule.name, opens=opened(lowered))

    return match


# A line's features: its band, first and last characters as shown and lowered, and the marks
# (keywords of one character) it holds. Lines with the same features meet the same rules.
Features = tuple[int, str, str, str, str, frozenset]
PATTERN, SHOWN, LOWERED = "pattern", "shown", "lowered"  # what a run is, and what it reads
Entry = tuple[tuple[str, ...], str, Callable, str]
CACHED_FEATURES = 50_000  # distinct line features remembered (a few hundred in practice)
# Lines read, remembered across files: a site prints the same credits, buttons and notices on
# every page (the corpus: 20 credit lines make a tenth of its lines). Reading is a function
# of the line alone, so a remembered cue is the cue.
CACHED_LINES = 20_000
READER_WORDS = 2  # the most words looked for before a reader is called


def compile_rules(
    rules: Iterable[Rule], headings: Headings, guarded: bool = True
) -> Callable[[str], Cue]:
    """A function reading one line by the table `rules`: the cue of the first rule that
    recognises it. A furniture line that is one of `headings` opens a list for the lines under
    it (links under "Related stories"). Unguarded, every rule a line's length reaches is tried
    on it: the same answers, more slowly (tests/seedfile/test_guards.py compares the two)."""
    rules = list(rules)
    guards = [rule.full_guard() if guarded else NO_GUARD for rule in rules]

    def opened(lowered: str) -> str | None:
        return next((role for heading, role in headings if heading.fullmatch(lowered)), None)

    # A line of n characters is in the band of the first limit >= n: the rules it reaches.
    limits = sorted({rule.max_chars for rule in rules})
    # Neighbouring patterns tested the same way form a group: one alternation for those of
    # them a line reaches (rules between them that cannot match it do not split it).
    group = [n for n, (_, run) in enumerate(groupby(rules, key=lambda r: r.how)) for _ in run]
    # Keywords of one character (":", "@", "©") are found all at once, in one scan of the line:
    # which of them it holds is one of its features, so the rules needing a mark it lacks are
    # left out of its chain for nothing. (Not ".", which nearly every line holds.)
    marks = sorted({k for guard in guards for k in guard.keywords if len(k) == 1} - {"."})
    find_marks = re.compile(f"[{re.escape(''.join(marks))}]").findall if marks else lambda _: ()
    patterns: dict[tuple[int, ...], Matcher] = {}  # the alternation of a run of patterns

    def entry(run: list[int], held: frozenset) -> Entry | None:
        """How to try a run of rules on a line holding the marks `held`: the words it must
        hold one of (none when its marks settle it), and the rule's reader or the run's
        pattern matcher; None when the line cannot hold what the run needs."""
        # Each rule's words: () when it needs none (no keywords, or a mark the line holds).
        needs = {}
        for i in run:
            keywords = guards[i].keywords
            if keywords and not held.intersection(keywords):
                keywords = tuple(k for k in keywords if k not in marks)
                if not keywords:
                    continue  # it needs a mark the line lacks
            else:
                keywords = ()
            needs[i] = keywords
        if not needs:
            return None
        words = () if not all(needs.values()) else tuple(dict.fromkeys(chain_words(needs)))
        rule = rules[run[0]]
        if rule.how == "read":
            # Looking for a word costs about what the cheapest readers do: worth it for a word
            # or two, not for a list (the reader's own test is then no dearer).
            if len(words) > READER_WORDS:
                words = ()
            return words, LOWERED if rule.role == "furniture" else SHOWN, rule.read, rule.name
        return words, PATTERN, pattern_run(needs), ""

    def chain_words(needs: dict[int, tuple[str, ...]]) -> Iterable[str]:
        return (k for ks in needs.values() for k in ks)

    def pattern_run(needs: dict[int, tuple[str, ...]]) -> Callable:
        """The matcher of a run of patterns. A pattern whose words the line lacks cannot
        match it, so the alternation tried is that of the others (searched patterns are the
        dearest: each is tried at every character), the first of them to match still wins."""
        run = tuple(needs)
        guarded_words = [(i, ks) for i, ks in needs.items() if ks]

        def matcher(key: tuple[int, ...]) -> Matcher:
            if (found := patterns.get(key)) is None:
                found = patterns[key] = _pattern_matcher([rules[i] for i in key], opened)
            return found

        if len(guarded_words) < 2:  # nothing to choose: one alternation, checked above
            whole = matcher(run)
            return lambda text, lowered, holds: whole(text, lowered)

        def match(text: str, lowered: str, holds: Callable[[str], bool]) -> Cue | None:
            lacking = {i for i, ks in guarded_words if not any(map(holds, ks))}
            key = tuple(i for i in run if i not in lacking) if lacking else run
            return matcher(key)(text, lowered) if key else None

        return match

    def chain(features: Features) -> tuple[Entry, ...]:
        """What to try, in table order, on a line with these features: the rules whose length
        and edge guards admit it and whose keywords it may hold."""
        band, first, last, first_lowered, last_lowered, held = features
        runs: list[list[int]] = []
        for i, (rule, guard) in enumerate(zip(rules, guards, strict=True)):
            if rule.max_chars < limits[band] or not (
                guard.admits_edges(first_lowered, last_lowered)
                if rule.lowered
                else guard.admits_edges(first, last)
            ):
                continue
            if runs and rule.how != "read" and group[runs[-1][-1]] == group[i]:
                runs[-1].append(i)
            else:
                runs.append([i])
        return tuple(found for run in runs if (found := entry(run, held)) is not None)

    chains: dict[Features, tuple[Entry, ...]] = {}
    remembered: dict[str, Cue] = {}

    def read_new_line(text: str) -> Cue:
        band = bisect_left(limits, len(text))
        if band == len(limits):
            return PLAIN
        lower = text.lower()
        lowered = lower.rstrip(" :,") if lower[-1:] in " :," else lower
        lower = folded(lower)  # as keywords are looked for
        features = (
            band,
            text[:1],
            text[-1:],
            lowered[:1],
            lowered[-1:],
            frozenset(find_marks(lower)),
        )
        run = chains.get(features)
        if run is None:
            if len(chains) > CACHED_FEATURES:
                chains.clear()
            run = chains[features] = chain(features)
        holds = lower.__contains__
        for words, kind, match, name in run:
            if words and not any(map(holds, words)):
                continue
            if kind is PATTERN:
                if cue := match(text, lowered, holds):
                    return cue
            elif (cue := match(lowered if kind is LOWERED else text)) is not None:
                opens = opened(lowered) if cue.kind == "furniture" else cue.opens
                return Cue(cue.kind, name, cue.text, cue.credit, opens)
        return PLAIN

    def read_line(text: str) -> Cue:
        """What a line (as shown) is, judged alone."""
        cue = remembered.get(text)
        if cue is None:
            if len(remembered) >= CACHED_LINES:
                remembered.clear()
            cue = remembered[text] = read_new_line(text)
        return cue

    return read_line
