"""A read-only JSON API over published articles: /api/articles/ and /api/articles/<slug>/."""

from datetime import UTC, datetime, time

from django.core.paginator import EmptyPage
from django.http import HttpRequest, HttpResponsePermanentRedirect, JsonResponse, QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from articles.caching import cache_publicly, public
from articles.inline import safe_href
from articles.links import link
from articles.models import Article, Block, Listing, Section, Topic
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
    paginator = ArchivePaginator(articles, PAGE_SIZE)
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
            "results": [
                summary(request, article, queries.listed_topics(article)) for article in page
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def article_detail(request: HttpRequest, slug: str) -> JsonResponse | HttpResponsePermanentRedirect:
    """One published article with its body as an ordered list of typed blocks."""
    article = queries.published_article(slug)
    if article is None:
        if moved := queries.redirected_article(slug):
            return cache_publicly(HttpResponsePermanentRedirect(api_url(moved)))
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
    return cache_publicly(response, article_id=article.pk)


def filtered_articles(params: QueryDict) -> queries.ListedArticles:
    """Published articles narrowed by the section, topic and since parameters."""
    conditions, values = ["TRUE"], []
    for model in (Section, Topic):
        if slug := params.get(model.url_name):
            pk = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
            if pk is None:
                raise BadRequest(f"There is no {model._meta.verbose_name} {slug!r}.")
            conditions.append(queries.listing_condition(model))
            values.append(pk)
    if since := params.get("since"):
        conditions.append(f"{Article._meta.db_table}.published_at >= %s")
        values.append(parse_since(since))
    return queries.ListedArticles(" AND ".join(conditions), values, topics=True)


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
    try:
        # In UTC: PostgreSQL refuses offsets past ±15:59 that Python accepts (+23:59).
        return (timezone.make_aware(moment) if timezone.is_naive(moment) else moment).astimezone(
            UTC
        )
    except (OverflowError, ValueError):  # 0001-01-01T00:00:00+01:00 is before year 1 in UTC
        raise BadRequest(f"since={value!r} is out of range.") from None


def page_number(value: str) -> int:
    # isdigit() alone accepts "²" and "①", which int() refuses.
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise BadRequest(f"page={value!r} is not a page number; use 1, 2, 3 …")
    return int(value)


def page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def api_url(article: Article) -> str:
    return link("articles:api-detail", article.slug)


def named(request: HttpRequest, listing: Listing) -> dict:
    url = request.build_absolute_uri(listing.get_absolute_url())
    return {"name": listing.name, "slug": listing.slug, "url": url}


def summary(request: HttpRequest, article: Article, topics) -> dict:
    """What lists and the detail share: the article's headline, dates, places and addresses."""
    return {
        "slug": article.slug,
        "headline": article.headline,
        "standfirst": article.dek,
        "language": article.language,
        "published_at": queries.isoformat(article.published_at),
        "updated_at": queries.isoformat(queries.updated_time(article)),
        "section": named(request, article.section) if article.section else None,
        "topics": [named(request, topic) for topic in topics],
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "api_url": request.build_absolute_uri(api_url(article)),
    }


def block_data(request: HttpRequest, block: Block) -> dict:
    """One body block, typed (README: The JSON API): its plain text and its sanitised inline
    HTML, and what its kind adds: a caption's credit and photo, a teaser's link, a quote's
    attribution, a list's items, an embed's card."""
    data = {"type": block.kind, "text": block.text, "html": block.inline_html}
    if block.kind in (Block.Kind.BULLETED_LIST, Block.Kind.NUMBERED_LIST):
        lines = zip(block.text.split("\n"), block.inline_html.split("\n"), strict=False)
        data["items"] = [{"text": text, "html": html} for text, html in lines]
    elif block.kind == Block.Kind.QUOTE:
        data["attribution"] = block.attribution
    elif block.kind == Block.Kind.EMBED:
        data["url"] = block.embed_url if safe_href(block.embed_url) else None
        data["title"] = block.embed_title
        data["description"] = block.embed_description
    elif block.kind == Block.Kind.CAPTION:
        data["credit"] = block.credit
        data["photo_url"] = request.build_absolute_uri(block.photo.url) if block.photo else None
        data["alt_text"] = block.alt_text
    elif block.kind == Block.Kind.TEASER:
        data["url"] = request.build_absolute_uri(block.href)
    return data
