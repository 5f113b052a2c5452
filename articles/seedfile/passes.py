"""Roles in context: the passes that decide what a line is from the lines around it.

rules.py reads each line alone; these passes then run in the order of PASSES, each a named
rule of its own (PASS_RULES in pass_rules.py: name, role, confidence and examples, as in the
line rules' table). A line records the rule that decided it: its own line rule when the
passes kept that rule's role, else the pass that gave it its role.
"""

import re
from dataclasses import dataclass, field

from articles.seedfile.decoding import visible
from articles.seedfile.header_passes import (
    HEADER_ROLES,
    extend_bylines,
    mark_dek,
    mark_head_scraps,
    mark_header_signatures,
)
from articles.seedfile.page_passes import (
    WIDGET_REACH,
    WIDGET_RULES,
    is_widget_text,
    mark_framed_captions,
    mark_headline_echoes,
    mark_inline_links,
    mark_link_cards,
    mark_link_summaries,
    mark_photo_captions,
    mark_repeated_scraps,
)
from articles.seedfile.pass_rules import PASS_RULES
from articles.seedfile.readers import GLUED_DATELINE, Cue, names_positions
from articles.seedfile.rules import LINE_RULES, read_line
from articles.seedfile.shapes import (
    CLOSERS,
    ends_with_full_stop,
    holds_handle,
    is_bare_name,
    is_person_name,
    is_sentence_case,
    looks_like_title,
)

QUOTES = "\"“„«‘'"
HEADLINE_MAX_CHARS = 300  # the stored headline's limit: a longer first line is body text
LONG_SENTENCE = 150  # a first line this long that ends a sentence is body text too


CONFIDENCE = {rule.name: rule.confidence for rule in (*LINE_RULES, *PASS_RULES)}
TITLE_MAX = 160  # shapes.looks_like_title: no longer line is shaped like a title
SHORT_TEXT = 40  # a plain line shorter than this, not ending a sentence, may be page junk

# The role and rule of a line under a list heading, by what the heading opens.
_LISTED = {
    "teaser": ("teaser", "link-under-heading"),
    "caption": ("caption", "caption-under-label"),
    "author-box": ("byline", "author-box"),
}
LISTED_SENTENCE_MAX = 100  # a story's own sentence after a list is longer
AUTHOR_BOX_LINE_MAX = 80  # a name, a title (its biography is a byline by its own rule)


@dataclass
class Draft:
    """Roles being decided for the non-blank lines, by index; None means not yet decided."""

    texts: list[str]
    cues: list[Cue]
    roles: list[str | None]
    rules: list[str]
    credit_of: dict[int, int]  # caption index -> index of its credit line
    head: int = 0  # the headline's index, or the first text line's when it is missing
    headline_missing: bool = False
    confidences: list[float] = field(default_factory=list)
    kinds: set | None = None  # the kinds the lines read as alone, once asked for

    @property
    def body_start(self) -> int:
        """The index of the first line after the header's headline."""
        return self.head if self.headline_missing else self.head + 1

    def holds(self, kind: str) -> bool:
        """Whether any line reads alone as `kind`: a pass for that kind has work only then."""
        if self.kinds is None:
            self.kinds = {cue.kind for cue in self.cues}
        return kind in self.kinds

    def plain(self, i: int) -> bool:
        return self.roles[i] is None and self.cues[i].kind is None

    def decide(self, i: int, role: str, rule: str) -> None:
        self.roles[i], self.rules[i] = role, rule

    def pair(self, caption: int, credit: int, caption_rule: str, credit_rule: str = "") -> None:
        self.decide(caption, "caption", caption_rule)
        self.decide(credit, "credit", credit_rule)
        self.credit_of[caption] = credit

    def can_caption(self, i: int) -> bool:
        """Free to become a caption: undecided, not the headline, no credit of its own."""
        return (
            self.body_start <= i < len(self.texts)
            and self.roles[i] is None
            and self.cues[i].kind in (None, "caption")
            and not self.cues[i].credit
            and self.texts[i][:1] not in QUOTES  # a quotation is the story's, not a photo's
        )


def assign_roles(texts: list[str]) -> Draft:
    """Every line's role and the rule that decided it."""
    texts = [visible(text) if "<" in text else text for text in texts]
    # Pages repeat lines ("Advertisement", share buttons, a credit): read each distinct one once.
    read: dict[str, Cue] = {}
    cues = [
        read[text] if text in read else read.setdefault(text, read_line(text)) for text in texts
    ]
    draft = Draft(texts, cues, [None] * len(texts), [""] * len(texts), {})
    for i, cue in enumerate(cues):
        if cue.kind in ("furniture", "teaser", "byline", "dateline", "paragraph"):
            draft.roles[i] = cue.kind
    # Page junk and a bare date may stand above the headline.
    draft.head = next(
        (i for i, cue in enumerate(cues) if cue.kind not in ("furniture", "dateline")), 0
    )
    skip_kickers(draft)
    draft.headline_missing = reads_as_body(texts[draft.head])
    if not draft.headline_missing:
        draft.decide(draft.head, "headline", "first-text-line")
    for run in PASSES:
        run(draft)
    roles, rules = draft.roles, draft.rules
    for i, cue in enumerate(cues):
        if roles[i] is None:
            text = texts[i]
            if cue.kind == "caption":
                roles[i] = "caption"
            elif (
                cue.kind is None
                and len(text) <= TITLE_MAX  # looks_like_title's own first test, without a call
                and looks_like_title(text)
                and text.count(",") < 2
                and not holds_handle(text)  # an embedded post's author
            ):
                roles[i], rules[i] = "teaser", "title-shaped-link"
            elif cue.kind is None and _may_place(text) and draft.can_caption(i):
                # Decided here, in the loop every line takes anyway: a pass of its own cost
                # more than the look (a caption placing its people: "Jane Doe, left, and …").
                roles[i], rules[i] = "caption", "caption-position"
            else:
                roles[i], rules[i] = "paragraph", "plain-text"
        if cue.kind == roles[i] and cue.rule:
            rules[i] = cue.rule  # the line rule's decision, kept by the passes
    draft.confidences = [
        line_confidence(rule, text) if rule == "plain-text" else CONFIDENCE[rule]
        for rule, text in zip(rules, texts, strict=True)
    ]
    return draft


KICKER_WORDS = 4  # a section label over a headline ("Tech News", "Nation & World") is this short
KICKER_CHARS = 40
KICKER_REACH = 12  # lines of a menu above the headline, at most
TITLE_WORDS = 5  # the headline under them is longer


def _may_place(text: str) -> bool:
    """Whether a line places the people in a photo: the cheap look at its words first."""
    return (
        "left" in text or "right" in text or "cent" in text or "L-R" in text
    ) and names_positions(text)


def skip_kickers(draft: Draft) -> None:
    """Short labels over a longer title (a section, a menu: "Amazon", "Business", "Local
    Business") are the page's, not the headline: the headline is that title."""
    labels: list[int] = []
    for i in range(draft.head, min(len(draft.texts), draft.head + KICKER_REACH)):
        if draft.cues[i].kind in ("furniture", "dateline"):  # a date may stand over the title
            continue
        text = draft.texts[i]
        if draft.cues[i].kind is not None or ends_with_full_stop(text) or reads_as_body(text):
            return
        # A short headline is a sentence ("Coal is back"); a label names ("Local Business").
        if len(text.split()) > KICKER_WORDS or len(text) > KICKER_CHARS or is_sentence_case(text):
            break
        labels.append(i)
    else:
        return
    if not labels or len(draft.texts[i].split()) < TITLE_WORDS:
        return
    for label in labels:
        draft.decide(label, "furniture", "section-kicker")
    draft.head = i


def reads_as_body(text: str) -> bool:
    """A first text line that is no title: longer than a headline may be, a paragraph that
    opens with its dateline ("WASHINGTON (AP) — …"), or a long sentence."""
    return (
        len(text) > HEADLINE_MAX_CHARS
        or bool(GLUED_DATELINE.match(text))
        or (len(text) > LONG_SENTENCE and ends_with_full_stop(text))
    )


PROPOSED_HEADLINE_MAX = 100
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s|$)")


def propose_headline(text: str) -> str:
    """A headline for an article without one: the first sentence of `text` (past a dateline
    such as "WASHINGTON (AP) — "), cut at a word boundary to at most 100 characters."""
    if dateline := GLUED_DATELINE.match(text):
        text = text[dateline.end() - 1 :]
    sentence = _FIRST_SENTENCE.match(text)
    sentence = (sentence[0] if sentence else text).rstrip(".")
    if len(sentence) <= PROPOSED_HEADLINE_MAX:
        return sentence
    room = sentence[: PROPOSED_HEADLINE_MAX - 1]  # one character left for the ellipsis
    cut = room.rsplit(" ", 1)[0] if " " in room else room
    return cut.rstrip(" ,;:—–-") + "…"


def line_confidence(rule: str, text: str) -> float:
    """How sure the parser is of a line's role: its rule's confidence, less for a short plain
    line that does not end a sentence (a scrap of page the rules do not know)."""
    if rule == "plain-text" and len(text) < SHORT_TEXT and not ends_with_full_stop(text):
        return 0.5
    return CONFIDENCE[rule]


# A caption describes one photo in a sentence or two; a longer line above a credit is the
# story's paragraph, and the photo it credits has no caption.
CAPTION_ABOVE_MAX = 300


def attach_credits(draft: Draft) -> None:
    """A credit takes the caption above it, else one directly below (BBC), else stands alone."""
    if not draft.holds("credit"):
        return
    for i, cue in enumerate(draft.cues):
        if cue.kind != "credit" or draft.roles[i] is not None:
            continue
        if cue.rule == "post-credit":  # an embedded post's, not a photo's: no caption
            draft.roles[i] = "credit"
            continue
        below = i + 1
        if draft.can_caption(i - 1) and len(draft.texts[i - 1]) <= CAPTION_ABOVE_MAX:
            draft.pair(i - 1, i, "caption-above-credit")
        elif (
            draft.can_caption(below)
            and draft.cues[below].kind == "caption"
            and not (below + 1 < len(draft.cues) and draft.cues[below + 1].kind == "credit")
        ):
            draft.pair(below, i, draft.cues[below].rule)  # already a caption by its own rule
        else:
            draft.roles[i] = "credit"


def attach_name_credits(draft: Draft) -> None:
    """A bare name ("Emil Salman") under a line shaped like a caption is its photographer."""
    if not draft.holds("caption"):
        return
    for i in range(1, len(draft.texts)):
        above = i - 1
        if (
            draft.cues[above].kind == "caption"
            and draft.plain(i)
            and draft.can_caption(above)
            and is_bare_name(draft.texts[i], min_words=1)
        ):
            draft.pair(above, i, "caption-above-credit", "photographer-name")


def resolve_wires(draft: Draft) -> None:
    """A wire name alone: a byline in the header or after the story, else the credit above it."""
    if not draft.holds("wire"):
        return
    # Past the last line a reader sees as text, only sign-offs and page furniture remain.
    body_end = max(
        (i for i, cue in enumerate(draft.cues) if cue.kind in (None, "caption")), default=0
    )
    for i, cue in enumerate(draft.cues):
        if cue.kind != "wire" or draft.roles[i] is not None:
            continue
        in_body = draft.roles[i - 1] not in HEADER_ROLES and i < body_end
        if in_body and draft.can_caption(i - 1) and len(draft.texts[i - 1]) <= 400:
            draft.pair(i - 1, i, "caption-above-credit", "wire-credit")
        elif in_body and _caption_below(draft, i):
            draft.pair(i + 1, i, "caption-below-credit", "wire-credit")
        else:
            draft.decide(i, "byline", cue.rule)


CAPTION_BELOW_MAX = 200


def _caption_below(draft: Draft, credit: int) -> bool:
    """Whether the line under a credit with no caption above is its caption: a sentence or
    two, shorter than the paragraph that follows it (sites that set the credit first)."""
    below, after = credit + 1, credit + 2
    return (
        draft.can_caption(below)
        and draft.cues[below].kind is None
        and len(draft.texts[below]) <= CAPTION_BELOW_MAX
        and after < len(draft.texts)
        and draft.plain(after)
        and len(draft.texts[after]) > len(draft.texts[below])
    )


def mark_lists(draft: Draft) -> None:
    """Links under "Read more:", topics under "Related Topics", the line under "Image caption"."""
    if not any(cue.opens for cue in draft.cues):  # only a heading's line starts a list
        return
    role = None
    for i, text in enumerate(draft.texts):
        if role is None:  # most lines: no list is open
            role = draft.cues[i].opens
            continue
        if role == "author-box":  # not the site's links under it ("Standards|About us")
            fits = len(text) <= AUTHOR_BOX_LINE_MAX and not ends_with_full_stop(text)
            fits = fits and "|" not in text
        else:  # the title right under the heading may be a short sentence or two
            first = i > 0 and draft.cues[i - 1].opens == role
            fits = role == "caption" or (
                len(text) <= LISTED_SENTENCE_MAX
                if ends_with_full_stop(text) and first
                else len(text) <= 160 and not ends_with_full_stop(text)
            )
        # A byline label's names are judged by the header's own passes.
        if role in _LISTED and draft.plain(i) and fits:
            draft.decide(i, *_LISTED[role])
        continues = role != "caption" and draft.roles[i] == _LISTED.get(role, (role,))[0]
        role = draft.cues[i].opens or (role if continues else None)


POLL_WORDS = frozenset(("yes", "no", "maybe", "not", "sure", "vote", "results", "submit"))


def gives_widget_away(draft: Draft, i: int) -> bool:
    """A line that only a widget holds: a newsletter's, a form's or a comment box's line, a
    poll's answers ("Yes No"), or a question the page repeats (a poll's, asked twice)."""
    cue, text = draft.cues[i], draft.texts[i]
    if cue.rule in WIDGET_RULES:
        return True
    if cue.rule == "button-run":
        return set(text.lower().replace("/", " ").split()) <= POLL_WORDS
    if cue.rule == "page-command":  # a sign-up box's button, not a share row's
        return text.lower().startswith(("sign up", "subscribe", "register"))
    return draft.rules[i] == "repeated-scrap" and text.rstrip(CLOSERS).endswith("?")


def mark_widgets(draft: Draft) -> None:
    """A newsletter box or a poll is judged as a whole: its pitch, question, options and
    notes around the line that gave it away ("Sign up", "Email *") are furniture too."""
    if WIDGET_RULES.isdisjoint(cue.rule for cue in draft.cues):
        return
    for i, cue in enumerate(draft.cues):
        # Most lines no rule recognised, nor a pass: none of them gives a widget away.
        if not (cue.rule or draft.rules[i]) or not gives_widget_away(draft, i):
            continue
        for step in (-1, 1):
            j, taken = i + step, 0
            while draft.body_start <= j < len(draft.texts) and taken < WIDGET_REACH:
                if draft.roles[j] != "furniture":
                    if not (draft.plain(j) and is_widget_text(draft.texts[j])):
                        break
                    draft.decide(j, "furniture", "widget-box")
                    taken += 1
                j += step


LINK_MAX = 120  # a link's title fits on a line
TRUNCATION = ("...", "…")
ASKING_LINK_MAX = 80  # a longer question is the story asking it
LINK_RUN = 3  # this many short unpunctuated lines in a row are a list of links, not a story


def is_link_shaped(text: str) -> bool:
    """Short, with no sentence end: a story's title, a topic, a section name. A question or
    an exclamation may be a title when it is short."""
    if text.endswith(TRUNCATION) and looks_like_title(text.rstrip(".… ")):
        return True  # a title the list cut short: "Ishiba Attends East Asia Summit In La..."
    if len(text) > LINK_MAX or ends_with_full_stop(text) or text[-1:] in ",;:":
        return False
    if holds_handle(text):  # an embedded post's author or text, not a link
        return False
    return len(text) <= ASKING_LINK_MAX or text.rstrip(CLOSERS)[-1:] not in "?!"


def mark_link_runs(draft: Draft) -> None:
    """Runs of short unpunctuated lines ("Most Read", then titles) are lists of links: a story's
    subheads come one at a time between paragraphs. Furniture inside a run does not break it;
    a run under a sentence that announces it ("… also said:") is the story's own list."""
    run: list[int] = []
    for i in [*range(draft.body_start, len(draft.texts)), None]:
        if i is not None and draft.roles[i] == "furniture":
            continue
        free = (
            i is not None
            and len(draft.texts[i]) <= LINK_MAX  # is_link_shaped's own first test
            and (draft.plain(i) or draft.roles[i] == "teaser")
        )
        if free and is_link_shaped(draft.texts[i]):
            run.append(i)
            continue
        if len(run) >= LINK_RUN and not _announced(draft, run[0]):
            for j in run:  # names too: a list of topics names people
                if draft.plain(j):
                    draft.decide(j, "teaser", "link-run")
        run = []


def _announced(draft: Draft, first: int) -> bool:
    """Whether the line above is a sentence of the story that ends with a colon."""
    above = first - 1
    text = draft.texts[above] if above >= 0 else ""
    return draft.plain(above) and text.endswith(":") and len(text.split()) >= 6


def mark_author_names(draft: Draft) -> None:
    """A name alone on its line ("Rebecca Hersher") in the header or after the story is its
    author's; in a list of short lines it is a topic or a section."""
    texts, end = draft.texts, last_paragraph(draft)
    for i in range(draft.body_start, len(texts)):
        # A name is at most 40 characters (is_bare_name): longer lines need no test.
        if len(texts[i]) > NAME_MAX or not (draft.plain(i) and is_person_name(texts[i])):
            continue
        if i > draft.body_start + 3 and i < end:
            continue
        around = [j for j in (i - 1, i + 1) if 0 <= j < len(texts) and draft.plain(j)]
        if not any(is_link_shaped(texts[j]) and len(texts[j]) < 60 for j in around):
            draft.decide(i, "byline", "author-name")


PARAGRAPH_MIN = 120  # a plain line this long is the story's text
NAME_MAX = 40  # shapes.is_bare_name: no longer line is a name


def last_paragraph(draft: Draft) -> int:
    """The index of the story's last long line of text: what follows is the page's tail."""
    texts, roles, cues = draft.texts, draft.roles, draft.cues
    for i in range(len(texts) - 1, -1, -1):  # from the end: it is usually the last line or so
        if roles[i] is None and cues[i].kind is None and len(texts[i]) >= PARAGRAPH_MIN:
            return i
    return len(texts)


SCRAP_WORDS = 4


def mark_tail_scraps(draft: Draft) -> None:
    """After the story's last paragraph, a stray scrap of a few words ("POLITICO", "Info",
    "Report error") is the page's, not the story's: lists of links are already decided."""
    for i in range(last_paragraph(draft) + 1, len(draft.texts)):
        text = draft.texts[i]
        if draft.plain(i) and len(text.split()) <= SCRAP_WORDS and not ends_with_full_stop(text):
            draft.decide(i, "furniture", "tail-scrap")


PASSES = (
    mark_headline_echoes,
    mark_header_signatures,
    attach_credits,
    attach_name_credits,
    mark_dek,
    resolve_wires,
    mark_repeated_scraps,
    extend_bylines,
    mark_lists,
    mark_author_names,
    mark_widgets,
    mark_link_runs,
    mark_inline_links,
    mark_link_summaries,
    mark_link_cards,
    mark_photo_captions,
    mark_head_scraps,
    mark_framed_captions,
    mark_tail_scraps,
)
