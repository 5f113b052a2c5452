"""An article's body from its blocks: the text search reads, its words, and the HTML readers see.

The blocks are stored ones (articles.models.Block) or the parser's, which have a kind and a
text too: articles.models derives an article's stored fields from either with these.
"""

from collections.abc import Iterable

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

# The kinds whose text is the story's: what search and the reading time read.
READABLE_KINDS = ("paragraph", "caption", "subheading", "quote", "bulleted_list", "numbered_list")


def body_text(blocks: Iterable) -> str:
    """The text search reads: paragraphs, captions, subheadings, quotes (with who said them)
    and list items; never furniture, teasers, dividers or embeds."""
    return "\n".join(
        f"{b.text}\n{b.attribution}" if b.kind == "quote" and b.attribution else b.text
        for b in blocks
        if b.kind in READABLE_KINDS
    )


def count_words(text: str) -> int:
    """Words in a text, for the reading time."""
    return len(text.split())


def label_language(article) -> str:
    """The language an article's labels and dates are shown in: its own, if the site has
    a translation for it (settings.LANGUAGES), else the site's."""
    code = article.language.split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def render_body(article, blocks: Iterable) -> str:
    """The body as readers see it, in the markup of body.html and the templates it includes."""
    from articles.models import Block  # which imports this module

    shown = [b for b in blocks if b.kind != Block.Kind.FURNITURE]
    # Its labels ("Related:") in the article's own language.
    with translation.override(label_language(article)):
        return render_to_string(
            "articles/includes/body.html", {"article": article, "blocks": shown}
        )


def teasers_last(blocks: Iterable) -> bool:
    """Whether the teasers' links hold until an article is saved again.

    Not while one names an article scheduled for later: its link appears by itself
    when the time comes, so that body is rendered afresh on every view until then.
    """
    from articles.models import Block  # which imports this module

    return not any(
        b.link_article is not None and b.link_article.is_scheduled
        for b in blocks
        if b.kind == Block.Kind.TEASER and not b.link_url
    )
