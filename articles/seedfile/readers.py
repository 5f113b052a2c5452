"""Reader functions: the line rules that need more than one pattern, with their patterns.

rules.py names each of them in its table; each returns a `Cue` when it recognises a line (the
table adds the rule's name) and None otherwise. Furniture readers get the line in lower case
without trailing " :,".
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from articles.seedfile import shapes
from articles.seedfile.guards import any_of
from articles.seedfile.vocabulary import BUTTON_WORDS, READER_WORDS, SITE_WORDS, UI_PHRASES

GLUED_CREDIT_MAX = 80  # longest glued credit taken


@dataclass(frozen=True)
class Cue:
    """One line read alone. `kind` is a role, "wire" (byline or credit) or None (plain text)."""

    kind: str | None = None
    rule: str = ""  # the rule that recognised it
    text: str = ""  # the block text once markers, prefixes or a glued credit are removed
    credit: str = ""  # a glued credit, or a credit line's cleaned text
    opens: str | None = None  # role for the short lines after a heading such as "Read more"


PLAIN = Cue()
Reader = Callable[[str], Cue | None]
FURNITURE = Cue("furniture")


_BUTTON_SEPARATORS = re.compile(r"[\s|•·/,]+")
_FIRST_BUTTON = re.compile(r"[\s|•·/,]*([^\s|•·/,]*)")


def read_markup_only(text: str) -> Cue | None:
    """Nothing but markup or a script: never shown to a reader."""
    return FURNITURE if not text else None


_BUTTON_INITIALS = frozenset(word[0] for word in BUTTON_WORDS)
_BUTTON_LEADERS = "|•·/,()[]"  # separators and brackets a run of buttons may open with


def may_open_button_run(char: str) -> bool:
    """Whether a line starting with `char` can be a run of buttons (the guard of read_button_run)."""
    return char in _BUTTON_INITIALS or char.isdigit() or char.isspace() or char in _BUTTON_LEADERS


# Small words that join a row's buttons ("Share on Facebook", "Pin it"), never its first word.
_BUTTON_JOINERS = frozenset(("on", "it", "via", "this", "to", "us", "item", "page", "someone"))


def _button_word(word: str) -> str:
    """A button's word without its brackets and a count glued to it ("Facebook654")."""
    word = word.strip("()[]")
    return word.rstrip("0123456789") or word


def read_button_run(lowered: str) -> Cue | None:
    """Widget labels and counters: "Twitter Facebook Google Plus", "Yes No", "Share 12",
    "Share on Facebook654 Tweet Email"."""
    # Nearly every line fails on its first word; check that before splitting the whole line.
    first = _button_word(_FIRST_BUTTON.match(lowered)[1])
    if first not in BUTTON_WORDS and not first.isdigit():
        return None
    words = [_button_word(w) for w in _BUTTON_SEPARATORS.split(lowered) if w]
    return (
        FURNITURE
        if all(w in BUTTON_WORDS or w.isdigit() or w in _BUTTON_JOINERS for w in words)
        else None
    )


# Searched in every short line: as a tree of the phrases, which is quicker (guards.any_of).
_UI_PHRASE = re.compile(any_of(UI_PHRASES))

# Glyphs of a page's controls: menus that drop down (▾), back and next arrows (⇤ ←), play
# buttons (▶). A story's text seldom holds them; a link's marker (») is read by the teaser rules.
UI_GLYPHS = "▾▴▸▶►◀◄←→⇤⇥↑↓❯❮›"
UI_GLYPH_WORDS = 4  # a control's label is this short


PLAYER_STAMP_MAX = 40
# A video's date or label with its running time glued on: "Dec. 19, 201602:46", "VIDEO3:49".
_PLAYER_STAMP = re.compile(r"(?:(?:19|20)\d\d|[A-Za-z]|\d:\d\d)\d{1,2}:\d{2}$")


def read_player_stamp(text: str) -> Cue | None:
    """A player's stamp: a date or a label with the video's running time glued to it."""
    return FURNITURE if _PLAYER_STAMP.search(text) else None


def read_ui_glyph(lowered: str) -> Cue | None:
    """A short label with a control's glyph: "More ▾", "⇤ Back", "View this image ›"."""
    if len(lowered.split()) > UI_GLYPH_WORDS or not any(g in lowered for g in UI_GLYPHS):
        return None
    return FURNITURE


def read_page_tool(lowered: str) -> Cue | None:
    """A short line naming a page tool, a share button or a notice, in any language."""
    return FURNITURE if _UI_PHRASE.search(lowered) else None


_QUOTE_MARKS = '"“”„«»‘'
# The site speaks English to its reader here: each such line holds one of these.
SITE_VOICE_WORDS = ("you", "please")
_WORD_EDGES = ".,!?:;()[]…"


def read_site_voice(lowered: str) -> Cue | None:
    """The site speaking to its reader in a sentence, outside any quotation: "Note to
    readers: if you purchase something through one of our links we may earn a commission."
    (A headline may say "we" and "you" too, but ends in no full stop.)"""
    if lowered[-1:] not in ".!" or any(mark in lowered for mark in _QUOTE_MARKS):
        return None
    if "you" not in lowered and "please" not in lowered:  # as its guard: SITE_VOICE_WORDS
        return None
    words = {word.strip(_WORD_EDGES) for word in lowered.split()}
    return FURNITURE if words & READER_WORDS and words & SITE_WORDS else None


TEASER_LABEL = re.compile(
    r"(?i:read more(?: here)?|read also|also read|read (?:the )?full (?:story|article)|see also"
    r"|more on this(?: story)?|קראו עוד|اقرأ (?:أيضا|أيضاً|المزيد))\s*[:.…»>]*"
    r"|Also on (?:[A-Z][\w'’&.-]*\s?){1,4}:?"
)
_MARKED_TEASER = re.compile(r"(?:>>|»|›)\s*(?P<a>.*?)\s*(?:>>|»|›)?|(?P<b>.*?)\s*(?:>>|»)")
# _MARKED_TEASER opens with one of the first or ends with one of the second.
OPENING_MARKERS = (">>", "»", "›")
CLOSING_MARKERS = (">>", "»")
MARKER_CHARS = (">", "»", "›")  # a marked link holds one of these
_TEASER_PREFIX = re.compile(
    r"(?i:read more|read also|also read|more reading|(?:for more,? )?read|related(?: articles?| stor(?:y|ies)"
    r"| content| coverage| news)?|קראו (?:עוד|גם)|اقرأ (?:أيضا|أيضاً|المزيد)"
    r"|see also|also see|(?-i:Also on [^:]{1,40})|more(?: on this"
    r"(?: story)?)?|watch(?: now)?|listen|don['’]?t miss|recommended|must read)"
    r"\s*[:|]\s*(?P<title>\S.*)"
)


LINK_HEADING_MAX = 90  # the heading's first words and at most 70 characters more
LINK_HEADING = re.compile(
    r"(?i:more|read|see|also|auch|mehr|à lire|lire|discover|explore|before you go|forum)\b.{0,70}"
)


def read_link_heading(text: str) -> Cue | None:
    """A heading over links, in a site's own words: "More Alabama news", "À lire aussi :",
    "Read More Stories About:", "See photos from this story:"; the lines under it are links."""
    if len(text) > LINK_HEADING_MAX or not LINK_HEADING.fullmatch(text):
        return None
    words = len(text.split())
    if words > 10 or ends_with_sentence(text):
        return None
    if text.rstrip(" .…")[-1:] == ":" or words <= 4:
        return Cue("teaser", text="", opens="teaser")
    return None


INVITATION_WORDS = 12
# Telling the reader to go and read, see or watch something: a verb, then what it is.
INVITATION = re.compile(
    r"(?i:read|see|watch|check out|explore|browse|listen to|discover)"
    r"\s+(?i:the full|the rest|the latest|more|all|our|these|his|her|their|other)\b.*"
    r"|(?i:view (?:all|more) (?:posts|stories|articles)) by .*"
)


def read_invitation(text: str) -> Cue | None:
    """The reader sent elsewhere: "Read the full transcript of his interview", "Check out more
    articles on BuzzFeed.com!", "See our gallery of the winners"."""
    if not text[:1].isupper() or text.count(" ") >= INVITATION_WORDS:
        return None
    if not INVITATION.fullmatch(text):
        return None
    if text.endswith(":"):
        return Cue("teaser", text="", opens="teaser")
    return None if ends_with_sentence(text) and "," in text else Cue("teaser")


def ends_with_sentence(text: str) -> bool:
    return shapes.ends_with_full_stop(text) and not text.endswith(("...", "…"))


def read_teaser_label(text: str) -> Cue | None:
    """A bare link label ("Read more", "See also:", "Also on Haaretz:"): the lines under it are links."""
    return Cue("teaser", text="", opens="teaser") if TEASER_LABEL.fullmatch(text) else None


def read_marked_teaser(text: str) -> Cue | None:
    """A link between markers: ">> Title >>", "Title »"."""
    # «…» is a quotation in many languages, not a link marker. The marker test is cheap, the
    # lazy match is not.
    if (
        "«" not in text
        and (text.startswith(OPENING_MARKERS) or text.endswith(CLOSING_MARKERS))
        and (marked := _MARKED_TEASER.fullmatch(text))
    ):
        return Cue("teaser", text=marked["a"] if marked["a"] is not None else marked["b"])
    return None


def read_labelled_teaser(text: str) -> Cue | None:
    """A label, then the linked title: "READ MORE: Title", "Related: Title"."""
    if (":" in text or "|" in text) and (prefixed := _TEASER_PREFIX.fullmatch(text)):
        return Cue("teaser", text=prefixed["title"].strip(" »>"))
    return None


_BY = re.compile(
    r"(?i:(?:words|written|story|text|reported|posted) )?(?i:by:?|par|von|por|un texte de|מאת|بقلم)"
    r"\s+(?P<names>.+)"
)
# How _BY and _DASH_BYLINE open: a quick test before splitting off a " | …" tail.
SIGNED_START = re.compile(
    r"(?i:by:?|par|von|por|un|מאת|بقلم|words|written|story|text|reported|posted)\s|[—–]|--"
)
_DASH_BYLINE = re.compile(r"(?:[—–]|--)\s*(?P<names>.+)")
_BYLINE_TAIL = re.compile(r"\s+[|•·/]\s+")  # "By Jane Doe | Staff", "… / Staff Writers"
CONTRIBUTORS = re.compile(
    r"\(?(?i:(?:additional |editing and )?(?:reporting|writing|editing|compiled|research)"
    r"(?: and (?:writing|editing|reporting))? by|contributing:|source:)\s+\S.{0,80}"
)
_EMAIL = re.compile(r"(?i:(?:e-?mail|contact)\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?i:twitter:?\s*)?@\w{1,30}")

BYLINE = Cue("byline")
PARAGRAPH = Cue("paragraph")


def read_signed_byline(text: str) -> Cue | None:
    """ "By" (or "Words by", "מאת", "بقلم") or a dash, then names, maybe a date or " | …"."""
    # Only a line opening with "By" (or "Words by", …) or a dash can be signed.
    if not SIGNED_START.match(text):
        return None
    names = _BYLINE_TAIL.split(text, maxsplit=1)[0]
    signed = _BY.fullmatch(names) or _DASH_BYLINE.fullmatch(names)
    if signed and shapes.is_name_list(shapes.without_trailing_date(signed["names"])):
        return BYLINE
    return None


POST_ATTRIBUTION = re.compile(r"[—–-]\s*.{1,60}\(@\w{1,30}\)\s+\S.{0,40}")
_CONTRIBUTED = re.compile(
    r".{3,160}\bcontributed(?: reporting)?(?: to)?(?: this| the)?(?: report| story| article)?\.?"
)
_BIO_NAME = r"[A-Z][\w.'’-]+ (?:(?:[A-Z][\w.'’-]+|de|di|da|del|van|von|le|la|du|al|bin) ){0,4}"
AUTHOR_BIO = re.compile(
    rf"{_BIO_NAME}(?:(?:is|writes|covers)\b.{{0,160}}\b(?i:writer|reporter|correspondent"
    r"|editor|columnist|contributor|producer|journalist|critic|anchor|fellow)s?\b"
    r"|writes\b.{0,160}\bfor (?:the )?[A-Z]|is on (?:Twitter|Instagram|Facebook|Threads)\b"
    r"|covers [a-z]+(?:,| and)\b).*"
)
CONTACT_LINE_MAX = 150
CONTACT_MARKS = ("|", "·", "•", ":")  # a contact line holds one within its first 42 characters
_CONTACT_MARK = re.compile(f"[{''.join(CONTACT_MARKS)}]")
_CONTACT_SPLIT = re.compile(r"\s+[|·•]\s+|:\s+|\s+[|·•]|\|")


def read_post_attribution(text: str) -> Cue | None:
    """An embedded social post's sign-off, "— Name (@handle) May 2, 2021": part of the text."""
    return PARAGRAPH if "(@" in text and POST_ATTRIBUTION.fullmatch(text) else None


def read_contributed(text: str) -> Cue | None:
    """ "X and Y contributed to this report.": the story's other authors."""
    return BYLINE if "contributed" in text and _CONTRIBUTED.fullmatch(text) else None


def read_author_bio(text: str) -> Cue | None:
    """ "Jane Doe is a reporter for …": the author's note under a story."""
    # The verb follows a name of at most three words: look for it first, near the start.
    head = text[:70]
    if " is " not in head and " writes " not in head and " covers " not in head:
        return None
    return BYLINE if AUTHOR_BIO.match(text) else None


def read_name_with_contact(text: str) -> Cue | None:
    """A name, then its contact or date: "Mike Cason | mcason@al.com", "Pete Evans · CBC News"."""
    # A name holds at most 40 characters, so its separator comes within the first 42; and a
    # contact line is short (a longer one is a post or a quote that opens with a name).
    if len(text) > CONTACT_LINE_MAX or not _CONTACT_MARK.search(text, 0, 42):
        return None
    parts = _CONTACT_SPLIT.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    if shapes.is_date_line(parts[0]) and shapes.is_bare_name(parts[1]):
        return BYLINE  # the date first: "October 14, 2009|Marc Lifsher"
    if not shapes.is_bare_name(parts[0]):
        return None
    # "Name: …" is also how a quote or a headline opens: then only an address or a date.
    contact = "@" in parts[1] or any(ch.isdigit() for ch in parts[1])
    return BYLINE if contact or ":" not in text[: len(parts[0]) + 2] else None


BYLINE_LABEL = re.compile(r"(?i:by|authors?|written by|par|von|de|por)\s*:?")


def read_byline_label(text: str) -> Cue | None:
    """ "By" or "Author:" alone: the name is on the next line."""
    return Cue("byline", opens="byline") if BYLINE_LABEL.fullmatch(text) else None


def read_contributors(text: str) -> Cue | None:
    """ "Reporting by …; Editing by …", "Contributing: …"."""
    return BYLINE if CONTRIBUTORS.fullmatch(text) else None


def read_email(text: str) -> Cue | None:
    """The author's e-mail address alone."""
    return BYLINE if "@" in text and _EMAIL.fullmatch(text) else None


def read_handle(text: str) -> Cue | None:
    """The author's @handle alone."""
    return BYLINE if "@" in text and _HANDLE.fullmatch(text) else None


def read_wire(text: str) -> Cue | None:
    """A wire name alone: a byline or a credit, by where it stands (passes.py)."""
    return Cue("wire", credit=shapes.clean_credit(text)) if shapes.WIRE.fullmatch(text) else None


_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]+"
_DATELINE_HEAD = (
    rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){{0,3}})?"
)
_AGENCY = r"\([A-Za-z][\w.&' ]{0,25}\)"
_DASH = r"(?:[—–]|--?)"
OWN_DATELINE = re.compile(rf"{_DATELINE_HEAD}\s*(?:{_AGENCY}\s*{_DASH}?|{_DASH})")
GLUED_DATELINE = re.compile(rf"{_DATELINE_HEAD}\s*(?:{_AGENCY}\s*)?{_DASH}\s+\S")
DATELINE = Cue("dateline")


def read_place_dateline(text: str) -> Cue | None:
    """Only a place and a dash or agency: "BEIRUT (Reuters) -", "WASHINGTON —"."""
    return DATELINE if OWN_DATELINE.fullmatch(text) else None


# Where a page glued a date's parts to each other or to a label: "Yahoo FinanceOctober 13",
# "20 Apr 2026Updated 12:44", "PM ESTUpdated"; and brackets around "(Updated 11:54 am)".
_DATE_GLUE = re.compile(r"(?<=[a-z0-9])(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[A-Z][a-z])")
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def read_date_only(text: str) -> Cue | None:
    """Only a date or time, maybe labelled: "Updated 10:29 AM ET, Wed September 27, 2017",
    "12:43, 20 Apr 2026Updated 12:44, 20 Apr 2026", "2025-03-29T11:36:01Z"."""
    if shapes.is_date_line(text) or _ISO_TIME.fullmatch(text):
        return DATELINE
    if not any(ch.isdigit() for ch in text):
        return None
    unglued = _DATE_GLUE.sub(" ", text.replace("(", " ").replace(")", " "))
    return DATELINE if unglued != text and shapes.is_date_line(unglued) else None


def glued(
    start_at: Callable[[str], int | None],
    pattern: str,
    shape: Callable[[str], bool] = shapes.is_credit,
) -> Reader:
    """A reader for a caption with a credit glued to it. The caption is the pattern's "caption"
    group, else whatever precedes its "credit"; `start_at` says where to start searching, or
    None when a cheap test shows the search cannot succeed."""
    compiled = re.compile(pattern)
    named_caption = "caption" in compiled.groupindex

    def read(text: str) -> Cue | None:
        if (start := start_at(text)) is None or not (found := compiled.search(text, start)):
            return None
        # The credit's tests first: most lines' last words are no credit.
        credit = found["credit"]
        if len(credit) > GLUED_CREDIT_MAX or not shape(credit):
            return None
        caption = (found["caption"] if named_caption else text[: found.start("credit")]).strip()
        return (
            Cue("caption", text=caption, credit=shapes.clean_credit(credit))
            if " " in caption
            else None
        )

    return read


def is_name_credit(text: str) -> bool:
    """A photographer's name alone, or an agency's in capitals ("USATSI"), as a caption ends."""
    return shapes.is_person_name(text) or (text.isupper() and text.isalpha() and len(text) >= 4)


def read_caption_then_name(text: str) -> Cue | None:
    """A caption, then its photographer's name after the last full stop: "Roma Jayne underwent
    surgery in 2023. Emma Roma Jayne" (a headline in Title Case is not a caption)."""
    stop = text.rfind(". ")
    if stop < 0 or not is_name_credit(credit := text[stop + 2 :].strip()):
        return None
    caption = text[: stop + 1]
    if " " not in caption or shapes.looks_like_title(caption.rstrip(".")):
        return None
    return Cue("caption", text=caption, credit=credit)


def after_last_sentence_break(text: str) -> int:
    """Where a credit glued after the last sentence can start."""
    # No match can cover a "!", "?" or ". ", so none starts before the last of them.
    return max(text.rfind("!"), text.rfind("?"), text.rfind(". "), 0)


def credit_when(shape: Callable[[str], bool]) -> Reader:
    """A reader giving a credit (cleaned for display) to the lines of that shape."""

    def read(text: str) -> Cue | None:
        return Cue("credit", credit=shapes.clean_credit(text)) if shape(text) else None

    return read


CAPTION_OPENER = re.compile(
    r"FILE(?: PHOTO)?\s*[-–—:]|(?i:file photo)\s*[:,\-–—]"
    r"|In this (?:[\w’'\-]+,?\s+){0,8}?(?:photo|image|picture|file photo|handout|screenshot"
    r"|video|frame grab|still)\b"
    r"|(?:This|The|A) (?:undated |handout |file |combination |composite |video )*(?:photo(?:graph)?|image"
    r"|picture|screenshot|grab|still) (?:provided|released|taken|made|shows?|obtained|posted"
    r"|distributed|from)\b"
    r"|(?:Pictured|Above|Top|Main (?:photo|image|picture))\s*:"
)
CAPTION_LABEL = re.compile(r"(?i:image caption|media caption|photo caption|caption)\s*[:,]?\s+")
_REUTERS_CAPTION = re.compile(r"\bPicture taken\b|\bREUTERS/")


def read_caption_label(text: str) -> Cue | None:
    """ "Image caption …", "Caption: …": the caption is the text after the label."""
    label = CAPTION_LABEL.match(text)
    return Cue("caption", text=text[label.end() :]) if label else None


def caption_when(test: Callable[[str], object]) -> Reader:
    """A reader giving a caption to the lines that pass `test`."""

    def read(text: str) -> Cue | None:
        return Cue("caption", text=text) if test(text) else None

    return read


def is_caption_opener(text: str) -> bool:
    """ "FILE - …", "In this photo …", "This handout picture released …", "Pictured: …"."""
    return bool(CAPTION_OPENER.match(text))


# Where the people in a photo stand: "Jane Doe, left, and …", "(centre)", "from left".
# In lower case, as captions write them, and with no "\b": a pattern whose matches can start
# with only a few characters is searched quickly.
_POSITIONS = re.compile(
    r", (?:left|right|cent(?:er|re)|second (?:left|right)|far (?:left|right)),"
    r"|\((?:left|right|cent(?:er|re)|l-r|r-l|top|bottom|front|back)\)"
    r"|from (?:left|right)[,:]|L-R"
)
QUOTES_IN_TEXT = '"“”'


def names_positions(text: str) -> bool:
    """A photo's description places its people ("Jane Doe, left, and John Smith walk …");
    a story's sentence with a quotation in it does not."""
    return bool(_POSITIONS.search(text)) and not any(q in text for q in QUOTES_IN_TEXT)


def is_reuters_caption(text: str) -> bool:
    """Reuters' caption marks: "Picture taken …", "REUTERS/Name"."""
    return ("Picture taken" in text or "REUTERS/" in text) and bool(_REUTERS_CAPTION.search(text))
