"""Where a teaser typed on the article screen leads, by the importer's rule (issue 14).

The rule is not written here: a teaser names the article whose headline key it has
(articles.models.teaser_link_key), the oldest such article, looked up as the importer
looks it up (articles/importing/store.py), and is linked after a save as the importer
links teasers written before their article (articles/linking.py). This module only asks
that rule and says its answer in an editor's words.
"""

from django.http import JsonResponse

from articles.importing.store import _teaser_targets
from articles.linking import link_teasers_naming
from articles.models import Article, Block, teaser_link_key

# A teaser is a headline: longer text is cut before the lookup (the key keeps 300 characters).
MAX_TEXT = 1000


def named_article_id(text: str) -> int | None:
    """The article a teaser with this text names by headline, or None."""
    key = teaser_link_key(Block.Kind.TEASER, text)
    return _teaser_targets([key]).get(key)


def link_after_edit(initial_text: str, text: str, link_article):
    """The article a teaser keeps after its text changed from `initial_text` to `text`:
    a link the rule made for the old text follows the new text (it is set again after
    the save), a link the editor chose stays."""
    changed = link_article is not None and initial_text != text
    if changed and named_article_id(initial_text) == link_article.pk:
        return None
    return link_article


def destination(text: str, *, link_url: str = "", link_article_id: int | None = None) -> dict:
    """Where the teaser goes, for the editor: {"goes": "web" | "article" | "later" | "nowhere",
    "label": a sentence, and "href": the address readers follow, when they follow one}."""
    if link_url:
        # Only web links ever reach a page (Block.href); anything else is refused on save.
        if not link_url.lower().startswith(("http://", "https://")):
            return {"goes": "nowhere", "label": "No link: the address is not a web address."}
        return {"goes": "web", "label": f"Links to {link_url}", "href": link_url}
    target_id = link_article_id or named_article_id(text[:MAX_TEXT])
    rows = Article.objects.only("headline", "slug", "status", "published_at")
    target = rows.filter(pk=target_id).first() if target_id else None
    if target is None:
        return {
            "goes": "nowhere",
            "label": "No link: no article has this headline, so readers see plain text.",
        }
    how = "the article you chose" if link_article_id else "the article with this headline"
    if target.is_published:
        return {
            "goes": "article",
            "label": f"Links to {how}: “{target.headline}”.",
            "href": target.get_absolute_url(),
        }
    return {
        "goes": "later",
        "label": f"Names “{target.headline}”, not yet published: plain text until it is.",
    }


def link_named_articles(article: Article) -> None:
    """After a save: link the article's teasers to the articles their text names."""
    keys = (
        article.blocks.filter(kind=Block.Kind.TEASER, link_article=None, link_url="")
        .exclude(link_key="")
        .values("link_key")
    )
    link_teasers_naming(Article.objects.filter(headline_key__in=keys).only("headline_key"))


def destination_view(request) -> JsonResponse:
    """The JSON answer desk-photos.js shows beside a teaser as the editor types."""
    text, chosen = request.GET.get("text", ""), request.GET.get("link_article", "")
    link_article = Article(pk=int(chosen)) if chosen.isdigit() else None
    # As the form will decide on save: a link the rule made for the text as it was
    # follows the text as it is now.
    link_article = link_after_edit(request.GET.get("initial_text", text), text, link_article)
    return JsonResponse(
        destination(
            text,
            link_url=request.GET.get("link_url", "").strip(),
            link_article_id=link_article.pk if link_article else None,
        )
    )
