"""Context passes of the page's header: the standfirst, the names and roles under the headline,
and scraps between the headline and the story.

Part of the passes of passes.py (which runs them in the order of its PASSES, and names them in
pass_rules.py); kept apart so that each module stays short. They read a `Draft` (passes.py).
"""

import re
from typing import TYPE_CHECKING

from articles.seedfile.page_passes import PARAGRAPH_CHARS
from articles.seedfile.readers import GLUED_DATELINE
from articles.seedfile.shapes import (
    CLOSERS,
    JOB_TITLE,
    ends_with_full_stop,
    is_bare_name,
    is_name_list,
    is_person_name,
    looks_like_title,
    without_trailing_date,
)

if TYPE_CHECKING:
    from articles.seedfile.passes import Draft

HEADER_ROLES = ("headline", "dek", "byline", "dateline")


DEK_HEADER_REACH = 3  # lines below a dek that may hold the byline or dateline
DEK_WORDS = 4  # a summary says something: a shorter line under the headline is a label


def mark_dek(draft: "Draft") -> None:
    """The first line after the headline, when it reads as a summary and leaves a body."""
    if draft.headline_missing:
        return
    after = [i for i in range(draft.head + 1, len(draft.texts)) if draft.roles[i] != "furniture"]
    if not after or not draft.plain(after[0]):
        return
    candidate, text = after[0], draft.texts[after[0]]
    if (
        len(text) > 320
        or GLUED_DATELINE.match(text)
        or text.rstrip(CLOSERS)[-1:] in (",", ";", ":")
    ):
        return
    if names_its_author(text):  # "Joshua Caplan" under the headline is an author, not a dek
        draft.decide(candidate, "byline", "author-under-headline")
        return
    if len(text.split()) < DEK_WORDS:  # "Europe", "Style": the page's section, not a summary
        return
    # A sentence is a dek only above the rest of a header: a byline or dateline close below.
    # A wire name counts only right below: further down it is a photo's credit.
    header_below = {draft.cues[i].kind for i in after[1 : 1 + DEK_HEADER_REACH]}
    next_kind = draft.cues[after[1]].kind if len(after) > 1 else None
    if ends_with_full_stop(text) and not (
        header_below & {"byline", "dateline"} or next_kind == "wire"
    ):
        return
    # Taking the dek must leave a body: some later line that will be a paragraph.
    if any(draft.plain(i) and not looks_like_title(draft.texts[i]) for i in after[1:]):
        draft.decide(candidate, "dek", "dek-summary")


_GLUED_DATE = re.compile(
    r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d|\d)"
)
_ROLE_DASH = re.compile(r"\s+[-–—]\s+")
ROLE_WORDS = 6


def names_its_author(text: str) -> bool:
    """Under the headline, a line of names and perhaps the date or the writer's role: "Joshua
    Caplan", "Jane Doe and John Smith", "Jane Doe, The Associated Press", "Jane DoeMay 3,
    2017", "Jane Doe Published 3:00 AM EDT Jun 5, 2017", "Jane Doe - Special to the Chronicle"."""
    if is_bare_name(text):
        return True
    if len(text) > 120 or ends_with_full_stop(text):
        return False
    # Names, a date and a role hold few words in lower case; a summary holds many.
    if sum(word[:1].islower() for word in text.split()) > ROLE_WORDS // 2:
        return False
    names = without_trailing_date(_GLUED_DATE.sub(" ", text))
    if is_name_list(names) and any(is_person_name(n) for n in _NAME_SPLIT.split(names)):
        return True
    parts = _ROLE_DASH.split(text, maxsplit=1)
    return len(parts) == 2 and is_person_name(parts[0]) and len(parts[1].split()) <= ROLE_WORDS


_NAME_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")


BYLINE_MORE_MAX = 60
HEADER_LINES = 8  # lines under the headline that may still be its header


def extend_bylines(draft: "Draft") -> None:
    """Names under the header ("Anushka Asthana in Brussels") or a byline ("Los Angeles Times",
    "NEW YORK DAILY NEWS", "BuzzFeed UK News Fellow"), page tools between them aside."""
    for i in range(1, len(draft.texts)):
        text = draft.texts[i]
        if len(text) > BYLINE_MORE_MAX or not draft.plain(i) or ends_with_full_stop(text):
            continue
        above = i - 1
        # In the header, a page tool may stand between ("Email Bio Follow"); not in the tail.
        if i <= draft.body_start + HEADER_LINES and draft.roles[above] == "furniture":
            above -= 1
        if draft.roles[above] not in HEADER_ROLES:
            continue
        named = (is_name_list(text) and not is_section_name(text)) or JOB_TITLE.search(text)
        outlet = draft.roles[above] == "byline" and _is_outlet(text)
        if named or outlet:
            draft.decide(i, "byline", "byline-continued")


def _is_outlet(text: str) -> bool:
    """A publication's name in capitals under its writer's: "NEW YORK DAILY NEWS"."""
    words = text.split()
    return 2 <= len(words) <= 5 and text.upper() == text != text.lower()


def is_section_name(text: str) -> bool:
    """One word ("Nation", "EXCLUSIVE"), or a heading's words ("Local Business")."""
    return len(text.split()) < 2 or (not is_person_name(text) and is_bare_name(text))


def first_paragraph(draft: "Draft") -> int:
    """The index of the story's first long line of text: above it is the page's header."""
    return next(
        (
            i
            for i in range(draft.body_start, len(draft.texts))
            if (draft.plain(i) or draft.roles[i] == "paragraph")
            and len(draft.texts[i]) >= PARAGRAPH_CHARS
        ),
        draft.body_start,
    )


HEAD_SCRAP_WORDS = 3


def mark_head_scraps(draft: "Draft") -> None:
    """Between the headline and the story's first paragraph, a scrap of a word or three that
    no rule knows ("EXCLUSIVE", "Expand", "> Life") is the page's: the header's names, dates
    and standfirst are decided by now, and the story has not begun."""
    for i in range(draft.body_start, first_paragraph(draft)):
        text = draft.texts[i]
        if (
            draft.plain(i)
            and len(text.split()) <= HEAD_SCRAP_WORDS
            and not ends_with_full_stop(text)
            and not is_person_name(text)
        ):
            draft.decide(i, "furniture", "head-scrap")


# "By" and a capitalised word: a signature, whatever the page glued after the names.
_SIGNED = re.compile(r"(?i:by)\s+[^\W\d_a-z]")
SIGNED_HEADER_MAX = 160  # an author's biography in the header is longer


def mark_header_signatures(draft: "Draft") -> None:
    """In the header, a line opening "By Name" is the byline even when the page glued a date,
    counts or tags to the names ("by Lucas Nolan22 Dec 2016651", "By Euronews with Agencies",
    "By TPN, in News, Portugal · 31 Jan 2025"), which the line rule's clean name list refuses;
    decided before the photo passes, which would take it for a caption over its credit."""
    start = draft.body_start
    header = range(start, min(len(draft.texts), start + HEADER_LINES))
    # Most pages sign otherwise: look for "By" before finding where the story starts.
    if not any(draft.texts[i][:2] in ("By", "by", "BY") for i in header):
        return
    for i in range(start, min(first_paragraph(draft), header.stop)):
        text = draft.texts[i]
        if (
            draft.roles[i] is None
            and draft.cues[i].kind in (None, "caption", "teaser")
            and len(text) <= SIGNED_HEADER_MAX
            and _SIGNED.match(text)
        ):
            draft.decide(i, "byline", "signed-header")
