"""Line readers for who made or posted something: an embedded post's credit, an author's
handle, contact line or outlet ("Jane Doe for The New York Times").

Part of the line rules' table (rules.py names them); kept apart from readers.py so that each
module stays short.
"""

import re

from articles.seedfile import shapes
from articles.seedfile.readers import BYLINE, Cue
from articles.seedfile.vocabulary import POST_PLATFORMS, READER_WORDS, SITE_WORDS

POST_CREDIT_MAX = 90
_PLATFORM = rf"(?i:{'|'.join(POST_PLATFORMS)})"
# An embedded post's credit: a handle and its site, in either order, perhaps "Via" one of them.
_POST_CREDIT = re.compile(
    rf"(?:@?[\w.]{{2,30}}\s*/\s*)+(?:Via\s+)?{_PLATFORM}(?:\s*/\s*Via\s+{_PLATFORM}\s*:?\s*@?[\w.]+)?"
    rf"|(?:Via\s+)?{_PLATFORM}\s*:\s*@[\w.]{{2,30}}"
)


def read_post_credit(text: str) -> Cue | None:
    """The credit of an embedded post: "sexlikelovato_ / Instagram", "Instagram: @vladyart",
    "@delafro_ / Twitter / Via Twitter: @delafro_"."""
    if len(text) > POST_CREDIT_MAX or not _POST_CREDIT.fullmatch(text):
        return None
    return Cue("credit", credit=text)


_GLUED_HANDLE = re.compile(r"(?P<name>[^@]{3,40}?)\s*@\w{2,30}")


def read_name_with_handle(text: str) -> Cue | None:
    """An author's name and handle: "Tom DiChristopher@tdichristopher", "Jane Doe @janedoe"."""
    named = _GLUED_HANDLE.fullmatch(text)
    return BYLINE if named and shapes.is_bare_name(named["name"]) else None


CONTACT_LINE_WORDS = 14
_CONTACT_VERB = re.compile(r"(?i:contact|e-?mail|write to|reach)\b")
_EMAIL_IN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def read_contact_line(text: str) -> Cue | None:
    """A short line giving a person's address: "Contact Mark Di Stefano at mark@example.com".
    One speaking to the reader ("Send your tips to …", "Email us at …") is a call-out."""
    if len(text.split()) > CONTACT_LINE_WORDS or not _EMAIL_IN.search(text):
        return None
    if text[:1] in "([":  # "(Jane Doe/jane@example.com)" credits a photo
        return None
    words = {w.strip(".,:;!?()").lower() for w in text.split()}
    if words & (READER_WORDS | SITE_WORDS) or (shapes.ends_with_full_stop(text) and len(words) > 8):
        return None
    names = _EMAIL_IN.sub("", text)
    capitalised = [w for w in names.split() if shapes.starts_upper(w)]
    addressed = _CONTACT_VERB.match(text) is not None  # "Contact the writer: …"
    return BYLINE if len(capitalised) >= 2 or addressed else None


FOR_CREDIT_WORDS = 10
_FOR_CREDIT = re.compile(r"(?P<name>[^,;:]{3,40}?) (?i:for) (?P<outlet>[^,;:]{3,40})")


def read_name_for_outlet(text: str) -> Cue | None:
    """ "Jane Doe for The New York Times": a photographer's credit in the body, a writer's
    byline in the header (passes.py decides which, as for a wire name)."""
    if len(text.split()) > FOR_CREDIT_WORDS:
        return None
    found = _FOR_CREDIT.fullmatch(text)
    if not found or not shapes.is_person_name(found["name"]) or len(found["name"].split()) > 3:
        return None
    # The outlet is a site's address or "The …": "Council Approves Plan for New Bridge" is
    # a headline in Title Case.
    outlet = found["outlet"]
    site = "." in outlet and " " not in outlet
    paper = outlet.startswith("The ") and shapes.is_name(outlet, max_words=5)
    return Cue("wire", credit=text) if site or paper else None
