"""An article's language and text direction, guessed from its text.

One rule for the importer (articles/importing/store.py) and the admin's article screen
(articles/desk/language.py): pure Python, so either can call it on text it has not stored yet.
"""

import re
from collections.abc import Iterable
from itertools import islice

RTL_LANGUAGES = {"ar", "he", "fa", "ur", "yi"}
# The languages the guess can name, as the desk shows them.
GUESSABLE = {"en": "English", "he": "Hebrew", "ar": "Arabic"}
# The opening of a story decides: headline, standfirst and this many blocks.
OPENING_BLOCKS = 5

_HEBREW, _ARABIC = "\u0590-\u05ff", "\u0600-\u06ff\u0750-\u077f"
HEBREW = re.compile(f"[{_HEBREW}]")
ARABIC = re.compile(f"[{_ARABIC}]")
RIGHT_TO_LEFT = re.compile(f"[{_HEBREW}{_ARABIC}]")
LETTER = re.compile(r"[^\W\d_]")


def guess_language(headline: str, dek: str, block_texts: Iterable[str]) -> str:
    """Hebrew or Arabic when most letters of the story's opening are, else English: enough
    to set the text's direction. `block_texts` are the body's texts in reading order."""
    text = " ".join([headline, dek, *islice(block_texts, OPENING_BLOCKS)])
    # Regular expressions, not a loop over characters: this runs for every imported file.
    if not RIGHT_TO_LEFT.search(text):
        return "en"
    letters = "".join(LETTER.findall(text))
    hebrew, arabic = len(HEBREW.findall(letters)), len(ARABIC.findall(letters))
    if max(hebrew, arabic) > len(letters) / 2:
        return "he" if hebrew >= arabic else "ar"
    return "en"


def direction(language: str) -> str:
    """ "rtl" for a language written right to left (its code, e.g. "he" or "ar-EG"), else "ltr"."""
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def describe(language: str) -> str:
    """The language as an editor reads it: "Hebrew (right to left)"."""
    name = GUESSABLE.get(language.split("-")[0].lower(), language)
    side = "right to left" if direction(language) == "rtl" else "left to right"
    return f"{name} ({side})"
