from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.utils.feedgenerator import Atom1Feed

from articles.caching import cached_page, public
from articles.models import Author, Section, Topic
from articles.reader import api, feeds, views
from articles.reader.sitemaps import SITEMAPS, NewsSitemap

app_name = "articles"
listing = views.ListingView.as_view

# Every public page goes through the page cache (articles/caching.py).
urlpatterns = [
    path("", cached_page(views.FrontPageView.as_view()), name="front-page"),
    path("articles/<str:slug>/", cached_page(views.article_detail), name="detail"),
    path("sections/<slug:slug>/", cached_page(listing(model=Section)), name="section"),
    path("topics/<slug:slug>/", cached_page(listing(model=Topic)), name="topic"),
    path("authors/<str:slug>/", cached_page(listing(model=Author)), name="author"),
    path("search/", cached_page(views.SearchView.as_view()), name="search"),
    # Feeds
    path("feeds/rss/", cached_page(feeds.ArticleFeed()), name="feed-rss"),
    path("feeds/atom/", cached_page(feeds.ArticleFeed(Atom1Feed)), name="feed-atom"),
    path("sections/<slug:slug>/rss/", cached_page(feeds.ListingFeed(Section)), name="section-rss"),
    path(
        "sections/<slug:slug>/atom/",
        cached_page(feeds.ListingFeed(Section, Atom1Feed)),
        name="section-atom",
    ),
    path("topics/<slug:slug>/rss/", cached_page(feeds.ListingFeed(Topic)), name="topic-rss"),
    path(
        "topics/<slug:slug>/atom/",
        cached_page(feeds.ListingFeed(Topic, Atom1Feed)),
        name="topic-atom",
    ),
    path("authors/<str:slug>/rss/", cached_page(feeds.ListingFeed(Author)), name="author-rss"),
    path(
        "authors/<str:slug>/atom/",
        cached_page(feeds.ListingFeed(Author, Atom1Feed)),
        name="author-atom",
    ),
    # Sitemaps, and robots.txt pointing at them
    path("robots.txt", cached_page(public(views.robots_txt)), name="robots"),
    path(
        "sitemap.xml",
        cached_page(public(sitemap_views.index)),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cached_page(public(sitemap_views.sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "news-sitemap.xml",
        cached_page(public(sitemap_views.sitemap)),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "articles/news_sitemap.xml"},
        name="news-sitemap",
    ),
    # The read-only JSON API
    path("api/articles/", cached_page(api.article_list), name="api-list"),
    path("api/articles/<str:slug>/", cached_page(api.article_detail), name="api-detail"),
]
