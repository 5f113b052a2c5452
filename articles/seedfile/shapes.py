"""What a line looks like: names, titles, dates and credits, as the rules and passes test them."""

import re
from functools import lru_cache

from articles.seedfile.vocabulary import (
    ARABIC_NAME_PREFIXES,
    CREDIT_LABELS,
    DATE_LINE_WORDS,
    FOREIGN_DATE_WORDS,
    HEADING_WORDS,
    MINOR_WORDS,
    MONTH_NAME,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAMES,
    PHOTO_AGENCIES,
    TIME_ZONES,
    WEEKDAY_NAME,
    WEEKDAYS,
    WIRE_AGENCIES,
    longest_first,
)

CLOSERS = "\"'”’»)] "
_ARABIC_PREFIX = re.compile(rf"^(?:{'|'.join(ARABIC_NAME_PREFIXES)})[-‑]", re.IGNORECASE)


def starts_upper(word: str) -> bool:
    """Whether the first letter of `word` is a capital."""
    letter = next((ch for ch in word if ch.isalpha()), "")
    return letter.isupper()


def is_name_word(word: str) -> bool:
    """A capitalised word of letters (and ' . -); uncased scripts (Hebrew, Arabic) count too."""
    core = _ARABIC_PREFIX.sub("", word) if "-" in word or "‑" in word else word
    return (
        bool(core)
        and core[0].isalpha()
        and not core[0].islower()
        and (core.isalpha() or all(ch.isalpha() or ch in "'’.-‑" for ch in core))
    )


def is_name(name: str, max_words: int = 6) -> bool:
    """A person's or organisation's name: "Ludwig van Beethoven", "Times of India"."""
    words = name.split()
    return (
        1 <= len(words) <= max_words
        and is_name_word(words[0])
        and is_name_word(words[-1])
        and all(is_name_word(w) or w.lower() in NAME_PARTICLES for w in words)
    )


def is_name_list(text: str) -> bool:
    """Names without a sentence: "Noah Bierman and Chris Megerian", "Jane Doe, Reuters"."""
    names = re.split(r"\s*,\s*|\s+(?:and|&)\s+", text)
    first = text.split()[0].lower().strip(".,") if text.split() else ""
    return len(names) <= 6 and first not in NOT_NAMES and all(is_name(n) for n in names)


def is_bare_name(text: str, min_words: int = 2) -> bool:
    """A few capitalised words and nothing else: "Joshua Caplan", "Jane Doe, CNN"."""
    if len(text) > 40:  # before splitting: most lines are far longer
        return False
    words = text.replace(",", " ").split()
    return min_words <= len(words) <= 4 and all(map(is_name_word, words))


def is_person_name(text: str) -> bool:
    """A bare name that is no section heading: "Rebecca Hersher", not "Most Popular Stories"."""
    # A sentence may look like a name in scripts with no capitals (Hebrew, Arabic): it ends
    # in a full stop, a name does not.
    return (
        is_bare_name(text)
        and text[-1:] not in ",."
        and not any(w.lower().strip(".,") in HEADING_WORDS for w in text.split())
    )


# A sentence may end inside the seed format's own marks: "… [residents said.](https://…)",
# "… **at once.**" (writer.py writes inline links and bold so).
TRAILING_MARKS = re.compile(r"(?:\]\((?:https?://|/)[^\s()]*\)|\*+)$")


def ends_with_full_stop(text: str) -> bool:
    """Whether the line ends a sentence (closing quotes, brackets and inline marks aside)."""
    if text.endswith((")", "*")):
        text = TRAILING_MARKS.sub("", text)
    return text.rstrip(CLOSERS).endswith((".", "…"))


_HANDLE_IN = re.compile(r"(?<![\w.])@\w{2,30}")


def holds_handle(text: str) -> bool:
    """Whether the line names a social-media @handle (not an e-mail address)."""
    return "@" in text and bool(_HANDLE_IN.search(text))


def is_sentence_case(text: str, min_words: int = 3) -> bool:
    """A phrase of some words written as a sentence: capital first, a major word in lower case
    after it ("Coal is back in Wyoming"), unlike a label ("Local Business", "NATION & WORLD")."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return (
        len(words) >= min_words
        and starts_upper(words[0])
        and any(w[:1].islower() and w.lower() not in MINOR_WORDS for w in words[1:])
    )


def looks_like_title(text: str) -> bool:
    """Headline-shaped: ALL CAPS or Title Case, short, with no closing punctuation."""
    if len(text) > 160 or text.rstrip(CLOSERS)[-1:] in (".", ",", ";", ":", "…", ""):
        return False
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if text.upper() == text != text.lower():
        return len(words) >= 3
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    capitalised = sum(starts_upper(w) for w in major)
    return len(words) >= 5 and len(major) >= 4 and capitalised >= 0.85 * len(major)


# --- Dates ------------------------------------------------------------------------------------

_DATE_WORDS = longest_first(WEEKDAYS | MONTHS | FOREIGN_DATE_WORDS)
_DATE_LINE_WORDS = longest_first(DATE_LINE_WORDS)
_DATE_LABEL = re.compile(
    r"(?i:(?:first |last )?(?:published|updated|posted|modified|date)(?: on| at)?\s*:?\s*)"
)
_DATE_TOKEN = re.compile(
    rf"(?i:(?:{_DATE_WORDS})\.?|\d{{1,2}}(?:st|nd|rd|th)|\d{{1,4}}"
    r"|\d{1,2}[:.h]\d{2}(?::\d{2})?(?:am|pm|a\.m\.|p\.m\.)?|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
    rf"|am|pm|a\.m\.|p\.m\.|{TIME_ZONES}|at|on|of|the"
    r"|ago|hours?|minutes?|mins?|days?|updated|published|posted|last"
    rf"|{_DATE_LINE_WORDS}|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}},?"
    r"|[-—–|•·/])[,.:]?"
)
_DATE_ANCHOR = re.compile(
    rf"(?i:\b(?:{_DATE_WORDS})\b|\d{{1,4}}[/.\-]\d{{1,2}}[/.\-]\d{{1,4}}|\d{{1,2}}:\d{{2}}"
    r"|\d+ (?:hours?|minutes?|mins?|days?|weeks?|months?|years?) ago)"
)
_ASCII_DIGIT = re.compile(r"[0-9]")
_GLUED_SEPARATORS = "|•·/ "


@lru_cache(maxsize=1 << 16)
def _is_date_token(token: str) -> bool:
    # Cached: lines are made of a few thousand words, and the pattern tries every date word.
    return bool(_DATE_TOKEN.fullmatch(token))


_DATE_START = re.compile(rf"\s+(?=(?:updated|published|posted|{_DATE_WORDS})\b|\d)", re.I)


def is_date_line(text: str) -> bool:
    """Only a date or time: "27 Sep 2017", "Updated 10:29 AM ET, Wed Sept 27, 2017"."""
    if text.isascii() and not _ASCII_DIGIT.search(text):  # no digit, no date: a quick "no"
        return False
    label = _DATE_LABEL.match(text)
    body = text[label.end() :] if label else text
    body = body.rstrip(_GLUED_SEPARATORS)  # a page's separator left glued on: "8:54 PM UTC|"
    tokens = body.split()
    # Cheapest first: most lines fail on their first word.
    return (
        bool(tokens)
        and all(map(_is_date_token, tokens))
        and any(ch.isdigit() for ch in body)
        and bool(_DATE_ANCHOR.search(body))
    )


def without_trailing_date(names: str) -> str:
    """Names without the date some sites print after them: "Ben Hubbard Sept. 27, 2017"."""
    start = _DATE_START.search(names)
    if start and is_date_line(names[start.end() :]):
        return names[: start.start()]
    return names


# --- Credits ----------------------------------------------------------------------------------

WIRE = re.compile(rf"[(\[]?(?i:{'|'.join(WIRE_AGENCIES)})[)\]]?")
PHOTO_AGENCY = re.compile(rf"(?i:{'|'.join(PHOTO_AGENCIES)})")
_CREDIT_LABEL = rf"(?i:{'|'.join(CREDIT_LABELS)})"
LABELLED_CREDIT = re.compile(
    rf"\(?(?:[A-Z][\w.]*\s+)?{_CREDIT_LABEL}\s*(?::|\bby\b)\s*\S.{{0,80}}"
    r"|\(?(?i:image copyright|image source,?|(?:photo |image |picture )?courtesy(?: of)?"
    r"|copyright)\s+\S.{0,80}|Credit\s+[A-Z].{0,80}"
)
_SLASH = re.compile(r"\s*[/\\]\s*")
_CREDIT_PREFIX = re.compile(rf"{_CREDIT_LABEL}\b\s*(?::|,|by\b)?\s*")


_POSSESSIVE = re.compile(r"\w['’]s\s+\w")


def is_labelled_credit(text: str) -> bool:
    """ "Photo: DPA", "Image copyright Getty Images", "Courtesy of the family", "צילום: …";
    not "PHOTOS: See Lady Gaga's Amazing Body Transformation!": a credit names someone, it
    does not exclaim, ask or tell of someone's thing."""
    if not LABELLED_CREDIT.fullmatch(text):
        return False
    return not (text.rstrip(CLOSERS)[-1:] in "!?" or _POSSESSIVE.search(clean_credit(text)))


def is_copyright_credit(text: str) -> bool:
    """ "© EPA", "© 2017 Jane Doe": a short line opening with the copyright sign."""
    return text.startswith("©") and len(text.split()) <= 8


def is_slash_credit(text: str) -> bool:
    """Slash credits: "Bilal Hussein / AP", "Sarkar/AFP/Getty Images", "REUTERS/Omar Sanadiki"."""
    if len(text) > 90 or ("/" not in text and "\\" not in text):
        return False
    parts = _SLASH.split(text.strip("()[] "))
    return 2 <= len(parts) <= 4 and all(is_name(part, max_words=5) for part in parts)


def is_photo_agency(text: str) -> bool:
    """A photo agency alone, perhaps bracketed: "Getty Images", "(Shutterstock)"."""
    return bool(PHOTO_AGENCY.fullmatch(text.strip("()[] ")))


def is_bracketed_wire(text: str) -> bool:
    """A wire name in brackets, as glued to a caption: "(Reuters)"."""
    return text[:1] in "([" and bool(WIRE.fullmatch(text))


CREDIT_SHAPES = (
    is_labelled_credit,
    is_copyright_credit,
    is_slash_credit,
    is_photo_agency,
    is_bracketed_wire,
)


def is_credit(text: str) -> bool:
    """Any of the credit shapes."""
    return any(shape(text) for shape in CREDIT_SHAPES)


def clean_credit(text: str) -> str:
    """The credit a reader sees: no brackets, no "©", no "Photograph:"-style label."""
    credit = text.strip()
    if credit[:1] in "([" and credit[-1:] in ")]":
        credit = credit[1:-1].strip()
    credit = credit.lstrip("©").strip()
    label = _CREDIT_PREFIX.match(credit)
    if label and label.end() < len(credit):
        credit = credit[label.end() :]
    return credit or text


# --- Captions ---------------------------------------------------------------------------------

_CAPTION_DATE = re.compile(
    rf"(?P<comma>,?)\s+(?:{WEEKDAY_NAME},?\s+)?(?:{MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{MONTH_NAME}\s+\d{{4}})\s*\.?$"
)
# Both date patterns match at most 33 characters of a line with single spaces (", Wednesday,
# September 27, 2017 ." and "through Wednesday"), so they only need to search its end.
_DATE_TAIL = 40
# "The law took effect on Monday, August 16, 2017." is a sentence, not a caption.
_DATE_PREPOSITION = re.compile(
    rf"(?i:\b(?:on|since|until|till|by|from|before|after|of|to|through|between|and|dated"
    rf"|as of))(?:\s+{WEEKDAY_NAME})?$"
)


def may_end_caption_date(char: str) -> bool:
    """Whether a line ending in `char` can end with a caption's date (the guard of the next)."""
    return char.isdigit() or char == "." or char.isspace()


def ends_with_caption_date(text: str) -> bool:
    """Ends "… in Ankara, Turkey, August 16, 2017." but not "… took effect on August 16, 2017."."""
    # _CAPTION_DATE ends in a year, then maybe a full stop: skip the search for other lines.
    # Lines hold single spaces, so it matches no more than the last _DATE_TAIL characters.
    # Most lines end in a letter and a full stop: a quick "no" for them.
    if text[-1:] == "." and text[-2:-1].isalpha():
        return False
    if not text.rstrip().removesuffix(".").rstrip()[-1:].isdigit():
        return False
    dated = _CAPTION_DATE.search(text, max(0, len(text) - _DATE_TAIL))
    if not dated:
        return False
    before = text[: dated.start()]
    last_word = before.rsplit(" ", 1)[-1]
    # Reuters writes "in Damascus, Syria September 27, 2017": a place may stand for the comma.
    placed = dated["comma"] or (starts_upper(last_word) and last_word.lower() not in WEEKDAYS)
    return bool(placed) and not _DATE_PREPOSITION.search(before, max(0, len(before) - _DATE_TAIL))


JOB_TITLE = re.compile(
    r"(?i)\b(?:writer|reporter|correspondent|editor|columnist|contributor|producer|analyst"
    r"|bureau chief|staff|fellow|critic|photographer)\b"
)
