"""Context passes that judge a line by the whole page: lines the page repeats.

Part of the passes of passes.py (which runs them in the order of its PASSES, and names them in
pass_rules.py); kept apart so that each module stays short. They read a `Draft` (passes.py)
and decide only lines no rule or earlier pass has decided.
"""

from collections import Counter
from typing import TYPE_CHECKING

from articles.seedfile.shapes import ends_with_full_stop, is_person_name, looks_like_title

if TYPE_CHECKING:
    from articles.seedfile.passes import Draft

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
            draft.decide(i, "furniture", "repeated-scrap")
