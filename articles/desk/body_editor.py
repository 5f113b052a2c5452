"""The article screen's body editor (issue 14): how each block's fields are laid out for
static/admin-extra/body-editor.js, and the endpoint that reads pasted lines.

Pasted lines are read by the importer's own rules (articles.seedfile.pasted) and their marks
by the one sanitiser (articles.inline): nothing here decides what a line is.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST

from articles.inline import plain_text, sanitise
from articles.seedfile.decoding import SeedError
from articles.seedfile.pasted import PastedBlock, read_body_lines

# Each block's fields; the script shows a group only for the kinds named in its class
# ("newsroom-for-<kind>") and keeps position, html and recognised (its own business) hidden.
BLOCK_FIELDSETS = [
    (None, {"fields": [("kind", "visibility"), "text", "html", "position", "recognised"]}),
    ("Quote", {"fields": ["attribution"], "classes": ["newsroom-for-quote"]}),
    (
        "Embedded link",
        {
            "fields": ["embed_url", "embed_title", "embed_description"],
            "classes": ["newsroom-for-embed"],
        },
    ),
    (
        "Photo and credit (captions)",
        {
            "fields": ["photo", "alt_text", ("credit", "credit_parts")],
            "classes": ["collapse", "newsroom-for-caption"],
        },
    ),
    (
        "Link (teasers)",
        {"fields": ["link_url", "link_article"], "classes": ["collapse", "newsroom-for-teaser"]},
    ),
]

# What the editor is told a recognised block is, so they can accept it or change its kind.
RECOGNISED = {
    "caption": "Recognised as a caption",
    "teaser": "Recognised as a related-link teaser",
    "subheading": "Recognised as a subheading",
    "quote": "Recognised as a quote",
    "bulleted_list": "Recognised as a bulleted list",
    "numbered_list": "Recognised as a numbered list",
    "divider": "Recognised as a divider",
    "embed": "Recognised as an embedded link",
}
NOT_LINES = "the paste did not arrive as lines of text; paste it again"


def _pasted_lines(request: HttpRequest) -> list[dict]:
    """The lines the script sends: [{"text": …, "html": …}, …]; ValueError if not that."""
    try:
        lines = json.loads(request.body)["lines"]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(NOT_LINES) from error
    if not isinstance(lines, list) or not all(
        isinstance(line, dict)
        and isinstance(line.get("text"), str)
        and isinstance(line.get("html", ""), str)
        for line in lines
    ):
        raise ValueError(NOT_LINES)
    return lines


def _marks(block: PastedBlock, lines: list[dict]) -> str:
    """A pasted block's bold, italic and links. A paragraph's come from its line's HTML
    (Docs, Word), sanitised, when it says the same words as the text the rules read; else,
    as for any kind, from what the rules read ("**bold**" in plain text)."""
    if block.kind == "paragraph" and len(block.lines) == 1:
        marked = sanitise(lines[block.lines[0]].get("html", "")).strip()
        same = " ".join(plain_text(marked).split()) == " ".join(block.text.split())
        if same and "<" in marked:
            return marked
    return block.html


def _block_data(block: PastedBlock, lines: list[dict]) -> dict:
    recognised = RECOGNISED.get(block.kind, "")
    if recognised and block.credit:
        recognised += f", credit “{block.credit}”"
    return {
        "kind": block.kind,
        "text": block.text,
        "credit": block.credit,
        "html": _marks(block, lines),
        "attribution": block.attribution,
        "embed_url": block.embed_url,
        "embed_title": block.embed_title,
        "embed_description": block.embed_description,
        "rule": block.rule,
        "recognised": recognised,
    }


def read_pasted_view(model_admin):
    """POST pasted lines as JSON; answer the blocks they make and the page junk left out."""

    @require_POST
    def view(request: HttpRequest):
        if not (
            model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
        ):
            raise PermissionDenied
        try:
            lines = _pasted_lines(request)
            blocks = read_body_lines([line["text"] for line in lines])
        except ValueError as error:  # SeedError too, with its own words
            message = error.message if isinstance(error, SeedError) else str(error)
            return JsonResponse({"error": f"Not pasted: {message}."}, status=400)
        kept = [b for b in blocks if b.kind != "furniture"]
        return JsonResponse(
            {
                "blocks": [_block_data(block, lines) for block in kept],
                "dropped": [block.text for block in blocks if block.kind == "furniture"],
            }
        )

    return view


def urls(model_admin, wrap) -> list:
    """The body editor's addresses under the article admin."""
    return [
        path(
            "read-pasted/",
            wrap(read_pasted_view(model_admin)),
            name="articles_article_read_pasted",
        )
    ]
