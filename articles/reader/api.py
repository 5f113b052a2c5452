"""A read-only JSON API over published articles: /api/articles/ and /api/articles/<slug>/."""

from datetime import datetime, time

from django.core.paginator import EmptyPage
from django.http import HttpRequest, HttpResponsePermanentRedirect, JsonResponse, QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from articles.caching import cache_publicly, public
from articles.links import link
from articles.models import Article, Block, Section, Topic
from articles.reader import queries
from articles.reader.paging import ArchivePaginator

PAGE_SIZE = 20


class BadRequest(Exception):
    """A query parameter the API cannot use; its message tells the client why."""


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@public
def article_list(request: HttpRequest) -> JsonResponse:
    """Published articles, newest first: ?section=<slug>&topic=<slug>&since=<ISO 8601>&page=<n>."""
    try:
        articles = filtered_articles(request.GET)
        number = page_number(request.GET.get("page", "1"))
    except BadRequest as exc:
        return error(400, str(exc))
    paginator = ArchivePaginator(articles.prefetch_related("topics"), PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage:
        known = "" if paginator.capped else f"; there are {paginator.num_pages}"
        return error(404, f"There is no page {number}{known}.")
    return JsonResponse(
        {
            # Beyond paging.COUNT_CAP articles the total is not counted: null, and "next" says more.
            "count": None if paginator.capped else paginator.count,
            "page": page.number,
            "pages": None if paginator.capped else paginator.num_pages,
            "next": page_url(request, page.next_page_number()) if page.has_next() else None,
            "previous": (
                page_url(request, page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [summary(request, article, article.topics.all()) for article in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def article_detail(request: HttpRequest, slug: str) -> JsonResponse | HttpResponsePermanentRedirect:
    """One published article with its body as an ordered list of typed blocks."""
    article = queries.published_article(slug)
    if article is None:
        if moved := queries.redirected_article(slug):
            return cache_publicly(request, HttpResponsePermanentRedirect(api_url(moved)))
        return error(404, f"No published article has the slug {slug!r}.")
    content = queries.ArticleContent.of(article)
    response = JsonResponse(
        {
            **summary(request, article, content.topics),
            "byline": article.byline,
            "dateline": article.dateline,
            "body": [block_data(request, block) for block in content.blocks],
            "notes": [
                {
                    "kind": note.kind,
                    "text": note.text,
                    "created_at": queries.isoformat(note.created_at),
                }
                for note in content.notes
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    # Named by its article, so that an edit elsewhere leaves its cached copy alone.
    return cache_publicly(request, response, article_id=article.pk)


def filtered_articles(params: QueryDict):
    """Published articles narrowed by the section, topic and since parameters."""
    articles = queries.for_listing(Article.objects.published())
    if slug := params.get("section"):
        if not Section.objects.filter(slug=slug).exists():
            raise BadRequest(f"There is no section {slug!r}.")
        articles = articles.filter(section__slug=slug)
    if slug := params.get("topic"):
        if not Topic.objects.filter(slug=slug).exists():
            raise BadRequest(f"There is no topic {slug!r}.")
        articles = articles.filter(topics__slug=slug)
    if since := params.get("since"):
        articles = articles.filter(published_at__gte=parse_since(since))
    return articles


def parse_since(value: str) -> datetime:
    """An ISO 8601 date or date-time; without a time zone it is the site's."""
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)) is not None:
            moment = datetime.combine(day, time.min)
    except ValueError:  # well-formed but impossible, e.g. 2024-02-30
        moment = None
    if moment is None:
        raise BadRequest(
            f"since={value!r} is not a date; use ISO 8601, e.g. 2024-05-01 or 2024-05-01T12:00:00Z."
        )
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def page_number(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise BadRequest(f"page={value!r} is not a page number; use 1, 2, 3 …")
    return int(value)


def page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def api_url(article: Article) -> str:
    return link("articles:api-detail", article.slug)


def named(request: HttpRequest, thing: Section | Topic, url_name: str) -> dict:
    url = link(url_name, thing.slug)
    return {"name": thing.name, "slug": thing.slug, "url": request.build_absolute_uri(url)}


def summary(request: HttpRequest, article: Article, topics) -> dict:
    """What lists and the detail share: the article's headline, dates, places and addresses."""
    return {
        "slug": article.slug,
        "headline": article.headline,
        "standfirst": article.dek,
        "language": article.language,
        "published_at": queries.isoformat(article.published_at),
        "updated_at": queries.isoformat(queries.updated_time(article)),
        "section": named(request, article.section, "articles:section") if article.section else None,
        "topics": [named(request, topic, "articles:topic") for topic in topics],
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "api_url": request.build_absolute_uri(api_url(article)),
    }


def block_data(request: HttpRequest, block: Block) -> dict:
    """One body block, typed: paragraph, caption (with credit and photo) or teaser (with link)."""
    data = {"type": block.kind, "text": block.text}
    if block.kind == Block.Kind.CAPTION:
        data["credit"] = block.credit
        data["photo_url"] = request.build_absolute_uri(block.photo.url) if block.photo else None
        data["alt_text"] = block.alt_text
    elif block.kind == Block.Kind.TEASER:
        data["url"] = request.build_absolute_uri(block.href)
    return data
