"""Context passes that judge a line by the whole page: lines the page repeats.

Part of the passes of passes.py (which runs them in the order of its PASSES, and names them in
pass_rules.py); kept apart so that each module stays short. They read a `Draft` (passes.py)
and decide only lines no rule or earlier pass has decided.
"""

import re
from collections import Counter
from typing import TYPE_CHECKING

from articles.seedfile.readers import names_positions
from articles.seedfile.shapes import CLOSERS, ends_with_full_stop, is_person_name, looks_like_title
from articles.seedfile.vocabulary import BUTTON_WORDS, MONTH_NAME, POST_PLATFORMS, READER_WORDS

if TYPE_CHECKING:
    from articles.seedfile.passes import Draft

# Rules that recognise a piece of a widget (a newsletter box, a poll, a form, a comment box): the short lines
# around it that speak to the reader or ask something are the rest of it.
WIDGET_RULES = frozenset(
    (
        "newsletter-prompt",
        "newsletter-mention",
        "subscribe-button",
        "form-field",
        "app-prompt",
        "comments",
    )
)

WIDGET_TEXT_MAX = 200
WIDGET_REACH = 4  # lines of a widget on either side of the line that gave it away


def is_widget_text(text: str) -> bool:
    """A pitch, a question or a button: short, and speaking to the reader or asking."""
    if len(text) > WIDGET_TEXT_MAX or any(q in text for q in '"“„«'):
        return False  # a quotation speaks to someone in the story, not to the reader
    words = text.lower().replace("’", "'").split()
    return (
        any(w.strip(".,!?:;") in READER_WORDS for w in words)
        or text.rstrip(CLOSERS).endswith("?")
        or (len(words) <= 4 and not ends_with_full_stop(text))
    )


REPEATED_MAX = 120  # a repeated line this short is a page's label, button or player, not text


def repeated_texts(texts: list[str]) -> set[str]:
    """The texts that stand on more than one line of the page."""
    if len(set(texts)) == len(texts):  # most pages repeat nothing: one set, no counting
        return set()
    return {text for text, n in Counter(texts).items() if n > 1}


def mark_repeated_scraps(draft: "Draft") -> None:
    """A short line the page prints twice or more that no rule knows ("View this photo on
    Instagram", a player's "Closing Bell", a poll's question, the headline again in a widget)
    is the page's chrome: a story does not repeat itself. A sentence may be a pull quote, a
    line shaped like a headline a repeated list of links (whose heading decides it), and a
    name the author's, above the story and under it."""
    repeated = repeated_texts(draft.texts)
    if not repeated:
        return
    for i in range(draft.body_start, len(draft.texts)):
        text = draft.texts[i]
        if (
            text in repeated
            and draft.plain(i)
            and len(text) <= REPEATED_MAX
            and not ends_with_full_stop(text)
            and not looks_like_title(text)
            and not is_person_name(text)  # an author named above and below the story
        ):
            if _is_repeated_headline(text):
                draft.decide(i, "teaser", "repeated-link")
            else:
                draft.decide(i, "furniture", "repeated-scrap")


REPEATED_LINK_WORDS = 6  # a button or a notice is shorter, or speaks to the reader


def _is_repeated_headline(text: str) -> bool:
    """A repeated line of a headline's length that does not speak to the reader or explain
    itself in brackets: another story's title, in two lists of the page."""
    words = text.lower().replace("’", "'").split()
    return (
        len(words) >= REPEATED_LINK_WORDS
        and not any(w.strip(".,!?:;") in READER_WORDS for w in words)
        and not any(ch in text for ch in "()[]")
    )


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


ECHO_SLACK = (
    12  # characters of punctuation an echo may add ("Prince -- Woman …" / "Prince Woman …")
)


def mark_headline_echoes(draft: "Draft") -> None:
    """A line that says the headline again ("Prince Woman Warns Estate ... Step Aside", the
    title repeated by a share box or a player) is the page's: the story says it once."""
    if draft.headline_missing:
        return
    title = draft.texts[draft.head]
    headline = _letters(title)
    if len(headline) < 12:  # too short to tell an echo from a word the story uses
        return
    # An echo differs in punctuation and spaces only: lines of other lengths are not read.
    low, high = len(headline), len(title) + ECHO_SLACK
    for i in range(draft.body_start, len(draft.texts)):
        text = draft.texts[i]
        if low <= len(text) <= high and draft.plain(i) and _letters(text) == headline:
            draft.decide(i, "furniture", "headline-echo")


SUMMARY_MAX = 300  # a list's summary of the story it links to is a sentence or two


def mark_link_summaries(draft: "Draft") -> None:
    """In a list of links after the story, the sentence under each title is that story's
    summary: a plain line between two links of a list that goes on (title, summary, title,
    summary, title). Inside the story, links set between paragraphs leave them paragraphs."""
    texts = draft.texts
    if draft.roles.count("teaser") < 3:  # a list of two links has no summary between titles
        return
    shown = [i for i in range(len(texts)) if draft.roles[i] != "furniture"]
    between: set[int] = set()  # a summary counts as its list's, for the summary under it
    for at in range(2, len(shown) - 1):
        around = (shown[at - 2], shown[at - 1], shown[at + 1])
        if all(draft.roles[j] == "teaser" or j in between for j in around):
            between.add(shown[at])
    # The story ends with its last long paragraph that is not such a summary.
    end = max(
        (
            i
            for i in shown
            if draft.plain(i) and len(texts[i]) >= PARAGRAPH_CHARS and i not in between
        ),
        default=len(texts),  # no paragraph of the story: no list after it either
    )
    for i in sorted(between):
        if i > end and draft.plain(i) and len(texts[i]) <= SUMMARY_MAX:
            draft.decide(i, "teaser", "link-summary")


PARAGRAPH_CHARS = 120  # a plain line this long is the story's text
INLINE_LINK_WORDS = 7  # a subhead is shorter; another story's headline says more
INLINE_LINK_MAX = 120
INLINE_LINK_RUN = 2  # a story sets one or two links to other stories between its paragraphs


def is_inline_link(text: str) -> bool:
    """Shaped like another story's headline set in the text: a statement of some words, no
    sentence end, no question, no colon, no handle or address (an embedded post's text)."""
    return (
        len(text) <= INLINE_LINK_MAX
        and len(text.split()) >= INLINE_LINK_WORDS
        and not ends_with_full_stop(text)
        and text.rstrip(CLOSERS)[-1:] not in "?!:;,"
        and "@" not in text
        and "://" not in text
        and text[:1] not in "'‘\"“"  # a quoted subhead: someone's words in the story
        and not names_positions(text)  # a caption placing its people ("from left: …")
    )


def mark_inline_links(draft: "Draft") -> None:
    """One or two headline-shaped lines between the story's paragraphs ("Sanders calls for
    assessment of Electoral College") are links to other stories, set in the text the way
    news sites do; a run of more is the story's own list, a short one its subhead."""
    texts = draft.texts
    shown = [i for i in range(draft.body_start, len(texts)) if draft.roles[i] != "furniture"]
    for at, i in enumerate(shown):
        if len(texts[i]) > INLINE_LINK_MAX or at == 0:  # is_inline_link's own first test
            continue
        if not (draft.plain(i) and is_inline_link(texts[i])):
            continue
        if not _is_paragraph(draft, shown[at - 1]):
            continue
        run = [i]
        for j in shown[at + 1 : at + 1 + INLINE_LINK_RUN]:
            if _is_paragraph(draft, j):
                break
            run.append(j)
        else:
            continue  # no paragraph within reach below: not set in the text
        if len(run) <= INLINE_LINK_RUN and all(
            draft.plain(j) and is_inline_link(texts[j]) for j in run
        ):
            for j in run:
                draft.decide(j, "teaser", "inline-link")


def _is_paragraph(draft: "Draft", i: int) -> bool:
    return (draft.plain(i) or draft.roles[i] == "paragraph") and len(
        draft.texts[i]
    ) >= PARAGRAPH_CHARS


FRAMED_CAPTION_MAX = 120  # a line of the story is longer
# Furniture that frames no photo: a box's pitch, and the story's text between two ad markers.
NOT_PHOTO_TOOLS = WIDGET_RULES | {"advertisement", "continue-reading"}


def _speaks(text: str) -> bool:
    """Whether a line quotes someone, speaks to the reader or names buttons ("Post on X")."""
    words = {w.strip(".,:;!?").lower() for w in text.split()}
    return (
        any(q in text for q in '"“”')
        or bool(words & READER_WORDS)
        or len(words & BUTTON_WORDS) * 2 >= len(words)
    )


def mark_framed_captions(draft: "Draft") -> None:
    """A short line set between two lines of page tools (a photo's "Share" and "More", a
    player's buttons) is what they frame: the photo's caption, not the story's text."""
    texts = draft.texts
    if draft.roles.count("furniture") < 2:
        return
    # Past the story's last paragraph the page's tools frame nothing but each other.
    end = max((i for i, t in enumerate(texts) if len(t) >= PARAGRAPH_CHARS), default=0)
    for i in range(draft.body_start + 1, min(end, len(texts) - 1)):
        if (
            draft.roles[i - 1] == "furniture"
            and draft.roles[i + 1] == "furniture"
            and draft.can_caption(i)
            and draft.cues[i].kind is None
            and len(texts[i]) <= FRAMED_CAPTION_MAX
            and len(texts[i].split()) > 2
            and not _speaks(texts[i])
            and not {draft.cues[i - 1].rule, draft.cues[i + 1].rule} & NOT_PHOTO_TOOLS
        ):
            draft.decide(i, "caption", "framed-caption")


CARD_LINE_MAX = 200  # a card's title or summary; a longer line is the story's
CARD_PERIODS = range(2, 6)  # lines a card holds: title, summary, section, author, date
CARD_REPEATS = 3  # cards a list shows at least
# Rules whose decisions a card overrides: its date, its author, its section's label.
CARD_PARTS = frozenset(
    ("date-only", "author-name", "byline-continued", "repeated-scrap", "tail-scrap", "plain-text")
)


CARD_NAME_MAX = 40  # a name or a section's label
CARD_DATE_MAX = 60  # "MND Staff - April 15, 2025", "Politics | 3 hours ago"
# A date inside a line: a card's, a dateline's with its source.
DATE_IN_TEXT = re.compile(
    rf"\b{MONTH_NAME} \d{{1,2}}, \d{{4}}\b|\b\d{{1,2}} {MONTH_NAME} \d{{4}}\b"
    r"|\b\d+ (?:minutes?|hours?|days?|weeks?) ago\b"
)


def _card_shape(draft: "Draft", i: int, repeated: set[str]) -> str | None:
    """A line's part in a card: D a date, R a label the page repeats, A a name, T a title or
    summary; None for a line no card holds (a long paragraph)."""
    text, cue = draft.texts[i], draft.cues[i]
    if len(text) > CARD_LINE_MAX:
        return None
    if cue.kind == "dateline":
        return "D"
    short = len(text) <= CARD_DATE_MAX
    if short and DATE_IN_TEXT.search(text) and any(ch.isdigit() for ch in text):
        return "D"
    if short and text in repeated and len(text) <= CARD_NAME_MAX:
        return "R"
    if cue.kind == "byline" or (len(text) <= CARD_NAME_MAX and is_person_name(text)):
        return "A"
    return "T"


def mark_link_cards(draft: "Draft") -> None:
    """A list of stories shown as cards (title, summary, section, date; title, author, date)
    repeats the same shape of lines card after card: every line of it is the list's, its
    dates and names too. A story's text does not repeat a date or a label in step."""
    texts = draft.texts
    # Three cards of two lines or more are six short lines in a row: most pages have none.
    run = longest = 0
    for text in texts:
        if len(text) <= CARD_LINE_MAX:
            run += 1
            if run > longest:
                longest = run
        else:
            run = 0
    if longest < CARD_REPEATS * min(CARD_PERIODS):
        return
    repeated = repeated_texts(texts)
    # A list of cards marks each card (a date, a label, a name): a page with fewer lines that
    # could be such a mark has none (an upper bound, cheaper than reading every line's shape).
    marks = [len(text) <= CARD_DATE_MAX for text in texts].count(True)
    marks += draft.roles.count("dateline") + draft.roles.count("byline")
    if marks < CARD_REPEATS:
        return
    shapes = [_card_shape(draft, i, repeated) for i in range(len(texts))]
    taken: set[int] = set()
    for period in CARD_PERIODS:
        start = draft.body_start
        for i in range(draft.body_start + period, len(texts) + 1):
            if i < len(texts) and shapes[i] is not None and shapes[i] == shapes[i - period]:
                continue
            first = max(start - period, draft.body_start)
            cycle = set(shapes[first : first + period])
            if i - first >= CARD_REPEATS * period and cycle & {"D", "R", "A"} and "T" in cycle:
                taken.update(range(first, i))
            start = i + 1
    for i in sorted(taken):
        if (
            draft.roles[i] is None
            or draft.rules[i] in CARD_PARTS
            or draft.cues[i].rule in CARD_PARTS
        ) and draft.roles[i] != "teaser":
            draft.decide(i, "teaser", "link-card")


PHOTO_TOOL_MAX = 40  # "View 3 Images", "Enlarge Image", "Expand": a photo's own button
_PHOTO_TOOL = re.compile(r"(?i)\b(?:images?|photos?|pictures?|gallery|slideshow|enlarge|expand)\b")
PHOTO_CAPTION_MAX = 250


def mark_photo_captions(draft: "Draft") -> None:
    """The line under a photo's own button ("View 3 Images", "Enlarge Image") describes that
    photo: its caption, when no rule has said what it is."""
    texts = draft.texts
    for i in range(max(draft.body_start, 1), len(texts)):
        tool = texts[i - 1]
        if (
            draft.roles[i - 1] == "furniture"
            and len(tool) <= PHOTO_TOOL_MAX
            and _PHOTO_TOOL.search(tool)
            and not any(site in tool.lower() for site in POST_PLATFORMS)  # an embedded post's
            and draft.can_caption(i)
            and draft.cues[i].kind is None
            and len(texts[i]) <= PHOTO_CAPTION_MAX
        ):
            draft.decide(i, "caption", "caption-under-photo-tool")
