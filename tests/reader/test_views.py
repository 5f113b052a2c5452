from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_front_page_lists_published_articles_newest_first(client):
    """Readers see the newest article first."""
    now = timezone.now()
    ArticleFactory(headline="Older story", published_at=now - timedelta(days=2))
    ArticleFactory(headline="Newer story", published_at=now - timedelta(hours=1))
    html = client.get("/").content.decode()
    assert html.index("Newer story") < html.index("Older story")


def test_front_page_hides_drafts_and_scheduled_articles(client):
    """Unpublished and future-scheduled articles stay off the front page."""
    ArticleFactory(headline="A draft", status=Article.Status.DRAFT)
    ArticleFactory(headline="Tomorrow's story", published_at=timezone.now() + timedelta(days=1))
    ArticleFactory(headline="Today's story")
    html = client.get("/").content.decode()
    assert "Today&#x27;s story" in html or "Today's story" in html
    assert "A draft" not in html
    assert "Tomorrow" not in html


def test_article_page_shows_headline_and_paragraphs_at_its_slug(client):
    """An article lives at a readable address built from its headline."""
    article = ArticleFactory(
        headline="Rain expected in Haifa", paragraphs=("Clouds gather.", "Then rain.")
    )
    assert article.get_absolute_url() == "/articles/rain-expected-in-haifa/"
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Rain expected in Haifa" in html
    assert html.index("Clouds gather.") < html.index("Then rain.")


def test_draft_article_page_is_not_found(client):
    """A draft's address answers 404 to readers."""
    article = ArticleFactory(headline="Secret plan", status=Article.Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_not_found_page_is_in_the_site_style(client, db):
    """A missing page says so in plain words, inside the site's layout."""
    response = client.get("/articles/no-such-story/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_admin_login_page_is_served(client, db):
    """Editors reach the Django admin at /admin/."""
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert "Log in" in response.content.decode()


def test_stylesheet_is_linked_from_every_page(client):
    """Pages load the site's stylesheet."""
    article = ArticleFactory()
    for url in ("/", article.get_absolute_url()):
        assert "css/site.css" in client.get(url).content.decode()


# The front page, sections and topics (issue 4)


def test_front_page_shows_standfirsts_and_a_lead_story(client):
    """The newest story leads the page; every story shows its standfirst."""
    now = timezone.now()
    ArticleFactory(
        headline="Yesterday", dek="What happened yesterday.", published_at=now - timedelta(days=1)
    )
    ArticleFactory(
        headline="Today", dek="What happened today.", published_at=now - timedelta(hours=1)
    )
    html = client.get("/").content.decode()
    lead = html[html.index("story-card--lead") :]
    assert lead.index("Today") < lead.index("What happened today.") < lead.index("Yesterday")
    assert html.count("story-card--lead") == 1
    assert "What happened yesterday." in html


def test_front_page_beyond_the_last_page_is_not_found(client):
    """A page number past the end, or not a number, answers 404 rather than an error."""
    ArticleFactory()
    assert client.get("/?page=99").status_code == 404
    assert client.get("/?page=abc").status_code == 404


def test_masthead_links_every_section(client):
    """Readers can reach each section from any page."""
    SectionFactory(name="World")
    SectionFactory(name="Middle East")
    html = client.get("/").content.decode()
    assert 'href="/sections/middle-east/">Middle East</a>' in html
    assert 'href="/sections/world/">World</a>' in html


def test_section_page_lists_only_its_published_articles(client):
    """A section's page shows its own published stories and nothing else."""
    middle_east, world = SectionFactory(name="Middle East"), SectionFactory(name="World")
    ArticleFactory(headline="Damascus talks", section=middle_east)
    ArticleFactory(headline="Paris strike", section=world)
    ArticleFactory(headline="Beirut draft", section=middle_east, status=Article.Status.DRAFT)
    response = client.get("/sections/middle-east/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Middle East</h1>" in html
    assert "Damascus talks" in html
    assert "Paris strike" not in html and "Beirut draft" not in html
    assert 'aria-current="page">Middle East</a>' in html


def test_section_page_links_its_feeds(client, db):
    """A section offers its own RSS and Atom feeds."""
    SectionFactory(name="World")
    html = client.get("/sections/world/").content.decode()
    assert 'type="application/rss+xml" title="World (RSS)" href="/sections/world/rss/"' in html
    assert 'href="/sections/world/atom/"' in html


def test_topic_page_lists_its_published_articles(client):
    """A topic's page gathers the published stories tagged with it."""
    iran = TopicFactory(name="Iran")
    tagged = ArticleFactory(headline="Baqeri in Damascus")
    tagged.topics.add(iran)
    scheduled = ArticleFactory(
        headline="Baqeri tomorrow", published_at=timezone.now() + timedelta(hours=2)
    )
    scheduled.topics.add(iran)
    ArticleFactory(headline="Untagged story")
    html = client.get("/topics/iran/").content.decode()
    assert "<h1>Iran</h1>" in html and "Baqeri in Damascus" in html
    assert "Baqeri tomorrow" not in html and "Untagged story" not in html
    assert 'href="/topics/iran/rss/"' in html


def test_unknown_section_or_topic_is_not_found(client, db):
    """A section or topic that does not exist answers 404."""
    assert client.get("/sections/nowhere/").status_code == 404
    assert client.get("/topics/nothing/").status_code == 404


def test_story_cards_carry_their_articles_language_and_direction(client):
    """A Hebrew headline in a list reads right to left."""
    ArticleFactory(headline="גשם בחיפה", language="he")
    html = client.get("/").content.decode()
    assert 'lang="he" dir="rtl"' in html


# Old addresses, errors


def test_old_article_address_redirects_permanently_to_the_new_one(client):
    """When editors change a slug, links to the old address still reach the article."""
    article = ArticleFactory(headline="Rain expected in Haifa")
    article.slug = "rain-in-haifa"
    article.save()
    response = client.get("/articles/rain-expected-in-haifa/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/rain-in-haifa/"


def test_every_old_address_redirects_to_the_current_one(client):
    """After two renames, both earlier addresses lead to the current one."""
    article = ArticleFactory(headline="First title")
    for slug in ("second-title", "third-title"):
        article.slug = slug
        article.save()
    for old in ("first-title", "second-title"):
        response = client.get(f"/articles/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/articles/third-title/")


def test_old_address_of_an_unpublished_article_is_not_found(client):
    """Renaming then unpublishing an article leaves no way to reach it."""
    article = ArticleFactory(headline="Withdrawn story")
    article.slug = "withdrawn"
    article.status = Article.Status.UNPUBLISHED
    article.save()
    assert client.get("/articles/withdrawn-story/").status_code == 404


def test_scheduled_article_page_is_not_found_until_its_time(client):
    """A story scheduled for later cannot be read before then."""
    article = ArticleFactory(headline="Embargoed", published_at=timezone.now() + timedelta(hours=1))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_not_found_page_offers_search_and_the_front_page(client, db):
    """A reader who lands on a missing page can search or go home."""
    html = client.get("/articles/nothing-here/").content.decode()
    assert 'action="/search/"' in html
    assert "Go to the front page" in html
    assert "css/site.css" in html


def test_server_error_page_is_in_the_site_style(client, db, settings):
    """An unexpected failure shows a short apology in the site's layout, with status 500."""
    from django.urls import path

    from newsroom import urls as root_urls

    def broken(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type(
        "BrokenUrls",
        (),
        {"urlpatterns": [path("broken/", broken)], "handler500": root_urls.handler500},
    )
    client.raise_request_exception = False
    response = client.get("/broken/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html
    assert 'class="masthead"' in html and "/static/css/site.css" in html


def test_a_long_archive_is_paged_without_counting_it(client, settings, monkeypatch):
    """Past the counting cap, pages say "Page 2" (not "of N") and go on while older stories exist."""
    from articles.reader import paging

    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    settings.ARTICLES_PER_PAGE = 2
    now = timezone.now()
    # A section's list: the front page's latest list leaves out its lead and top stories.
    world = SectionFactory(name="World")
    for n in range(7):
        ArticleFactory(
            headline=f"Archive story {n}", section=world, published_at=now - timedelta(hours=n + 1)
        )
    second = client.get("/sections/world/?page=2").content.decode()
    assert "Archive story 2" in second and "Archive story 3" in second
    assert "Page 2</span>" in second and " of " not in second.split("Page 2")[1][:10]
    assert 'rel="next" href="?page=3"' in second
    last = client.get("/sections/world/?page=4").content.decode()
    assert "Archive story 6" in last and 'rel="next"' not in last
    assert client.get("/sections/world/?page=5").status_code == 404


def test_a_page_past_the_archive_or_past_any_number_is_not_found(client, settings, monkeypatch):
    """Past the counting cap, "?page=last" and a page number beyond what the database can
    skip to answer 404, like any page with nothing on it."""
    from articles.reader import paging

    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    settings.ARTICLES_PER_PAGE = 2
    world = SectionFactory(name="World")
    for n in range(5):
        ArticleFactory(section=world, published_at=timezone.now() - timedelta(hours=n + 1))
    for page in ("last", "9" * 19, "9" * 30):
        assert client.get(f"/sections/world/?page={page}").status_code == 404
    assert client.get("/sections/world/?page=3").status_code == 200
