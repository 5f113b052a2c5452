"""Reader-facing pages. Each view picks its articles from Article.objects.published()."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView

from articles.models import Article, Block
from articles.search import search_articles


class FrontPageView(ListView):
    template_name = "articles/front_page.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().select_related("section")

    def get_paginate_by(self, queryset) -> int:
        return settings.ARTICLES_PER_PAGE


def with_page_content(articles):
    """What the article page shows: section, readable blocks and the articles teasers name."""
    readable_blocks = Block.objects.exclude(kind=Block.Kind.FURNITURE).select_related(
        "link_article"
    )
    return articles.select_related("section").prefetch_related(
        Prefetch("blocks", queryset=readable_blocks)
    )


def render_article(
    request: HttpRequest, article: Article, *, preview: bool = False
) -> HttpResponse:
    """The article page; the admin's preview renders unpublished articles through it too."""
    return render(request, "articles/article_detail.html", {"article": article, "preview": preview})


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(with_page_content(Article.objects.published()), slug=slug)
    return render_article(request, article)


class SearchView(ListView):
    template_name = "articles/search.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return search_articles(self.request.GET.get("q", ""))

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.request.GET.get("q", ""), **kwargs)
