"""Teasers waiting for their article, robots.txt and the favicon (issue 16)."""

import pytest

from articles.models import Article, Block
from tests.factories import ArticleFactory, BlockFactory

pytestmark = pytest.mark.django_db


def test_a_teaser_with_no_matching_article_reads_as_a_plain_related_line(client):
    """Without its article a teaser is a "Related:" line with no link, not a search that finds nothing."""
    article = ArticleFactory(headline="Main story")
    BlockFactory(article=article, kind=Block.Kind.TEASER, text="A story still to come")
    html = client.get(article.get_absolute_url()).content.decode()
    teaser = html[
        html.index('<p class="teaser') : html.index("</p>", html.index('<p class="teaser'))
    ]
    assert "Related:" in teaser and "A story still to come" in teaser
    assert "<a " not in teaser and "/search/?q=" not in html


def test_the_teaser_links_by_itself_once_an_editor_writes_the_article_it_names(client):
    """An article written in the admin later, under the teased headline, turns the line into a link."""
    article = ArticleFactory(headline="Main story")
    BlockFactory(article=article, kind=Block.Kind.TEASER, text="A story still to come")
    client.get(article.get_absolute_url())  # the body is stored without a link
    target = ArticleFactory(headline="A Story Still to Come")
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'<a class="teaser__link" href="{target.get_absolute_url()}">A story still to come</a>'
        in html
    )


def test_a_teaser_naming_a_draft_links_once_the_draft_is_published(client):
    """A draft under the teased headline is not linked until it is published."""
    article = ArticleFactory(headline="Main story")
    BlockFactory(article=article, kind=Block.Kind.TEASER, text="The follow-up")
    draft = ArticleFactory(headline="The follow-up", status=Article.Status.DRAFT)
    assert "teaser--unlinked" in client.get(article.get_absolute_url()).content.decode()
    draft.status = Article.Status.PUBLISHED
    draft.published_at = article.published_at
    draft.save()
    assert (
        f'href="{draft.get_absolute_url()}"'
        in client.get(article.get_absolute_url()).content.decode()
    )


def test_robots_txt_points_crawlers_at_the_sitemaps(client):
    """robots.txt names both sitemaps by their full address and keeps crawlers out of the admin."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_favicon_ico_is_served_at_the_root_for_every_kind_of_answer(client):
    """Browsers asking for /favicon.ico on a feed or the API get an icon, not a 404."""
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    for page in ("/", "/no-such-page/"):
        assert '<link rel="icon" href="/favicon.ico"' in client.get(page).content.decode()
