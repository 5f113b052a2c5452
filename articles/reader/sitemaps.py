"""sitemap.xml (an index of the sitemaps below) and the Google News sitemap."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Listing, Section, Topic

# Google News reads only articles published in the last two days, at most 1,000.
NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


def last_changed() -> Greatest:
    """When an article last visibly changed: its public update, else its publication."""
    return Greatest("published_at", "updated_at")  # PostgreSQL's GREATEST skips NULLs


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    # Well under the protocol's 50,000: rendering 50,000 entries takes seconds.
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .annotate(last_changed=last_changed())
            .only("slug", "published_at", "updated_at")
        )

    def lastmod(self, item: Article):
        return item.last_changed

    def get_latest_lastmod(self):
        # Django's default reads every item; one aggregate serves the index instead.
        return self.items().aggregate(latest=Max("last_changed"))["latest"]


class NewsSitemap(ArticleSitemap):
    limit = NEWS_LIMIT

    def items(self):
        recent = super().items().filter(published_at__gte=timezone.now() - NEWS_WINDOW)
        return recent.only("slug", "headline", "language", "published_at", "updated_at")


class ListingSitemap(Sitemap):
    """The pages of every section, or of every topic: `ListingSitemap(Topic)`."""

    changefreq = "hourly"

    def __init__(self, model: type[Listing]) -> None:
        self.model = model

    def items(self):
        return self.model.objects.only("slug")

    def location(self, item: Listing) -> str:
        return item.get_absolute_url()


class FrontPageSitemap(Sitemap):
    changefreq = "always"
    priority = 1.0

    def items(self):
        return ["articles:front-page"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "pages": FrontPageSitemap,
    "articles": ArticleSitemap,
    "sections": ListingSitemap(Section),
    "topics": ListingSitemap(Topic),
}
