"""Template helpers for the reader's pages: navigation, times, highlights and JSON-LD."""

import json
import re
from datetime import datetime
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from articles.body import label_language
from articles.inline import is_external, page_html, safe_href
from articles.links import link
from articles.models import Section
from articles.photos import photo_srcset
from articles.reader.queries import isoformat, last_public_change
from articles.reader.search import MARK_START, MARK_STOP

register = template.Library()

# The characters json_script escapes, so that JSON can sit inside a <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


register.filter("photo_srcset", photo_srcset)
# {% language article|label_language %}: the article's labels and dates in its own language.
register.filter("label_language", label_language)
# {% link 'articles:section' slug %}: {% url %} for the public pages, without re-matching the URLconf.
register.simple_tag(link, name="link")


@register.inclusion_tag("articles/includes/section_nav.html", takes_context=True)
def section_nav(context) -> dict:
    """The list of sections for the masthead, marking the one being read."""
    return {
        "sections": Section.objects.only("name", "slug"),
        "current": context.get("section"),
    }


@register.simple_tag
def site_name() -> str:
    return settings.SITE_NAME


@register.filter
def iso(value: datetime | None) -> str:
    """A machine-readable local time to the second, for <time datetime>."""
    return isoformat(value) or ""


@register.filter
def byline_links(byline: str, authors: list) -> SafeString:
    """The byline as written, with each author's name in it a link to their page."""
    by_name = {escape(author.name): author for author in authors}
    if not by_name:
        return escape(byline)
    # One pass, longest names first, so that "Ali" never links inside "Sami Ali".
    names = re.compile("|".join(map(re.escape, sorted(by_name, key=len, reverse=True))))

    def linked(found: re.Match) -> str:
        author = by_name[found[0]]
        return format_html(
            '<a class="byline__author" href="{}">{}</a>', author.get_absolute_url(), author.name
        )

    return mark_safe(names.sub(linked, escape(byline)))


@register.filter
def when(value: datetime | None) -> str:
    """A time as readers see it, in the active language and with its time zone:
    "1 December 2026, 14:54 UTC"; translators may reorder it."""
    if value is None:
        return ""
    shown = pgettext("time shown to readers (PHP date format)", "j F Y, H:i T")
    return date_format(timezone.localtime(value), shown)


@register.filter
def highlight(value: str) -> SafeString:
    """Text from the search with its matched words in <mark>, everything else escaped."""
    marked = escape(value or "").replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(marked)


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """`path` as a full address on this site, for canonical links, feeds and cards."""
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, article, content) -> SafeString:
    """JSON-LD describing the article as a schema.org NewsArticle.

    A <script type="application/ld+json"> is a data block, not a script: browsers
    never execute it, so a strict Content-Security-Policy does not block it.
    """
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.dek,
        "inLanguage": article.language,
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": isoformat(article.published_at),
        "dateModified": isoformat(last_public_change(article)),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in content.authors
        ]
        or {"@type": "Organization", "name": settings.SITE_NAME},
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME},
        "articleSection": article.section.name if article.section else "",
        "keywords": [topic.name for topic in content.topics],
    }
    if photo := content.lead_photo:
        data["image"] = [request.build_absolute_uri(photo.photo.url)]
    data = {key: value for key, value in data.items() if value}
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def marked(block) -> SafeString:
    """{{ block|marked }}: a paragraph's text with its inline marks, as the page shows them."""
    if not block.html:
        return escape(block.text)
    return mark_safe(page_html(block.html))  # sanitised by page_html


@register.filter
def marked_lines(block) -> list[SafeString]:
    """A list's items (or a quote's lines), each with its inline marks."""
    if not block.html:
        return [escape(line) for line in block.text.split("\n") if line.strip()]
    return [mark_safe(page_html(line)) for line in block.html.split("\n") if line.strip()]


@register.filter
def embed_href(block) -> str:
    """An embed's address, if it is one a page may link to (http, https or on the site)."""
    return block.embed_url if safe_href(block.embed_url) else ""


register.filter("leaves_site", is_external)


@register.filter
def host_name(href: str) -> str:
    """The host an address leads to, without "www."; the site's own name for a site address."""
    host = urlsplit(href).hostname or ""
    return host.removeprefix("www.") or settings.SITE_NAME
