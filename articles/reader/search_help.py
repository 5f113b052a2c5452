"""Search that finds and shows more (issue 16).

- Hebrew and Arabic attach small words to the next one as prefix letters: "בנמל" is
  "in the port", "المدينة" is "the city". The search vectors index words as they are
  written, so a search for נמל also looks for its prefixed forms. The query grows by
  a few alternatives per word; each is one more GIN index lookup, and most find nothing,
  so search keeps its speed (no new column to index, nothing more for the importer).
- Excerpts start at the beginning of a sentence, and come from the body alone: the
  standfirst is shown as itself.

What a search with no results offers instead is in search_suggestions.py.
"""

import re

# Prefix letters and their common combinations: "and", "the", "in", "to", "from", "that", "as".
HEBREW_PREFIXES = [
    "ב",
    "ה",
    "ו",
    "כ",
    "ל",
    "מ",
    "ש",
    "וה",
    "וב",
    "ול",
    "ומ",
    "וכ",
    "וש",
    "שה",
    "שב",
    "של",
    "שמ",
    "מה",
    "כש",
    "לכש",
]
ARABIC_PREFIXES = ["ال", "و", "ف", "ب", "ك", "ل", "وال", "فال", "بال", "كال", "لل", "ولل"]
_HEBREW_WORD = re.compile(r"'([\u05d0-\u05ea]{2,})'")
_ARABIC_WORD = re.compile(r"'([\u0621-\u064a]{2,})'")


def with_prefixed_forms(tsquery: str) -> str:
    """The tsquery text with each Hebrew or Arabic word also matching its prefixed forms:
    'נמל' becomes ( 'נמל' | 'בנמל' | 'הנמל' | … ), inside phrases and negations too."""

    def alternatives(prefixes: list[str]):
        def expand(found: re.Match) -> str:
            word = found[1]
            forms = [word, *(prefix + word for prefix in prefixes)]
            return "( " + " | ".join(f"'{form}'" for form in forms) + " )"

        return expand

    tsquery = _HEBREW_WORD.sub(alternatives(HEBREW_PREFIXES), tsquery)
    return _ARABIC_WORD.sub(alternatives(ARABIC_PREFIXES), tsquery)


# Where a sentence ends: its stop (Latin or Arabic question mark) and the space after it.
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
EXCERPT_LENGTH = 240


def sentence_excerpt(text: str, mark: str, *, from_middle: bool = False) -> str:
    """The sentence of `text` holding the first `mark`, and those after it up to about
    EXCERPT_LENGTH characters. `from_middle`: `text` may begin inside a sentence, which
    is then shown from "…" unless the mark lies past that sentence's end."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s]
    if not sentences:
        return ""
    first = next((i for i, s in enumerate(sentences) if mark in s), 0)
    chosen = [sentences[first]]
    for sentence in sentences[first + 1 :]:
        if len(" ".join(chosen)) + len(sentence) > EXCERPT_LENGTH:
            break
        chosen.append(sentence)
    excerpt = " ".join(chosen)
    if len(excerpt) > EXCERPT_LENGTH * 1.5:
        cut = excerpt.find(" ", max(EXCERPT_LENGTH, excerpt.find(mark) + 40))
        excerpt = excerpt[:cut] + " …" if cut > 0 else excerpt
    return "… " + excerpt if from_middle and first == 0 else excerpt
