"""Reader-facing pages. Each view picks its articles from Article.objects.published()."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.views.generic import ListView

from articles.caching import cache_publicly, cached_with_content, never_cache_privately
from articles.links import link
from articles.models import Article, Author, Listing, Section
from articles.reader import cards, front_page, queries, search_suggestions
from articles.reader.paging import ArchivePaginator
from articles.reader.search import (
    MAX_QUERY_WORDS,
    RANKED_MATCHES,
    related_articles,
    search_articles,
)
from articles.templatetags.reader import section_nav


def section_nav_html(current: Section | None = None) -> SafeString:
    """The masthead's section navigation, from the fragment cache (base.html renders it otherwise)."""
    return mark_safe(
        cached_with_content(
            "section-nav",
            lambda: render_to_string(
                "articles/includes/section_nav.html", section_nav({"section": current})
            ),
            current.pk if current else "",
        )
    )


def related_html(article: Article, content: queries.ArticleContent, *, preview: bool) -> SafeString:
    """The "More to read" block; previews skip the cache, as a draft's edits may not renew it."""

    def render_related() -> str:
        related = related_articles(article, content.topics)
        return render_to_string(
            "articles/includes/related.html", {"related": related, "article": article}
        )

    html = (
        render_related() if preview else cached_with_content("related", render_related, article.pk)
    )
    return mark_safe(html)


class PublicListView(ListView):
    """A paginated list of published articles, the same for every reader."""

    context_object_name = "articles"
    paginator_class = ArchivePaginator

    def get_paginate_by(self, queryset) -> int:
        return settings.ARTICLES_PER_PAGE

    def dispatch(self, request, *args, **kwargs):
        return cache_publicly(super().dispatch(request, *args, **kwargs))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section_nav_html=section_nav_html(kwargs.get("section")), **kwargs
        )


class FrontPageView(PublicListView):
    """The lead story, the top stories and the sections' blocks, then the latest list."""

    template_name = "articles/front_page.html"

    def get_queryset(self):
        self.front = front_page.front_page()
        return front_page.latest(self.front.shown_ids)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        placed = [(article, cards.LATEST) for article in context["articles"]]
        if not context["page_obj"].has_previous():
            context["front"] = self.front
            context["section_blocks"] = front_page.section_blocks(self.front.shown_ids)
            if self.front.lead:
                placed.append((self.front.lead, cards.LEAD))
            placed += [(article, cards.TOP) for article in self.front.top_stories]
            for block in context["section_blocks"]:
                first, *rest = block.articles
                placed += [(first, cards.SECTION_FIRST), *((a, cards.SECTION) for a in rest)]
        cards.attach_cards(placed)
        return context


class ListingView(PublicListView):
    """A section's or a topic's articles, newest first: `ListingView.as_view(model=Topic)`."""

    template_name = "articles/article_list.html"
    model: type[Listing]

    def get_queryset(self):
        self.listing = get_object_or_404(self.model, slug=self.kwargs["slug"])
        return queries.ListedArticles(queries.listing_condition(self.model), [self.listing.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            listing=self.listing,
            kind=self.model._meta.verbose_name.capitalize(),
            rss_url=self.listing.feed_url("rss"),
            atom_url=self.listing.feed_url("atom"),
            # The masthead marks the section being read.
            section=self.listing if isinstance(self.listing, Section) else None,
            # An author's page shows who they are.
            author=self.listing if isinstance(self.listing, Author) else None,
            **kwargs,
        )
        cards.attach_cards((article, cards.LISTING) for article in context["articles"])
        return context


class SearchView(PublicListView):
    template_name = "articles/search.html"
    # Its results are counted already (at most RANKED_MATCHES) and fetched a page at a time.
    paginator_class = Paginator

    def get_queryset(self):
        return search_articles(self.request.GET.get("q", ""))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            query=self.object_list.query,
            query_shortened=self.object_list.shortened,
            max_query_words=MAX_QUERY_WORDS,
            ranked_matches=RANKED_MATCHES,
            **kwargs,
        )
        if context["query"] and not context["paginator"].count:
            context["did_you_mean"] = search_suggestions.did_you_mean(context["query"])
            context["without_word"] = search_suggestions.without_rarest_word(context["query"])
        return context


def render_article(
    request: HttpRequest, article: Article, *, preview: bool = False
) -> HttpResponse:
    """The article page; the admin's preview renders unpublished articles through it too."""
    content = queries.ArticleContent.of(article)
    context = {
        "article": article,
        "content": content,
        "preview": preview,
        "updated": queries.updated_time(article),
        "reading_minutes": queries.reading_minutes(article),
        # Rendered by templates/articles/includes/body.html, which escapes every text.
        "body_html": mark_safe(article.rendered_body()),
        "related_html": related_html(article, content, preview=preview),
        "section_nav_html": section_nav_html(),
    }
    response = render(request, "articles/article_detail.html", context)
    if preview:
        return never_cache_privately(response)
    return cache_publicly(response, article_id=article.pk)


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The article, or a permanent redirect when `slug` is an address it used to have."""
    article = queries.published_article(slug)
    if article is not None:
        return render_article(request, article)
    moved = queries.redirected_article(slug)
    if moved is None:
        raise Http404("No published article at this address.")
    return cache_publicly(HttpResponsePermanentRedirect(moved.get_absolute_url()))


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read everything public; the sitemaps say what there is."""
    sitemaps = (link("articles:sitemap"), link("articles:news-sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        *(f"Sitemap: {request.build_absolute_uri(path)}" for path in sitemaps),
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
