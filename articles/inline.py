"""Inline marks in a block's text (bold, italic, links): the one place they are sanitised.

A block's `html` holds its text with marks, `text` the same without them. Every save path
(Block.save, the importer's rows, the desk's restored drafts) goes through derive_block(),
so no HTML that has not passed sanitise() is ever stored. Works on any object with the
block fields (stored blocks or the parser's), so the importer derives without the ORM.
"""

import html
import re
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError

# The marks an editor may use. nh3 (ammonia, in Rust) strips every other tag to its text,
# drops script and style with their content, and keeps only the attributes listed here.
TAGS = {"b", "strong", "i", "em", "a"}
ATTRIBUTES = {"a": {"href"}}
# Kinds whose text may carry marks; a list's items stand one per line in text and html.
MARKED_KINDS = {"paragraph", "quote", "bulleted_list", "numbered_list"}
LIST_KINDS = {"bulleted_list", "numbered_list"}
# Kinds that are whole without any text of their own.
TEXTLESS_KINDS = {"divider", "embed"}

# Browsers drop tabs and line breaks inside an address and read "\" as "/": "/\t/evil"
# would be the protocol-relative "//evil". Any such character makes a link unsafe.
_UNSAFE_IN_ADDRESS = re.compile(r"[\x00-\x20\\\x7f]")
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def safe_href(href: str) -> bool:
    """Whether a link may stand in a story: http, https, or an address on this site ("/…")."""
    if _UNSAFE_IN_ADDRESS.search(href):
        return False
    lowered = href.lower()
    if lowered.startswith(("http://", "https://")):
        return len(href) > len("https://")
    return href.startswith("/") and not href.startswith("//")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if safe_href(value) else None
    return value


def sanitise(markup: str) -> str:
    """HTML with only the allowed marks left; a link whose address is refused becomes text."""
    cleaned = nh3.clean(
        markup,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel=None,  # rel is the page's business (articles/templatetags), set on render
        strip_comments=True,
        attribute_filter=_keep_attribute,
    )
    # nh3 keeps an <a> whose href was refused; without an address it is only its text.
    cleaned = _BARE_LINK.sub(r"\1", cleaned)
    # One spelling of each mark (the seed format writes them back the same way), and no
    # empty ones, which would read as stray asterisks there.
    cleaned = _OTHER_SPELLING.sub(lambda found: f"<{found[1]}{_SPELLING[found[2]]}>", cleaned)
    return _EMPTY_MARK.sub(r"\2", cleaned)


_SPELLING = {"b": "strong", "i": "em"}
_OTHER_SPELLING = re.compile(r"<(/?)(b|i)>")
_EMPTY_MARK = re.compile(r"<(strong|em)>(\s*)</\1>")


def plain_text(markup: str) -> str:
    """The text of sanitised HTML, without its marks."""
    return html.unescape(_TAG.sub("", markup))


def derive_block(block, *, loaded: tuple[str, str] | None = None) -> None:
    """Settle a block's html and the fields derived from it, before it is stored.

    A marked kind's html is sanitised and its text derived from it; html carrying no mark
    is dropped (the text then is all of it), so most blocks store their text once.
    `loaded`: a stored block's (text, html) as it was read. When only its text has changed
    since (a form with no html field), the new text is the block, and the old marks go.
    """
    kind = block.kind
    if loaded is not None and block.html == loaded[1] and block.text != loaded[0]:
        block.html = ""
    if kind in MARKED_KINDS and block.html:
        if kind in LIST_KINDS:
            items = [sanitise(line).strip() for line in block.html.splitlines()]
            marked = "\n".join(item for item in items if plain_text(item).strip())
        else:
            marked = sanitise(block.html).strip()
        block.text = plain_text(marked)
        block.html = marked if "<" in marked else ""
    else:
        block.html = ""
    if kind in LIST_KINDS:
        block.text = "\n".join(line.strip() for line in block.text.splitlines() if line.strip())
    elif kind == "divider":
        block.text = ""
    elif kind == "embed":
        block.text = block.embed_title.strip() or block.embed_url
    if kind != "quote":
        block.attribution = ""
    if kind != "embed":
        block.embed_url = block.embed_title = block.embed_description = ""


def inline_html(block) -> str:
    """A block's text with its marks, as HTML: its html, or its plain text escaped."""
    return block.html or html.escape(block.text, quote=False)


def check_block(block) -> None:
    """Refuse a block that would show nothing or lead nowhere, with what to do about it."""
    if block.kind == "embed" and not block.embed_url:
        raise ValidationError(
            "Give the address (http or https) of the page this embed shows.", code="embed_url"
        )
    if block.kind in TEXTLESS_KINDS:
        return
    written = plain_text(sanitise(block.html)) if block.html else block.text
    if not written.strip():
        raise ValidationError("Write the text of this block, or delete it.", code="empty")


# What the page shows: inline HTML sanitised once more as it is rendered (a row may have been
# written by something older than this module), with rel="nofollow" on links off the site.
_LINK = re.compile(r'<a href="([^"]*)">')


def page_html(markup: str) -> str:
    """A block's inline HTML as the article page shows it."""
    return _LINK.sub(_link_for_page, sanitise(markup))


def _link_for_page(found: re.Match) -> str:
    href = found[1]
    if is_external(html.unescape(href)):
        return f'<a href="{href}" rel="nofollow">'
    return found[0]


def is_external(href: str) -> bool:
    """Whether a link leaves the site: an absolute address on a host not in ALLOWED_HOSTS."""
    if not href.lower().startswith(("http://", "https://")):
        return False
    host = (urlsplit(href).hostname or "").lower()
    for allowed in settings.ALLOWED_HOSTS:
        allowed = allowed.lower()
        if allowed == "*":
            continue
        if host == allowed.lstrip(".") or (allowed.startswith(".") and host.endswith(allowed)):
            return False
    return True
