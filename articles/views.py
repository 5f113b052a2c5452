"""Reader-facing pages. Each view picks its articles from Article.objects.published()."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from articles.models import Article, Block
from articles.search import search_articles


class FrontPageView(ListView):
    template_name = "articles/front_page.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().select_related("section")

    def get_paginate_by(self, queryset) -> int:
        return settings.ARTICLES_PER_PAGE


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"

    def get_object(self, queryset=None) -> Article:
        readable_blocks = Block.objects.exclude(kind=Block.Kind.FURNITURE).select_related(
            "link_article"
        )
        articles = Article.objects.published().select_related("section")
        return get_object_or_404(
            articles.prefetch_related(Prefetch("blocks", queryset=readable_blocks)),
            slug=self.kwargs["slug"],
        )


class SearchView(ListView):
    template_name = "articles/search.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return search_articles(self.request.GET.get("q", ""))

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.request.GET.get("q", ""), **kwargs)
