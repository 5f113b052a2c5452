from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from articles import api, feeds, views
from articles.http import public
from articles.sitemaps import SITEMAPS, NewsSitemap

app_name = "articles"

urlpatterns = [
    path("", views.FrontPageView.as_view(), name="front-page"),
    path("articles/<str:slug>/", views.article_detail, name="detail"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("search/", views.SearchView.as_view(), name="search"),
    # Feeds
    path("feeds/rss/", feeds.ArticleFeed(), name="feed-rss"),
    path("feeds/atom/", feeds.SiteAtomFeed(), name="feed-atom"),
    path("sections/<slug:slug>/rss/", feeds.SectionFeed(), name="section-rss"),
    path("sections/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="section-atom"),
    path("topics/<slug:slug>/rss/", feeds.TopicFeed(), name="topic-rss"),
    path("topics/<slug:slug>/atom/", feeds.TopicAtomFeed(), name="topic-atom"),
    # Sitemaps
    path(
        "sitemap.xml",
        public(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "news-sitemap.xml",
        public(sitemap_views.sitemap),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "articles/news_sitemap.xml"},
        name="news-sitemap",
    ),
    # The read-only JSON API
    path("api/articles/", api.article_list, name="api-list"),
    path("api/articles/<str:slug>/", api.article_detail, name="api-detail"),
]
