"""RSS and Atom feeds of the newest published articles: the whole site, a section, a topic.

Their items come from one prepared statement with each article's topics (issue 17).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape

from articles.authors import byline_names
from articles.caching import cache_publicly
from articles.models import Article, Listing
from articles.reader import queries

FEED_LENGTH = 30


class ArticleFeed(Feed):
    """The site's newest articles, as RSS unless given another `feed_type` (Atom1Feed)."""

    def __init__(self, feed_type: type[SyndicationFeed] = Rss201rev2Feed) -> None:
        super().__init__()
        self.feed_type = feed_type

    def __call__(self, request, *args, **kwargs):
        return cache_publicly(super().__call__(request, *args, **kwargs))

    def title(self, obj=None) -> str:
        return settings.SITE_NAME if obj is None else f"{obj.name} — {settings.SITE_NAME}"

    def description(self, obj=None) -> str:
        return "The newest articles" + ("" if obj is None else f" in {obj.name}")

    def link(self, obj=None) -> str:
        return reverse("articles:front-page")

    def articles(self, obj) -> queries.ListedArticles:
        return queries.ListedArticles(topics=True)

    def items(self, obj=None) -> list[Article]:
        return self.articles(obj)[:FEED_LENGTH]

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        # RSS <description> and Atom <summary type="html"> are HTML to a feed reader, and a
        # standfirst is text (from a seed file or the admin): escaped, "<script>" stays words.
        # Titles need nothing: RSS titles and Atom's (type "text") are text already.
        return escape(item.dek)

    def item_author_name(self, item: Article) -> str | None:
        """The names the byline gives, without "By"; None leaves out an empty <author>."""
        return ", ".join(byline_names(item.byline)) or None

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return queries.updated_time(item) or item.published_at

    def item_categories(self, item: Article) -> list[str]:
        return [topic.name for topic in queries.listed_topics(item)]


class ListingFeed(ArticleFeed):
    """A section's or a topic's newest articles: `ListingFeed(Topic, Atom1Feed)`."""

    def __init__(
        self, model: type[Listing], feed_type: type[SyndicationFeed] = Rss201rev2Feed
    ) -> None:
        super().__init__(feed_type)
        self.model = model

    def get_object(self, request, slug: str) -> Listing:
        return get_object_or_404(self.model, slug=slug)

    def link(self, obj: Listing) -> str:
        return obj.get_absolute_url()

    def articles(self, obj: Listing) -> queries.ListedArticles:
        return queries.ListedArticles(queries.listing_condition(type(obj)), [obj.pk], topics=True)
