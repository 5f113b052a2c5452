"""RSS and Atom feeds of the newest published articles: the whole site, a section, a topic."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from articles.authors import byline_names
from articles.caching import cache_publicly
from articles.models import Article, Author, Section, Topic
from articles.reader.queries import for_listing, updated_time

FEED_LENGTH = 30


class ArticleFeed(Feed):
    """The site's newest articles."""

    def __call__(self, request, *args, **kwargs):
        return cache_publicly(request, super().__call__(request, *args, **kwargs))

    def title(self, obj=None) -> str:
        return settings.SITE_NAME if obj is None else f"{obj.name} — {settings.SITE_NAME}"

    def description(self, obj=None) -> str:
        return "The newest articles" + ("" if obj is None else f" in {obj.name}")

    def link(self, obj=None) -> str:
        return reverse("articles:front-page")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        articles = for_listing(self.articles(obj)).prefetch_related("topics")
        return articles[:FEED_LENGTH]

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return item.dek

    def item_author_name(self, item: Article) -> str | None:
        """The names the byline gives, without "By"; None leaves out an empty <author>."""
        return ", ".join(byline_names(item.byline)) or None

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return updated_time(item) or item.published_at

    def item_categories(self, item: Article) -> list[str]:
        return [topic.name for topic in item.topics.all()]


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> Section:
        return get_object_or_404(Section, slug=slug)

    def link(self, obj: Section) -> str:
        return reverse("articles:section", kwargs={"slug": obj.slug})

    def articles(self, obj: Section):
        return Article.objects.published().filter(section=obj)


class TopicFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> Topic:
        return get_object_or_404(Topic, slug=slug)

    def link(self, obj: Topic) -> str:
        return reverse("articles:topic", kwargs={"slug": obj.slug})

    def articles(self, obj: Topic):
        return Article.objects.published().filter(topics=obj)


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> Author:
        return get_object_or_404(Author, slug=slug)

    def link(self, obj: Author) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Author) -> str:
        return f"The newest articles by {obj.name}"

    def articles(self, obj: Author):
        return Article.objects.published().filter(authors=obj)


def atom(feed_class: type[Feed]) -> type[Feed]:
    """The Atom variant of an RSS feed class."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed})


SiteAtomFeed, SectionAtomFeed, TopicAtomFeed, AuthorAtomFeed = map(
    atom, (ArticleFeed, SectionFeed, TopicFeed, AuthorFeed)
)
