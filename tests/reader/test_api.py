"""The read-only JSON API: /api/articles/ and /api/articles/<slug>/."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Note
from tests import factories

pytestmark = pytest.mark.django_db


def get_json(client, url: str, status: int = 200, **params) -> dict:
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def slugs(data: dict) -> list[str]:
    return [article["slug"] for article in data["results"]]


def test_list_gives_published_articles_newest_first(client):
    """The list holds the published articles only, newest first."""
    now = timezone.now()
    factories.ArticleFactory(headline="Older", published_at=now - timedelta(days=1))
    factories.ArticleFactory(headline="Newer", published_at=now - timedelta(hours=1))
    factories.ArticleFactory(headline="Draft", status=Article.Status.DRAFT)
    factories.ArticleFactory(headline="Later", published_at=now + timedelta(hours=1))
    data = get_json(client, "/api/articles/")
    assert slugs(data) == ["newer", "older"]
    assert data["count"] == 2


def test_list_items_describe_the_article(client):
    """Each item has the headline, standfirst, dates, section, topics and addresses."""
    article = factories.ArticleFactory(
        headline="Talks", dek="They met.", section=factories.SectionFactory(name="World")
    )
    article.topics.add(factories.TopicFactory(name="Iran"))
    item = get_json(client, "/api/articles/")["results"][0]
    assert item["headline"] == "Talks"
    assert item["standfirst"] == "They met."
    assert item["published_at"] == article.published_at.replace(microsecond=0).isoformat()
    assert item["updated_at"] is None
    assert item["section"] == {
        "name": "World",
        "slug": "world",
        "url": "http://testserver/sections/world/",
    }
    assert item["topics"] == [
        {"name": "Iran", "slug": "iran", "url": "http://testserver/topics/iran/"}
    ]
    assert item["url"] == "http://testserver/articles/talks/"
    assert item["api_url"] == "http://testserver/api/articles/talks/"


def test_list_is_paginated_with_links(client):
    """Long lists come in pages that link to each other."""
    now = timezone.now()
    for n in range(25):
        factories.ArticleFactory(headline=f"Story {n}", published_at=now - timedelta(minutes=n + 1))
    first = get_json(client, "/api/articles/")
    assert (first["count"], first["page"], first["pages"]) == (25, 1, 2)
    assert len(first["results"]) == 20
    assert first["next"] == "http://testserver/api/articles/?page=2"
    assert first["previous"] is None
    second = get_json(client, "/api/articles/", page=2)
    assert slugs(second) == [f"story-{n}" for n in range(20, 25)]
    assert second["next"] is None


def test_list_filters_by_section_and_topic(client):
    """?section= and ?topic= narrow the list to a section's or a topic's articles."""
    world, iran = factories.SectionFactory(name="World"), factories.TopicFactory(name="Iran")
    factories.ArticleFactory(headline="In world", section=world)
    factories.ArticleFactory(headline="In iran").topics.add(iran)
    factories.ArticleFactory(headline="Elsewhere")
    assert slugs(get_json(client, "/api/articles/", section="world")) == ["in-world"]
    assert slugs(get_json(client, "/api/articles/", topic="iran")) == ["in-iran"]


def test_list_filters_by_published_since(client):
    """?since= keeps the articles published at or after a date or a moment."""
    now = timezone.now()
    factories.ArticleFactory(headline="Old", published_at=now - timedelta(days=10))
    factories.ArticleFactory(headline="Recent", published_at=now - timedelta(hours=2))
    since = (now - timedelta(days=1)).isoformat()
    assert slugs(get_json(client, "/api/articles/", since=since)) == ["recent"]
    day = (now - timedelta(days=1)).date().isoformat()
    assert slugs(get_json(client, "/api/articles/", since=day)) == ["recent"]


def test_list_filters_keep_their_values_in_page_links(client):
    """The next page of a filtered list stays filtered."""
    world = factories.SectionFactory(name="World")
    for n in range(21):
        factories.ArticleFactory(headline=f"Story {n}", section=world)
    assert get_json(client, "/api/articles/", section="world")["next"] == (
        "http://testserver/api/articles/?section=world&page=2"
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"since": "garbage"}, "since='garbage' is not a date"),
        ({"since": "2024-02-30"}, "is not a date"),
        ({"page": "abc"}, "page='abc' is not a page number"),
        ({"page": "0"}, "is not a page number"),
        ({"page": "-1"}, "is not a page number"),
        ({"section": "nowhere"}, "There is no section 'nowhere'"),
        ({"topic": "nothing"}, "There is no topic 'nothing'"),
    ],
)
def test_bad_parameters_get_a_clear_400(client, db, params, message):
    """A parameter the API cannot use gets a 400 saying what is wrong, never a 500."""
    data = get_json(client, "/api/articles/", status=400, **params)
    assert message in data["error"]


def test_page_past_the_end_is_not_found(client):
    """Asking for a page after the last answers 404 with the number of pages."""
    factories.ArticleFactory()
    assert "there are 1" in get_json(client, "/api/articles/", status=404, page=5)["error"]


def test_detail_gives_the_body_as_ordered_typed_blocks(client, settings, tmp_path):
    """An article's body comes as paragraphs, captions with credit and photo, and teasers."""
    settings.MEDIA_ROOT = tmp_path
    target = factories.ArticleFactory(headline="Earlier report")
    article = factories.ArticleFactory(headline="Main story", paragraphs=("First words.",))
    factories.PhotoCaptionFactory(article=article, alt_text="A crowd")
    factories.CaptionFactory(article=article, text="A caption without its photo.")
    factories.TeaserFactory(article=article, text="Earlier report", link_article=target)
    body = get_json(client, "/api/articles/main-story/")["body"]
    assert [block["type"] for block in body] == ["paragraph", "caption", "caption", "teaser"]
    assert body[0] == {"type": "paragraph", "text": "First words.", "html": "First words."}
    assert body[1]["credit"] == "Bilal Hussein / AP"
    assert body[1]["photo_url"].startswith("http://testserver/media/photos/")
    assert body[1]["alt_text"] == "A crowd"
    assert body[2]["photo_url"] is None
    assert body[3] == {
        "type": "teaser",
        "text": "Earlier report",
        "html": "Earlier report",
        "url": "http://testserver/articles/earlier-report/",
    }


def test_detail_has_the_summary_fields_and_public_notes(client):
    """The detail repeats the list's fields and adds the byline and the corrections."""
    article = factories.ArticleFactory(
        headline="Main story", byline="Dana Levi", section=factories.SectionFactory(name="World")
    )
    Note.objects.create(article=article, text="We misspelled a name.")
    data = get_json(client, "/api/articles/main-story/")
    assert data["headline"] == "Main story"
    assert data["byline"] == "Dana Levi"
    assert data["url"] == "http://testserver/articles/main-story/"
    assert data["section"]["slug"] == "world"
    assert data["notes"][0]["kind"] == "correction"
    assert data["notes"][0]["text"] == "We misspelled a name."
    assert data["updated_at"] == data["notes"][0]["created_at"]


def test_detail_of_a_draft_or_unknown_article_is_a_json_404(client):
    """Unpublished and missing articles answer 404 in JSON."""
    factories.ArticleFactory(headline="Secret", status=Article.Status.DRAFT)
    assert "error" in get_json(client, "/api/articles/secret/", status=404)
    assert "error" in get_json(client, "/api/articles/nothing/", status=404)


def test_detail_at_an_old_slug_redirects_to_the_new_one(client):
    """A renamed article's old API address redirects permanently."""
    article = factories.ArticleFactory(headline="First title")
    article.slug = "new-title"
    article.save()
    response = client.get("/api/articles/first-title/")
    assert (response.status_code, response["Location"]) == (301, "/api/articles/new-title/")


def test_detail_keeps_non_latin_text_readable(client):
    """Hebrew text arrives as Hebrew characters, not escapes."""
    factories.ArticleFactory(headline="גשם בחיפה", language="he")
    response = client.get("/api/articles/")
    assert "גשם בחיפה" in response.content.decode()
    assert response.json()["results"][0]["language"] == "he"


def test_api_answers_are_cacheable(client):
    """API answers carry public caching headers and an ETag; errors do not."""
    factories.ArticleFactory(headline="Main story")
    for url in ("/api/articles/", "/api/articles/main-story/"):
        response = client.get(url)
        assert "public" in response["Cache-Control"] and response.has_header("ETag")
    assert not client.get("/api/articles/", {"page": "x"}).has_header("Cache-Control")


def test_a_long_archive_is_listed_without_a_total(client, monkeypatch):
    """Past the counting cap the API gives no count or page total, and "next" still leads on."""
    from articles.reader import paging

    monkeypatch.setattr(paging, "COUNT_CAP", 21)
    for n in range(25):
        factories.ArticleFactory(headline=f"Wire story {n}")
    first = get_json(client, "/api/articles/")
    assert (first["count"], first["pages"]) == (None, None)
    assert first["next"] == "http://testserver/api/articles/?page=2"
    assert len(get_json(client, "/api/articles/", page=2)["results"]) == 5
    assert client.get("/api/articles/", {"page": 3}).status_code == 404
