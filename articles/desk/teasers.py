"""Where a teaser typed on the article screen leads, said in an editor's words (issue 14).

The rule is not written here: articles.linking.teaser_destination is the one rule the
importer, the page and the admin share, and link_teaser_by_name decides (as Block.save
does on the save) whether an article linked by name follows an edited text. This module
asks them about the text being typed and says their answer as a sentence.
"""

import json
from collections.abc import Mapping

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

from articles.linking import link_teaser_by_name, teaser_destination
from articles.models import MAX_BLOCKS, Article, Block, teaser_link_key

# A teaser is a headline: longer text is cut before the lookup (the key keeps 300 characters).
MAX_TEXT = 1000
NOT_TEASERS = "Send the teasers as a list of {text, initial_text, link_url, link_article}."


def typed_teaser(text: str, initial_text: str, link_url: str, link_article_id: int | None):
    """The teaser as the form will save it: Block.save's linking, applied in memory."""
    link_article = Article.objects.filter(pk=link_article_id).first() if link_article_id else None
    block = Block(kind=Block.Kind.TEASER, text=text, link_url=link_url, link_article=link_article)
    block.link_key = teaser_link_key(Block.Kind.TEASER, text)
    link_teaser_by_name(block, teaser_link_key(Block.Kind.TEASER, initial_text))
    return block


def destination(
    text: str, *, initial_text: str = "", link_url: str = "", link_article_id: int | None = None
) -> dict:
    """Where the teaser goes, for the editor: {"goes": the rule's kind ("link", "article",
    "waiting", "search" or "none"), "label": a sentence, "href": where readers go, or ""}."""
    text, initial_text = text[:MAX_TEXT], initial_text[:MAX_TEXT]
    block = typed_teaser(text, initial_text, link_url, link_article_id)
    where = teaser_destination(block.text, link_url=block.link_url, link_article=block.link_article)
    headline = where.article.headline if where.article is not None else ""
    chosen = link_article_id is not None and block.link_article_id == link_article_id
    labels = {
        "link": f"Links to {link_url}",
        "article": f"Links to {'the article you chose' if chosen else 'the article with this headline'}: “{headline}”.",
        "waiting": f"Names “{headline}”, not yet published: plain text until it is.",
        "search": "No article has this headline: links to a search for its words, which finds articles.",
        "none": "No link: no article has this headline and a search for its words finds nothing, so readers see plain text.",
    }  # fmt: skip
    if where.kind == "none" and link_url:
        labels["none"] = "No link: the address is not a web address (http or https)."
    return {"goes": where.kind, "label": labels[where.kind], "href": where.url}


def _asked(teaser: Mapping) -> dict:
    """One teaser as the screen asks about it (query string or JSON): destination()'s arguments."""
    text, chosen = str(teaser.get("text", "")), str(teaser.get("link_article") or "")
    return {
        "text": text,
        "initial_text": str(teaser.get("initial_text", text)),
        "link_url": str(teaser.get("link_url", "")).strip(),
        "link_article_id": int(chosen) if chosen.isdigit() else None,
    }


def destination_view(request: HttpRequest) -> JsonResponse:
    """The JSON answer desk-photos.js shows beside a teaser as the editor types."""
    asked = _asked(request.GET)
    return JsonResponse(destination(asked.pop("text"), **asked))


@require_POST
def destinations_view(request: HttpRequest) -> JsonResponse:
    """Every teaser of the screen at once, as it opens: one request, not one per teaser.
    POST (the texts may be long) {"teasers": [...]}; answers {"destinations": [...]}, in order."""
    try:
        teasers = json.loads(request.body)["teasers"]
    except (ValueError, KeyError, TypeError):
        teasers = None
    if (
        not isinstance(teasers, list)
        or len(teasers) > MAX_BLOCKS
        or not all(isinstance(t, dict) for t in teasers)
    ):
        return JsonResponse({"error": NOT_TEASERS}, status=400)
    answers = []
    for teaser in teasers:
        asked = _asked(teaser)
        answers.append(destination(asked.pop("text"), **asked))
    return JsonResponse({"destinations": answers})
