"""HTTP behaviour of the public pages: caching headers, ETags and 304 answers."""

import pytest

from articles.models import Article, Note
from articles.reader.views import render_article
from tests.factories import TINY_GIF, ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    """One address of each kind of public page."""
    article = ArticleFactory(headline="Rain in Haifa", section=SectionFactory(name="World"))
    return ["/", article.get_absolute_url(), "/sections/world/", "/search/?q=rain"]


def test_public_pages_can_be_cached_by_a_cdn(client, pages):
    """Public pages say public, a short max-age, a longer s-maxage and stale-while-revalidate."""
    for url in pages:
        cache_control = client.get(url)["Cache-Control"]
        for directive in ("public", "max-age=60", "s-maxage=300", "stale-while-revalidate="):
            assert directive in cache_control, (url, cache_control)


def test_public_pages_carry_an_etag(client, pages):
    """Every public page has an ETag for revalidation."""
    for url in pages:
        assert client.get(url).has_header("ETag"), url


def test_unchanged_page_answers_304_to_its_etag(client, pages):
    """A client that already has the current page gets a bodiless 304."""
    for url in pages:
        etag = client.get(url)["ETag"]
        response = client.get(url, headers={"if-none-match": etag})
        assert response.status_code == 304, url
        assert response.content == b""
        assert "public" in response["Cache-Control"]


def test_page_with_a_new_note_gets_a_new_etag(client):
    """When a correction is added, the old ETag no longer matches and the page is sent again."""
    article = ArticleFactory(headline="Rain in Haifa")
    etag = client.get(article.get_absolute_url())["ETag"]
    Note.objects.create(article=article, text="We misspelled Haifa.")
    response = client.get(article.get_absolute_url(), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "We misspelled Haifa." in response.content.decode()


def test_redirect_from_an_old_address_is_cacheable(client):
    """The permanent redirect from an old slug may be cached too."""
    article = ArticleFactory(headline="Old title")
    article.slug = "new-title"
    article.save()
    response = client.get("/articles/old-title/")
    assert response.status_code == 301 and "public" in response["Cache-Control"]


def test_not_found_pages_are_not_cached_publicly(client, db):
    """A 404 carries no public caching header, so a page published a moment later shows up."""
    response = client.get("/articles/not-yet/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")


def test_public_pages_do_not_vary_on_cookies(client, pages):
    """Pages are the same for everyone: nothing makes a CDN keep one copy per visitor."""
    for url in pages:
        response = client.get(url)
        assert "Cookie" not in response.get("Vary", ""), url
        assert not response.cookies, url


def test_public_pages_name_their_surrogate_keys_for_a_cdn(client, rf):
    """Article pages can be purged by their own key, lists by "lists", every public page by "all"; previews by none."""
    article = ArticleFactory(headline="Rain in Haifa", section=SectionFactory(name="World"))
    response = client.get(article.get_absolute_url())
    assert response["Surrogate-Key"] == f"all article-{article.pk}"
    for url in ["/", "/sections/world/", "/search/?q=rain", "/feeds/rss/"]:
        assert client.get(url)["Surrogate-Key"] == "all lists", url
    draft = ArticleFactory(headline="Draft story", status=Article.Status.DRAFT)
    assert not render_article(rf.get("/admin/preview/"), draft, preview=True).has_header(
        "Surrogate-Key"
    )


def test_uploaded_photos_may_be_kept_for_a_day(client, settings, tmp_path):
    """A photo served from this server's disk says public, max-age of a day; a missing one 404s."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "dam.gif").write_bytes(TINY_GIF)
    response = client.get("/media/photos/dam.gif")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    assert client.get("/media/photos/missing.gif").status_code == 404
