"""Where a teaser typed on the article screen leads, said in an editor's words (issue 14).

The rule is not written here: articles.linking.teaser_destination is the one rule the
importer, the page and the admin share, and link_teaser_by_name decides (as Block.save
does on the save) whether an article linked by name follows an edited text. This module
asks them about the text being typed and says their answer as a sentence.
"""

from django.http import JsonResponse

from articles.linking import link_teaser_by_name, teaser_destination
from articles.models import Article, Block, teaser_link_key

# A teaser is a headline: longer text is cut before the lookup (the key keeps 300 characters).
MAX_TEXT = 1000


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


def destination_view(request) -> JsonResponse:
    """The JSON answer desk-photos.js shows beside a teaser as the editor types."""
    text, chosen = request.GET.get("text", ""), request.GET.get("link_article", "")
    return JsonResponse(
        destination(
            text,
            initial_text=request.GET.get("initial_text", text),
            link_url=request.GET.get("link_url", "").strip(),
            link_article_id=int(chosen) if chosen.isdigit() else None,
        )
    )
