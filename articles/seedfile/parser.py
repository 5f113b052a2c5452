"""Read scraped news "seed" files into a headline, a dek and typed body blocks.

Only the standard library: text (or bytes) in, frozen dataclasses out. The loader
(articles/importing/store.py) stores the result; `SeedError` is the one rejection, a plain-English
sentence with the line to blame when there is one.

Every non-blank source line gets exactly one role from ROLES. Lines are never joined or split:
each becomes its own block, except that a credit line joins the caption it belongs to. Nothing
is lost: `ParsedArticle.source_texts()` rebuilds every non-blank line from the structured fields.

Rules (tests/test_seedparser.py names at least one test after each):

1. Limits: a file over MAX_FILE_BYTES or MAX_FILE_LINES lines, or with a line over
   MAX_LINE_CHARS characters, is rejected; the message names the line.
2. Binary files: an empty file, NUL bytes, a known binary signature (PNG, JPEG, GIF, PDF, ZIP,
   gzip, ELF) or more than 1 character in 20 being a control character is rejected.
3. Encoding: UTF-8 with its BOM stripped; otherwise Windows-1252, then Latin-1, each with a
   warning. CRLF and lone CR become LF, so line numbers are those an editor shows.
4. Whitespace: each line is normalised (Unicode spaces, tabs and control characters become one
   space; zero-width spaces, word joiners, BOMs and soft hyphens vanish; ends are stripped).
   Blank lines only separate. A file with nothing but whitespace is rejected.
5. HTML: markup is not rejected; it is kept verbatim, with a warning. Roles are judged on what
   a browser would show: a line of only tags or a script is furniture.
6. Furniture: page chrome a reader should never see: "Advertisement", "Story continues below",
   runs of share buttons ("Twitter Facebook Google Plus", "Email", "Print"), poll buttons
   ("Yes", "No"), newsletter and app prompts, reprint and copyright notices, "Comments",
   "Related Topics" and the short topic names under it, a bare "Image copyright" or "Image
   caption" (the line under the latter is a caption), counters, lines of punctuation only
   ("___"). It may come before the headline.
7. Headline: the first line that is not furniture. An article needs at least one paragraph
   after it.
8. Dek: the first non-furniture line after the headline when no other rule claims it (nor rule
   12 through a credit below it), at most 320 characters, not opening with a dateline, not
   ending in "," ";" or ":", leaves at least one paragraph, and either does not end in a full
   stop or is followed by a byline or dateline. A bare name there ("Joshua Caplan") is a byline.
9. Byline: "By" (or "by", "Words by", "מאת", "بقلم") then names of capitalised words joined by
   ",", "and" or "&", optionally followed by a date or " | anything"; "— Names"; "Reporting
   by …; Editing by …"; a lone e-mail address or @handle; short name-like lines or job titles
   directly under a byline ("Los Angeles Times"). A wire name alone ("ASSOCIATED PRESS",
   "Reuters") is a byline in the header and after the last line of text, else a credit.
   "By late evening, …" and "By 2030 the …" stay paragraphs: name words are capitalised,
   carry no digits, and a sentence's commas split it into non-names.
10. Dateline: a line that is only "PLACE —", "PLACE (Agency) -", "PLACE, Sept 27 (Agency) -",
   or only a date or time ("Updated 10:29 AM ET, Wed September 27, 2017"). A dateline glued to
   a paragraph leaves that line a paragraph and `dateline` empty, because header fields keep
   the exact text of their lines.
11. Credit: "Photo: DPA", "Photograph: …", "Credit: …", "Image copyright …", "Courtesy of …",
   "© EPA", "(Reuters photo: …)", "צילום: …", "تصوير: …", slash forms "Bilal Hussein / AP" and
   "AFP/Getty Images", a photo agency alone ("Getty Images"), a wire name in the body, or a
   bare name ("Emil Salman") under a line shaped like a caption. Glued to a caption, also
   "Credit Name" (NYT) and a bracketed wire name ("… the anthem. (Reuters)"). A credit belongs to the line
   above it, else to a caption directly below (BBC order); alone, it becomes a caption block
   with empty text. `Block.credit` drops the label, brackets and "©" ("Getty Images").
12. Caption: a line directly above a credit; a line with a credit glued to it
   ("… in 1975. Photograph: Getty Images", "(AP Photo/Rahmat Gul)", "[Name/Reuters]",
   "… 2017. REUTERS/Name", "© EPA Pope Francis's trip …"); a line ending in a place and a
   date (", August 16, 2017" or "Syria September 27, 2017", not after "on", "since", …); a
   caption opener ("FILE -", "In this photo …", "Image caption", "Picture taken").
13. Teaser: ">> Title >>", "Title »", "READ MORE: Title", "Also read:", "Related:", "See also:",
   "Also on Site:", "Watch:", "קראו עוד:", "اقرأ أيضا:"; a bare "Read more" (empty title);
   short unpunctuated lines right under such a label or a "Related stories" heading; lines
   shaped like headlines: Title Case (5+ words, 85% of major words capitalised) or ALL CAPS
   (3+ words), without closing punctuation. «Guillemet quotes» are not link markers.
14. Paragraph: everything else.
"""

import codecs
import re
from dataclasses import dataclass

ROLES = (
    "headline",
    "dek",
    "byline",
    "dateline",
    "paragraph",
    "caption",
    "credit",
    "teaser",
    "furniture",
)
MAX_FILE_BYTES = 2_000_000
MAX_LINE_CHARS = 20_000
# Room for an article of the most blocks the site keeps (articles.models.MAX_BLOCKS), with
# the blank lines between them and page furniture.
MAX_FILE_LINES = 800

_HEADER_ROLES = ("headline", "dek", "byline", "dateline")


class SeedError(ValueError):
    """A file the importer refuses, explained in one plain-English sentence."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Line:
    """One non-blank source line (1-based number), whitespace-normalised, with its role."""

    number: int
    text: str
    role: str


@dataclass(frozen=True)
class Block:
    """A body unit: paragraph, caption (with its credit), teaser or furniture.

    `text` is what a reader sees (a caption without its credit, a teaser without its markers);
    `source` keeps the normalised text of each of `lines`, so stripping never loses anything.
    """

    kind: str
    text: str
    credit: str = ""
    lines: tuple[int, ...] = ()
    source: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedArticle:
    """A parsed seed file. Header fields hold the exact text of their lines, "\\n"-joined."""

    headline: str
    dek: str
    byline: str
    dateline: str
    blocks: tuple[Block, ...]
    lines: tuple[Line, ...]
    warnings: tuple[str, ...] = ()

    def without_lines(self) -> "ParsedArticle":
        """The article without its source lines (`lines`, and each block's `lines` and
        `source`): all an import stores, and a third as much to send between processes."""
        blocks = tuple(Block(b.kind, b.text, b.credit) for b in self.blocks)
        header = (self.headline, self.dek, self.byline, self.dateline)
        return ParsedArticle(*header, blocks, (), self.warnings)

    def __reduce__(self):
        # The importer's second process pickles every parsed file back: as plain tuples,
        # an article loads in about 80 µs instead of 190 µs field by field (issue 6).
        blocks = tuple((b.kind, b.text, b.credit, b.lines, b.source) for b in self.blocks)
        lines = tuple((line.number, line.text, line.role) for line in self.lines)
        header = (self.headline, self.dek, self.byline, self.dateline)
        return (_unpickle_article, (*header, blocks, lines, self.warnings))

    def source_texts(self) -> list[str]:
        """Every non-blank line's text, in source order, rebuilt from the structured fields."""
        body = {
            n: text
            for block in self.blocks
            for n, text in zip(block.lines, block.source, strict=True)
        }
        header = {
            "headline": iter([self.headline]),
            "dek": iter([self.dek]),
            "byline": iter(self.byline.split("\n")),
            "dateline": iter(self.dateline.split("\n")),
        }
        return [
            next(header[line.role]) if line.role in header else body[line.number]
            for line in self.lines
        ]


def _unpickle_article(headline, dek, byline, dateline, blocks, lines, warnings) -> ParsedArticle:
    return ParsedArticle(
        headline,
        dek,
        byline,
        dateline,
        tuple(Block(*block) for block in blocks),
        tuple(Line(*line) for line in lines),
        warnings,
    )


# --- Decoding ------------------------------------------------------------------------------

_BINARY_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or Excel file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
# Tab, LF, VT, FF and CR are legitimate in text; the other C0/C1 controls are not.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ZERO_WIDTH_CHARS = "\u00ad\u200b\u2060\ufeff"
_ZERO_WIDTH = dict.fromkeys(map(ord, _ZERO_WIDTH_CHARS))
_HTML = re.compile(
    r"<\s*/?\s*(?:script|style|iframe|p|div|span|a|br|img|html|body|head|table|ul|ol|li|"
    r"h[1-6]|strong|em|figure|figcaption|section|article|meta|link|noscript)\b[^<>]*>",
    re.IGNORECASE,
)
_SCRIPT = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Turn a file's bytes into LF-separated text plus warnings; raise SeedError if not text."""
    _check_bytes(data)
    text, warnings = _decode_text(data.removeprefix(codecs.BOM_UTF8))
    text = _normalise_newlines(text)
    _check_control_characters(text)
    _check_text(text)
    return text, warnings


def parse(text: str) -> ParsedArticle:
    """Parse an article's text; raise SeedError for text that is not an article."""
    text = _normalise_newlines(text)
    _check_text(text)
    return _parse_text(text, [])


def parse_bytes(data: bytes) -> ParsedArticle:
    """Decode and parse a file's bytes, keeping the decoder's warnings."""
    text, warnings = decode(data)
    return _parse_text(text, warnings)


def normalise_whitespace(s: str) -> str:
    """Collapse every run of Unicode whitespace or control characters to one space, and strip."""
    s = _CONTROL_CHARS.sub(" ", s)
    if any(ch in s for ch in _ZERO_WIDTH_CHARS):  # `str.translate` is slow: only when needed
        s = s.translate(_ZERO_WIDTH)
    return " ".join(s.split())


def _normalised_lines(text: str) -> list[str]:
    """`normalise_whitespace` of each line of an LF-separated text, blank ones included."""
    # Most lines are printable (so hold no control, zero-width or unusual space character) and
    # single-spaced already: keep those as they are instead of splitting them into words.
    return [
        raw
        if raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " "
        else normalise_whitespace(raw)
        for raw in text.split("\n")
    ]


def _check_bytes(data: bytes) -> None:
    if not data:
        raise SeedError("the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise SeedError(f"the file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise SeedError(f"the file looks like {what}, not text")
    if (nul := data.find(b"\x00")) >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise SeedError(f"line {line} contains NUL bytes — is it a binary file?", line=line)


def _decode_text(data: bytes) -> tuple[str, list[str]]:
    # Scrapers that are not UTF-8 are nearly always Windows-1252; Latin-1 decodes anything.
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["not valid UTF-8; read as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["not valid UTF-8 or Windows-1252; read as Latin-1"]


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_control_characters(text: str) -> None:
    if text.replace("\n", "").isprintable():  # the usual case, and quicker than counting
        return
    count = len(_CONTROL_CHARS.findall(text))
    if count * 20 > len(text):
        raise SeedError(
            f"the file looks binary: {count:,} of its {len(text):,} characters "
            "are control characters"
        )


def _check_text(text: str) -> None:
    if not text:
        raise SeedError("the file is empty")
    if len(text) > MAX_FILE_BYTES:
        raise SeedError(
            f"the text is {len(text):,} characters long; the limit is {MAX_FILE_BYTES:,}"
        )
    if (lines := text.count("\n") + (not text.endswith("\n"))) > MAX_FILE_LINES:
        raise SeedError(f"the file has {lines:,} lines; the limit is {MAX_FILE_LINES:,}")
    # No line can be too long in a text that is not (the usual case: skip splitting it).
    if len(text) > MAX_LINE_CHARS:
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > MAX_LINE_CHARS:
                raise SeedError(
                    f"line {number} is {len(line):,} characters long; "
                    f"the limit is {MAX_LINE_CHARS:,}",
                    line=number,
                )
    # A printable character (so no control or zero-width one) after the leading whitespace
    # settles it without normalising the whole file.
    first = text.lstrip()[:1]
    if not (first and first.isprintable()) and not normalise_whitespace(text):
        raise SeedError("the file contains only whitespace")


# --- Words -----------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CLOSERS = "\"'”’»)] "
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
# Capitalised words that follow "By" in sentences ("By Monday, …", "By Then"), never in names.
_NOT_NAMES = (
    _WEEKDAYS
    | _MONTHS
    | _words(
        "then now far contrast comparison law day night noon midnight morning afternoon evening "
        "tonight tomorrow today yesterday early late next last this that these those some most "
        "many all design default nature chance accident way"
    )
)
# Lower-case words allowed inside a name or organisation ("Ludwig van Beethoven", "Times of
# India", "Special to CNN").
_NAME_PARTICLES = _words(
    "de da di del della der den van von la le du dos das bin ibn al el ter ten y "
    "of for at the in on via to staff"
)
_MINOR_WORDS = _words(
    "a an and as at but by for from in into of on onto or nor over per the to up via vs vs. with"
)
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|bin|abu|abd)[-‑]", re.IGNORECASE)


def _starts_upper(word: str) -> bool:
    letter = next((ch for ch in word if ch.isalpha()), "")
    return letter.isupper()


def _is_name_word(word: str) -> bool:
    # Uncased scripts (Hebrew, Arabic) count as capitalised: they have no lower case to avoid.
    core = _ARABIC_PREFIX.sub("", word) if "-" in word or "‑" in word else word
    return (
        bool(core)
        and core[0].isalpha()
        and not core[0].islower()
        and (core.isalpha() or all(ch.isalpha() or ch in "'’.-‑" for ch in core))
    )


def _is_name(name: str, max_words: int = 6) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= max_words
        and _is_name_word(words[0])
        and _is_name_word(words[-1])
        and all(_is_name_word(w) or w.lower() in _NAME_PARTICLES for w in words)
    )


def _is_name_list(text: str) -> bool:
    """Names without a sentence: "Noah Bierman and Chris Megerian", "Jane Doe, Reuters"."""
    names = re.split(r"\s*,\s*|\s+(?:and|&)\s+", text)
    first = text.split()[0].lower().strip(".,") if text.split() else ""
    return len(names) <= 6 and first not in _NOT_NAMES and all(_is_name(n) for n in names)


def _is_bare_name(text: str, min_words: int = 2) -> bool:
    """A few capitalised words and nothing else: "Joshua Caplan", "Jane Doe, CNN"."""
    words = text.replace(",", " ").split()
    return min_words <= len(words) <= 4 and len(text) <= 40 and all(map(_is_name_word, words))


def _ends_with_full_stop(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith((".", "…"))


def _looks_like_title(text: str) -> bool:
    """Headline-shaped: ALL CAPS or Title Case, short, with no closing punctuation."""
    if len(text) > 160 or text.rstrip(_CLOSERS)[-1:] in (".", ",", ";", ":", "…", ""):
        return False
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if text.upper() == text != text.lower():
        return len(words) >= 3
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    capitalised = sum(_starts_upper(w) for w in major)
    return len(words) >= 5 and len(major) >= 4 and capitalised >= 0.85 * len(major)


# --- What a line says about itself ------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    """One line read alone. `kind` is a role, "wire" (byline or credit) or None (plain text)."""

    kind: str | None = None
    text: str = ""  # the block text once markers, prefixes or a glued credit are removed
    credit: str = ""  # a glued credit, or a credit line's cleaned text
    opens: str | None = None  # role for the short lines after a heading such as "Read more"


_PLAIN = _Cue()

_FURNITURE_LINE = re.compile(
    r"advertisements?|advertising|advert|ads?|sponsored(?: content| links?| stories)?"
    r"|promoted(?: content| stories)?|paid (?:content|post)|partner content"
    r"|(?:the )?(?:story|article|content|text) continues(?: (?:below|after)(?: (?:this|the))?"
    r"(?: advertisement| ad)?)?"
    r"|continue reading(?: (?:below|the main story|after (?:the )?advertisement))?"
    r"|scroll (?:down )?to (?:continue|read)(?: with content)?"
    r"|skip (?:advertisement|ad|to (?:main )?content|next section)"
    r"|comments?(?: \(\d+\))?|\d+ comments?|(?:show|view|read) comments|leave a comment"
    r"|add (?:a )?comment|join the (?:conversation|discussion)|post a comment"
    r"|related(?: topics| stories| articles| content| coverage| posts| links| reading)?"
    r"|topics|tags|more on this (?:story|topic)|you (?:may|might) also like"
    r"|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared|watched)"
    r"|trending(?: now)?|editor['’]?s['’]? picks|top stories|latest(?: news| stories)?"
    r"|more stories|from the web|around the web|promoted stories"
    r"|image copyright|image caption|media caption|image source|photo caption|caption"
    r"|media playback is unsupported on your device|(?:play|watch|replay) (?:video|now)"
    r"|video|audio|listen(?: to (?:this )?(?:article|story))?|(?:photo|image|video) gallery"
    r"|view (?:gallery|photos|slideshow|full caption)|click to (?:enlarge|expand|play)"
    r"|enlarge(?: this image)?|hide caption|toggle caption|close|menu|next|previous|prev"
    r"|back to top|loading(?:\.\.\.|…)?|show more|read less|report an? (?:error|typo)"
    r"|log ?in|sign ?in|register|subscribe(?: now| today)?|home|print this (?:article|page)"
    r"|already a subscriber\??|(?:tags?|filed under|topics|categories|posted in)\s*:.*"
    r"|advertisement\s*[-–—:]\s*(?:continue reading|story continues)(?: below)?|supported by"
    r"|share(?: or comment on)? (?:this|the)(?: article| story| page| post)?"
    r"|share (?:on|via) \w+(?: \w+)?|(?:email|contact) the (?:author|reporter)"
    r"|(?:tweet|email|e-mail|print) this(?: article| story| page)?|photos?|images?|gallery"
    r"|watch(?: below| video| now| live)?|our standards: the thomson reuters trust principles\."
    r"|updated|published|posted|(?:free )?sign up(?: now| today| here| for free)?"
    r"|please wait(?:\.\.\.|…)?|story highlights"
    r"|send (?:in|via|by|to) (?:e-?mail|whatsapp|messenger|a friend)"
    r"|click the alert icon to follow topics|more (?:on|about)|explore|[\W_]*"
)
_LONG_FURNITURE = ("comment", "tag", "filed", "topics", "categories", "posted", "advert", "share")
# Headings whose next lines share a role: links, topic tags, or (one line) the caption.
_LIST_HEADINGS = (
    (
        re.compile(
            r"related(?: stories| articles| content| coverage| posts| links| reading)?"
            r"|more on this (?:story|topic)|you (?:may|might) also like|recommended(?: for you)?"
            r"|most (?:read|popular|viewed)|more stories|top stories"
        ),
        "teaser",
    ),
    (re.compile(r"related topics|topics|tags|more on|more about|explore"), "furniture"),
    (re.compile(r"image caption|media caption|photo caption|caption"), "caption"),
)
_FURNITURE_OPENINGS = re.compile(
    r"click (?:here|to)\b|copyright\s*(?:©\s*)?\d{4}|please enable javascript\b"
    r"|follow (?:us|him|her|them|@\w+|\w+(?: \w+)?) on (?:twitter|facebook|instagram|linkedin)"
    r"|this (?:article|story|piece|content|report) (?:has been|was|is) (?:originally )?"
    r"(?:re)?(?:printed|published|posted|reproduced)\b|the views (?:and opinions )?expressed\b"
    r"|a version of this article appears in print\b"
)
_FURNITURE_PHRASES = re.compile(
    r"sign(?:ing)? up\b.{0,80}\b(?:newsletters?|inbox|alerts?|e-?mails?|updates|briefing)\b"
    r"|(?:newsletters?|briefing)\b.{0,80}\b(?:sign up|subscribe)\b"
    r"|subscribe to (?:our|the)\b|(?:in|to) your inbox\b"
    r"|(?:download|get) (?:our|the)\b.{0,60}\bapp\b"
    r"|like us on facebook|all rights reserved|uses? cookies\b|never miss (?:a|an|our|the)\b"
    r"|may not be (?:re)?published, broadcast, rewritten,? or redistributed"
)
_BUTTON_WORDS = _words(
    "twitter facebook google plus google+ g+ share shares email e-mail mail whatsapp print "
    "linkedin reddit pinterest tumblr tweet messenger telegram flipboard pocket copy link sms "
    "save x vk instagram youtube comment comments more yes no maybe vote results "
    "פרסומת שתפו שתף תגובות إعلان شارك مشاركة تعليقات"
)
_BUTTON_SEPARATORS = re.compile(r"[\s|•·/,]+")
_FIRST_BUTTON = re.compile(r"[\s|•·/,]*([^\s|•·/,]*)")

_MARKED_TEASER = re.compile(r"(?:>>|»|›)\s*(?P<a>.*?)\s*(?:>>|»|›)?|(?P<b>.*?)\s*(?:>>|»)")
# _MARKED_TEASER opens with one of the first or ends with one of the second.
_OPENING_MARKERS = (">>", "»", "›")
_CLOSING_MARKERS = (">>", "»")
_TEASER_PREFIX = re.compile(
    r"(?i:read more|read also|also read|more reading|read|related(?: articles?| stor(?:y|ies)"
    r"| content| coverage| news)?|קראו (?:עוד|גם)|اقرأ (?:أيضا|أيضاً|المزيد)"
    r"|see also|also see|(?-i:Also on [^:]{1,40})|more(?: on this"
    r"(?: story)?)?|watch(?: now)?|listen|don['’]?t miss|recommended|must read)"
    r"\s*[:|]\s*(?P<title>\S.*)"
)
_TEASER_LABEL = re.compile(
    r"(?i:read more(?: here)?|read also|also read|read (?:the )?full (?:story|article)|see also"
    r"|more on this(?: story)?|קראו עוד|اقرأ (?:أيضا|أيضاً|المزيد))\s*[:.…»>]*"
    r"|Also on (?:[A-Z][\w'’&.-]*\s?){1,4}:?"
)

_BY = re.compile(
    r"(?i:(?:words|written|story|text|reported|posted) )?(?i:by|מאת|بقلم)\s+(?P<names>.+)"
)
# How _BY and _DASH_BYLINE open: a quick test before splitting off a " | …" tail.
_SIGNED_START = re.compile(r"(?i:by|מאת|بقلم|words|written|story|text|reported|posted)\s|[—–]|--")
_DASH_BYLINE = re.compile(r"(?:[—–]|--)\s*(?P<names>.+)")
_BYLINE_TAIL = re.compile(r"\s+[|•·]\s+")
_CONTRIBUTORS = re.compile(
    r"\(?(?i:(?:additional |editing and )?(?:reporting|writing|editing|compiled|research)"
    r"(?: and (?:writing|editing|reporting))? by|contributing:|source:)\s+\S.{0,80}"
)
_EMAIL = re.compile(r"(?i:(?:e-?mail|contact)\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_JOB_TITLE = re.compile(
    r"(?i)\b(?:writer|reporter|correspondent|editor|columnist|contributor|producer|analyst"
    r"|bureau chief|staff)\b"
)
_HANDLE = re.compile(r"(?i:twitter:?\s*)?@\w{1,30}")
_WIRE = re.compile(
    r"[(\[]?(?i:(?:the )?associated press|reuters|afp|agence france[- ]presse|ap|dpa|xinhua"
    r"|bloomberg(?: news)?|upi|tass|efe|ansa|anadolu(?: agency)?|press association|pa media"
    r"|ians|pti|wire services|news agencies|agencies|(?:guardian )?staff and agencies)[)\]]?"
)

_WIRE_MAX_CHARS = 29  # "(guardian staff and agencies)", the longest _WIRE can match

_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]+"
_DATELINE_HEAD = (
    rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){{0,3}})?"
)
_AGENCY = r"\([A-Za-z][\w.&' ]{0,25}\)"
_DASH = r"(?:[—–]|--?)"
_OWN_DATELINE = re.compile(rf"{_DATELINE_HEAD}\s*(?:{_AGENCY}\s*{_DASH}?|{_DASH})")
_GLUED_DATELINE = re.compile(rf"{_DATELINE_HEAD}\s*(?:{_AGENCY}\s*)?{_DASH}\s+\S")
_DATE_WORDS = "|".join(sorted(_WEEKDAYS | _MONTHS, key=len, reverse=True))
_DATE_LABEL = re.compile(
    r"(?i:(?:first |last )?(?:published|updated|posted|modified|date)(?: on| at)?\s*:?\s*)"
)
_DATE_TOKEN = re.compile(
    rf"(?i:(?:{_DATE_WORDS})\.?|\d{{1,2}}(?:st|nd|rd|th)|\d{{1,4}}"
    r"|\d{1,2}[:.h]\d{2}(?::\d{2})?(?:am|pm|a\.m\.|p\.m\.)?|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
    r"|am|pm|a\.m\.|p\.m\.|[ecmp][sd]?t|gmt|bst|utc|cet|cest|idt|ist|msk|at|on|of|the"
    r"|ago|hours?|minutes?|mins?|days?|updated|published|posted|last"
    r"|[-—–|•·/])[,.:]?"
)
_DATE_ANCHOR = re.compile(
    rf"(?i:\b(?:{_DATE_WORDS})\b|\d{{1,4}}[/.\-]\d{{1,2}}[/.\-]\d{{1,4}}|\d{{1,2}}:\d{{2}}"
    r"|\d+ (?:hours?|minutes?|mins?|days?) ago)"
)
_ASCII_DIGIT = re.compile(r"[0-9]")
_DATE_START = re.compile(rf"\s+(?=(?:updated|published|posted|{_DATE_WORDS})\b|\d)", re.I)

_CREDIT_LABEL = (
    r"(?i:image copyright|image source|(?:photo |image |picture )?courtesy(?: of)?|copyright"
    r"|(?:photo |image )?credits?"
    r"|photo(?:graph)?s?|pictures?|images?|illustration|graphic|composite|foto|צילום|تصوير)"
)
_LABELLED_CREDIT = re.compile(
    rf"\(?(?:[A-Z][\w.]*\s+)?{_CREDIT_LABEL}\s*(?::|\bby\b)\s*\S.{{0,80}}"
    r"|\(?(?i:image copyright|image source,?|(?:photo |image |picture )?courtesy(?: of)?"
    r"|copyright)\s+\S.{0,80}|Credit\s+[A-Z].{0,80}"
)
_SLASH = re.compile(r"\s*[/\\]\s*")
_CREDIT_PREFIX = re.compile(rf"{_CREDIT_LABEL}\b\s*(?::|,|by\b)?\s*")
_PHOTO_AGENCY = re.compile(
    r"(?i:getty(?: images)?|shutterstock|alamy(?: stock photo)?|istock(?:photo)?|epa(?:-efe)?"
    r"|ap photo|corbis|handout|pool(?: photo)?|sipa(?: press)?|zuma(?: press)?|rex(?: features)?"
    r"|abaca(?: press)?|afp via getty images|getty images for [\w ]{2,30})"
)
# Each pattern finds a credit glued to a caption; the caption is its "caption" group, else
# whatever precedes the credit. Trailing credits are searched for from a distinctive first
# character, which is far cheaper on long paragraphs than matching the caption lazily.
_GLUED_CREDIT_MAX = 80  # longest glued credit taken


def _from_start(text: str) -> int:
    return 0


def _after_last_sentence_break(text: str) -> int:
    # No match can cover a "!", "?" or ". ", so none starts before the last of them.
    return max(text.rfind("!"), text.rfind("?"), text.rfind(". "), 0)


# Each pattern comes with where to start searching a line, or None when a cheap test shows the
# search cannot succeed.
_GLUED_CREDITS = (
    # BBC: "Image copyright Getty Images Image caption Pope Francis …"
    (
        _from_start,
        re.compile(
            r"^(?i:image copyright)\s+(?P<credit>.+?)\s+(?i:image caption),?\s+(?P<caption>.+)$"
        ),
    ),
    # "© EPA Pope Francis's trip to …": an agency (or capitals) then a caption of 3+ words.
    (
        _from_start,
        re.compile(
            rf"^(?P<credit>©\s*(?:\d{{4}}\s+)?(?:{_PHOTO_AGENCY.pattern}|[A-Z][A-Z0-9&./-]+"
            r"(?:\s+[A-Z][A-Z0-9&./-]+)*))\s+(?P<caption>\S+(?:\s+\S+){2,})$"
        ),
    ),
    # "… in 1975. Photograph: Getty Images": a label and a colon, or "Credit Name"
    (
        lambda text: 0 if ":" in text or "Credit" in text else None,
        re.compile(
            r"\s(?P<credit>(?:(?:Photograph|Photos?|Pictures?|Image|Illustration|Composite|Credit"
            r"|Photo credit)\s*:|Credit(?= [A-Z]))\s*[^:]{2,80})$"
        ),
    ),
    # "… 2017. (AP Photo/Rahmat Gul)", "… [Mohammed Salem/Reuters]"
    (
        lambda text: 0 if text.endswith((")", "]")) else None,
        re.compile(r"(?P<credit>[(\[][^()\[\]]{2,80}[)\]])$"),
    ),
    # "… 2017. Dibyangshu Sarkar/AFP/Getty Images", "… in Kabul. Getty Images": after the last
    # sentence, so the credit holds no ". ". Nearly every paragraph has a last sentence, so this
    # one runs on most lines: it starts at the last sentence break, its loop is unrolled into
    # runs of plain characters, and possessive (a line holds no newline, so giving characters
    # back could never reach its end).
    (
        _after_last_sentence_break,
        re.compile(r"[.!?\"”’]\s+(?P<credit>[^.!?\s][^!?.]*+(?:\.(?!\s)[^!?.]*+)*+)$"),
    ),
    # "Pope Francis in Rome. © EPA"
    (lambda text: 0 if "©" in text else None, re.compile(r"\s(?P<credit>©\s*[^©]{1,60})$")),
)

_MONTH_NAME = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_CAPTION_DATE = re.compile(
    rf"(?P<comma>,?)\s+(?:{_WEEKDAY_NAME},?\s+)?(?:{_MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH_NAME}\s+\d{{4}})\s*\.?$"
)
# Both date patterns match at most 33 characters of a line with single spaces (", Wednesday,
# September 27, 2017 ." and "through Wednesday"), so they only need to search its end.
_DATE_TAIL = 40
# "The law took effect on Monday, August 16, 2017." is a sentence, not a caption.
_DATE_PREPOSITION = re.compile(
    rf"(?i:\b(?:on|since|until|till|by|from|before|after|of|to|through|between|and|dated"
    rf"|as of))(?:\s+{_WEEKDAY_NAME})?$"
)
_CAPTION_OPENER = re.compile(
    r"FILE(?: PHOTO)?\s*[-–—:]|(?i:file photo)\s*[:,\-–—]"
    r"|In this (?:[\w’'\-]+,?\s+){0,8}?(?:photo|image|picture|file photo|handout|screenshot"
    r"|video|frame grab|still)\b"
    r"|(?:This|The|A) (?:undated |handout |file |combination |composite |video )*(?:photo|image"
    r"|picture|screenshot|grab|still) (?:provided|released|taken|made|shows?|obtained|posted"
    r"|distributed|from)\b"
    r"|(?:Pictured|Above|Top|Main (?:photo|image|picture))\s*:"
)
_CAPTION_LABEL = re.compile(r"(?i:image caption|photo caption|caption)\s*[:,]?\s+")
_REUTERS_CAPTION = re.compile(r"\bPicture taken\b|\bREUTERS/")


def _visible(text: str) -> str:
    """What a browser would show of a line with markup in it; other lines are returned as is."""
    if "<" not in text:
        return text
    return normalise_whitespace(_TAG.sub(" ", _SCRIPT.sub(" ", text)))


def _read_line(text: str) -> _Cue:
    """What a line (as shown) is, judged alone; the first reader that recognises it wins."""
    if not text:  # nothing but markup or a script: never shown to a reader
        return _Cue("furniture")
    for reader in _READERS:
        if cue := reader(text):
            return cue
    return _PLAIN


def _read_furniture(text: str) -> _Cue | None:
    if len(text) > 300:
        return None
    lowered = text.lower().rstrip(" :,")
    if (
        _is_furniture_line(lowered)
        or _is_button_run(lowered)
        or _FURNITURE_OPENINGS.match(lowered)
        or _has_furniture_phrase(lowered)
    ):
        opens = (role for heading, role in _LIST_HEADINGS if heading.fullmatch(lowered))
        return _Cue("furniture", opens=next(opens, None))
    return None


def _is_furniture_line(lowered: str) -> bool:
    # Most of _FURNITURE_LINE's branches match 52 characters at most; the few that match more
    # open with a non-letter ("___", "12 comments") or one of _LONG_FURNITURE.
    if len(lowered) > 52 and lowered[:1].isalpha() and not lowered.startswith(_LONG_FURNITURE):
        return False
    return bool(_FURNITURE_LINE.fullmatch(lowered))


def _has_furniture_phrase(lowered: str) -> bool:
    # Searching a line for the phrases is slow, and most lines hold none of the words that
    # every branch of _FURNITURE_PHRASES needs.
    return (
        "sign" in lowered  # "sign up", "signing up"
        or "subscribe" in lowered
        or "inbox" in lowered
        or ("app" in lowered and ("get " in lowered or "download " in lowered))
        or "facebook" in lowered
        or "reserved" in lowered
        or "cookies" in lowered
        or "never miss" in lowered
        or "may not be" in lowered
    ) and bool(_FURNITURE_PHRASES.search(lowered))


def _is_button_run(lowered: str) -> bool:
    """Widget labels and counters: "Twitter Facebook Google Plus", "Yes No", "Share 12"."""
    # Nearly every line fails on its first word; check that before splitting the whole line.
    first = _FIRST_BUTTON.match(lowered)[1].strip("()[]")
    if first not in _BUTTON_WORDS and not first.isdigit():
        return False
    words = [w.strip("()[]") for w in _BUTTON_SEPARATORS.split(lowered) if w]
    return bool(words) and all(w in _BUTTON_WORDS or w.isdigit() for w in words)


def _read_teaser(text: str) -> _Cue | None:
    if len(text) > 300:
        return None
    if _TEASER_LABEL.fullmatch(text):
        return _Cue("teaser", text="", opens="teaser")
    # «…» is a quotation in many languages, not a link marker. The marker test is cheap, the
    # lazy match is not.
    if (
        "«" not in text
        and (text.startswith(_OPENING_MARKERS) or text.endswith(_CLOSING_MARKERS))
        and (marked := _MARKED_TEASER.fullmatch(text))
    ):
        return _Cue("teaser", text=marked["a"] if marked["a"] is not None else marked["b"])
    if (":" in text or "|" in text) and (prefixed := _TEASER_PREFIX.fullmatch(text)):
        return _Cue("teaser", text=prefixed["title"].strip(" »>"))
    return None


def _read_byline(text: str) -> _Cue | None:
    if len(text) > 250:
        return None
    signed = None
    # Only a line opening with "By" (or "Words by", …) or a dash can be signed.
    if _SIGNED_START.match(text):
        names = _BYLINE_TAIL.split(text, maxsplit=1)[0]
        signed = _BY.fullmatch(names) or _DASH_BYLINE.fullmatch(names)
    if (
        (signed and _is_name_list(_without_trailing_date(signed["names"])))
        or _CONTRIBUTORS.fullmatch(text)
        or ("@" in text and (_EMAIL.fullmatch(text) or _HANDLE.fullmatch(text)))
    ):
        return _Cue("byline")
    return None


def _without_trailing_date(names: str) -> str:
    """Names without the date some sites print after them: "Ben Hubbard Sept. 27, 2017"."""
    start = _DATE_START.search(names)
    if start and _is_date_line(names[start.end() :]):
        return names[: start.start()]
    return names


def _read_wire(text: str) -> _Cue | None:
    if len(text) <= _WIRE_MAX_CHARS and _WIRE.fullmatch(text):
        return _Cue("wire", credit=_clean_credit(text))
    return None


def _read_dateline(text: str) -> _Cue | None:
    if len(text) <= 80 and (_OWN_DATELINE.fullmatch(text) or _is_date_line(text)):
        return _Cue("dateline")
    return None


def _is_date_line(text: str) -> bool:
    """Only a date or time: "27 Sep 2017", "Updated 10:29 AM ET, Wed Sept 27, 2017"."""
    if text.isascii() and not _ASCII_DIGIT.search(text):  # no digit, no date: a quick "no"
        return False
    label = _DATE_LABEL.match(text)
    body = text[label.end() :] if label else text
    tokens = body.split()
    # Cheapest first: most lines fail on their first word.
    return (
        bool(tokens)
        and all(_DATE_TOKEN.fullmatch(t) for t in tokens)
        and any(ch.isdigit() for ch in body)
        and bool(_DATE_ANCHOR.search(body))
    )


def _read_glued_caption(text: str) -> _Cue | None:
    if len(text) > 800:
        return None
    for start_at, pattern in _GLUED_CREDITS:
        if (start := start_at(text)) is None or not (found := pattern.search(text, start)):
            continue
        caption = (
            found["caption"] if "caption" in pattern.groupindex else text[: found.start("credit")]
        )
        caption, credit = caption.strip(), found["credit"]
        if " " in caption and len(credit) <= _GLUED_CREDIT_MAX and _is_credit(credit):
            return _Cue("caption", text=caption, credit=_clean_credit(credit))
    return None


def _read_credit(text: str) -> _Cue | None:
    if len(text) <= 120 and _is_credit(text):
        return _Cue("credit", credit=_clean_credit(text))
    return None


def _is_credit(text: str) -> bool:
    return (
        bool(_LABELLED_CREDIT.fullmatch(text))
        or (text.startswith("©") and len(text.split()) <= 8)
        or _is_slash_credit(text)
        or bool(_PHOTO_AGENCY.fullmatch(text.strip("()[] ")))
        or (text[:1] in "([" and bool(_WIRE.fullmatch(text)))  # "… the anthem. (Reuters)"
    )


def _is_slash_credit(text: str) -> bool:
    """Slash credits: "Bilal Hussein / AP", "Sarkar/AFP/Getty Images", "REUTERS/Omar Sanadiki"."""
    if len(text) > 90 or ("/" not in text and "\\" not in text):
        return False
    parts = _SLASH.split(text.strip("()[] "))
    return 2 <= len(parts) <= 4 and all(_is_name(part, max_words=5) for part in parts)


def _clean_credit(text: str) -> str:
    """The credit a reader sees: no brackets, no "©", no "Photograph:"-style label."""
    credit = text.strip()
    if credit[:1] in "([" and credit[-1:] in ")]":
        credit = credit[1:-1].strip()
    credit = credit.lstrip("©").strip()
    label = _CREDIT_PREFIX.match(credit)
    if label and label.end() < len(credit):
        credit = credit[label.end() :]
    return credit or text


def _read_caption(text: str) -> _Cue | None:
    if len(text) > 500:
        return None
    label = _CAPTION_LABEL.match(text)
    if (
        label
        or _CAPTION_OPENER.match(text)
        or (("Picture taken" in text or "REUTERS/" in text) and _REUTERS_CAPTION.search(text))
        or _ends_with_caption_date(text)
    ):
        return _Cue("caption", text=text[label.end() :] if label else text)
    return None


def _ends_with_caption_date(text: str) -> bool:
    """Ends "… in Ankara, Turkey, August 16, 2017." but not "… took effect on August 16, 2017."."""
    # _CAPTION_DATE ends in a year, then maybe a full stop: skip the search for other lines.
    # Lines hold single spaces, so it matches no more than the last _DATE_TAIL characters.
    if not text.rstrip().removesuffix(".").rstrip()[-1:].isdigit():
        return False
    dated = _CAPTION_DATE.search(text, max(0, len(text) - _DATE_TAIL))
    if not dated:
        return False
    before = text[: dated.start()]
    last_word = before.rsplit(" ", 1)[-1]
    # Reuters writes "in Damascus, Syria September 27, 2017": a place may stand for the comma.
    placed = dated["comma"] or (_starts_upper(last_word) and last_word.lower() not in _WEEKDAYS)
    return bool(placed) and not _DATE_PREPOSITION.search(before, max(0, len(before) - _DATE_TAIL))


_READERS = (
    _read_furniture,
    _read_teaser,
    _read_byline,
    _read_wire,
    _read_dateline,
    _read_glued_caption,
    _read_credit,
    _read_caption,
)


# --- Roles in context -----------------------------------------------------------------------


@dataclass
class _Draft:
    """Roles being decided for the non-blank lines, by index; None means not yet decided."""

    texts: list[str]
    cues: list[_Cue]
    roles: list[str | None]
    credit_of: dict[int, int]  # caption index -> index of its credit line
    head: int = 0

    def plain(self, i: int) -> bool:
        return self.roles[i] is None and self.cues[i].kind is None

    def pair(self, caption: int, credit: int) -> None:
        self.roles[caption], self.roles[credit] = "caption", "credit"
        self.credit_of[caption] = credit

    def can_caption(self, i: int) -> bool:
        """Free to become a caption: undecided, not the headline, no credit of its own."""
        return (
            self.head < i < len(self.texts)
            and self.roles[i] is None
            and self.cues[i].kind in (None, "caption")
            and not self.cues[i].credit
        )


def _assign_roles(texts: list[str]) -> _Draft:
    texts = [_visible(text) if "<" in text else text for text in texts]
    # Pages repeat lines ("Advertisement", share buttons, a credit): read each distinct one once.
    read: dict[str, _Cue] = {}
    cues = [
        read[text] if text in read else read.setdefault(text, _read_line(text)) for text in texts
    ]
    draft = _Draft(texts, cues, [None] * len(texts), {})
    for i, cue in enumerate(cues):
        if cue.kind in ("furniture", "teaser", "byline", "dateline"):
            draft.roles[i] = cue.kind
    draft.head = next((i for i, cue in enumerate(cues) if cue.kind != "furniture"), 0)
    draft.roles[draft.head] = "headline"
    _attach_credits(draft)
    _attach_name_credits(draft)
    _mark_dek(draft)
    _resolve_wires(draft)
    _extend_bylines(draft)
    _mark_lists(draft)
    roles = draft.roles
    for i, cue in enumerate(cues):
        if roles[i] is None:
            if cue.kind == "caption":
                roles[i] = "caption"
            elif cue.kind is None and _looks_like_title(texts[i]):
                roles[i] = "teaser"
            else:
                roles[i] = "paragraph"
    return draft


def _attach_credits(draft: _Draft) -> None:
    """A credit takes the caption above it, else one directly below (BBC), else stands alone."""
    for i, cue in enumerate(draft.cues):
        if cue.kind != "credit" or draft.roles[i] is not None:
            continue
        below = i + 1
        if draft.can_caption(i - 1):
            draft.pair(i - 1, i)
        elif (
            draft.can_caption(below)
            and draft.cues[below].kind == "caption"
            and not (below + 1 < len(draft.cues) and draft.cues[below + 1].kind == "credit")
        ):
            draft.pair(below, i)
        else:
            draft.roles[i] = "credit"


def _attach_name_credits(draft: _Draft) -> None:
    """A bare name ("Emil Salman") under a line shaped like a caption is its photographer."""
    for i in range(1, len(draft.texts)):
        above = i - 1
        if (
            draft.cues[above].kind == "caption"
            and draft.plain(i)
            and draft.can_caption(above)
            and _is_bare_name(draft.texts[i], min_words=1)
        ):
            draft.pair(above, i)


def _mark_dek(draft: _Draft) -> None:
    """The first line after the headline, when it reads as a summary and leaves a body."""
    after = [i for i in range(draft.head + 1, len(draft.texts)) if draft.roles[i] != "furniture"]
    if not after or not draft.plain(after[0]):
        return
    candidate, text = after[0], draft.texts[after[0]]
    if (
        len(text) > 320
        or _GLUED_DATELINE.match(text)
        or text.rstrip(_CLOSERS)[-1:] in (",", ";", ":")
    ):
        return
    if _is_bare_name(text):  # "Joshua Caplan" under the headline is an author, not a dek
        draft.roles[candidate] = "byline"
        return
    followed_by = draft.cues[after[1]].kind if len(after) > 1 else None
    if _ends_with_full_stop(text) and followed_by not in ("byline", "dateline", "wire"):
        return
    # Taking the dek must leave a body: some later line that will be a paragraph.
    if any(draft.plain(i) and not _looks_like_title(draft.texts[i]) for i in after[1:]):
        draft.roles[candidate] = "dek"


def _resolve_wires(draft: _Draft) -> None:
    """A wire name alone: a byline in the header or after the story, else the credit above it."""
    if not any(cue.kind == "wire" for cue in draft.cues):
        return
    # Past the last line a reader sees as text, only sign-offs and page furniture remain.
    body_end = max(
        (i for i, cue in enumerate(draft.cues) if cue.kind in (None, "caption")), default=0
    )
    for i, cue in enumerate(draft.cues):
        if cue.kind != "wire" or draft.roles[i] is not None:
            continue
        in_body = draft.roles[i - 1] not in _HEADER_ROLES and i < body_end
        if in_body and draft.can_caption(i - 1) and len(draft.texts[i - 1]) <= 400:
            draft.pair(i - 1, i)
        else:
            draft.roles[i] = "byline"


def _extend_bylines(draft: _Draft) -> None:
    """Names under the header ("Anushka Asthana in Brussels") or a byline ("Los Angeles Times")."""
    for i in range(1, len(draft.texts)):
        text = draft.texts[i]
        if (
            draft.roles[i - 1] in _HEADER_ROLES
            and draft.plain(i)
            and len(text) <= 60
            and not _ends_with_full_stop(text)
            and (_is_name_list(text) or _JOB_TITLE.search(text))
        ):
            draft.roles[i] = "byline"


def _mark_lists(draft: _Draft) -> None:
    """Links under "Read more:", topics under "Related Topics", the line under "Image caption"."""
    role = None
    for i, text in enumerate(draft.texts):
        if (
            role
            and draft.plain(i)
            and (role == "caption" or (len(text) <= 160 and not _ends_with_full_stop(text)))
        ):
            draft.roles[i] = role
        continues = role != "caption" and draft.roles[i] == role
        role = draft.cues[i].opens or (role if continues else None)


# --- Assembly ---------------------------------------------------------------------------------


def _parse_text(text: str, warnings: list[str]) -> ParsedArticle:
    numbered = [
        (number, clean) for number, clean in enumerate(_normalised_lines(text), start=1) if clean
    ]
    draft = _assign_roles([clean for _, clean in numbered])
    lines = [
        Line(number, clean, role)
        for (number, clean), role in zip(numbered, draft.roles, strict=True)
    ]
    if "paragraph" not in draft.roles:
        raise SeedError(
            "the article has a headline but no body text", line=lines[draft.head].number
        )
    if _HTML.search(text):
        warnings = [*warnings, "looks like HTML; stored as plain text"]
    return _build_article(lines, draft, warnings)


def _build_article(lines: list[Line], draft: _Draft, warnings: list[str]) -> ParsedArticle:
    fields: dict[str, list[str]] = {role: [] for role in _HEADER_ROLES}
    for line in lines:  # one pass, not one per header field
        if line.role in fields:
            fields[line.role].append(line.text)
    header = {role: "\n".join(texts) for role, texts in fields.items()}
    return ParsedArticle(
        headline=header["headline"],
        dek=header["dek"],
        byline=header["byline"],
        dateline=header["dateline"],
        blocks=tuple(_build_blocks(lines, draft)),
        lines=tuple(lines),
        warnings=tuple(warnings),
    )


def _build_blocks(lines: list[Line], draft: _Draft) -> list[Block]:
    # A caption and its credit form one block, placed where the first of the two lines is.
    figure_at = {min(cap, cred): (cap, cred) for cap, cred in draft.credit_of.items()}
    paired = {i for pair in draft.credit_of.items() for i in pair}
    blocks = []
    for i, line in enumerate(lines):
        if i in figure_at:
            blocks.append(_figure(lines, draft.cues, *figure_at[i]))
        elif line.role not in _HEADER_ROLES and i not in paired:
            blocks.append(_single_block(line, draft.cues[i]))
    return blocks


def _figure(lines: list[Line], cues: list[_Cue], caption: int, credit: int) -> Block:
    cue = cues[caption]
    both = [lines[i] for i in sorted((caption, credit))]
    return Block(
        kind="caption",
        text=cue.text if cue.kind == "caption" else lines[caption].text,
        credit=cues[credit].credit or lines[credit].text,  # a bare name is its own credit
        lines=tuple(line.number for line in both),
        source=tuple(line.text for line in both),
    )


def _single_block(line: Line, cue: _Cue) -> Block:
    if line.role == "credit":  # a credit with no caption: a figure known only by its credit
        return Block("caption", "", cue.credit, (line.number,), (line.text,))
    shown = cue.text if cue.kind in ("caption", "teaser") else line.text
    credit = cue.credit if line.role == "caption" else ""
    return Block(line.role, shown, credit, (line.number,), (line.text,))
