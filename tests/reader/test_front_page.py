"""The front page as editors arrange it: a pinned lead, top stories, section blocks (issue 16)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, FrontPagePin
from tests.factories import ArticleFactory, LargePhotoCaptionFactory, SectionFactory, StaffFactory


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def hours_ago(n: int):
    return timezone.now() - timedelta(hours=n)


def lead_html(html: str) -> str:
    """The lead story's card, as the page shows it."""
    start = html.index("story-card--lead")
    return html[start : html.index("</article>", start)]


def test_the_pinned_lead_is_shown_large_with_its_photo_although_newer_articles_exist(db, client):
    """An editor's lead stays on top when a routine import brings newer articles."""
    lead = ArticleFactory(headline="The main story", published_at=hours_ago(5))
    LargePhotoCaptionFactory(article=lead, alt_text="Flooded streets")
    FrontPagePin.objects.create(article=lead, position=0)
    ArticleFactory.create_batch(3, published_at=hours_ago(1))
    card = lead_html(client.get("/").content.decode())
    assert "The main story" in card
    assert 'alt="Flooded streets"' in card
    assert 'width="1200" height="800"' in card
    assert "srcset=" in card and "480w" in card
    assert 'loading="lazy"' not in card  # the first picture loads at once


def test_top_stories_follow_the_editors_order_then_the_newest(db, client):
    """Pinned top stories come in their pin order, and the newest articles fill the rest."""
    second = ArticleFactory(headline="Pinned second", published_at=hours_ago(9))
    first = ArticleFactory(headline="Pinned first", published_at=hours_ago(8))
    lead = ArticleFactory(headline="Pinned lead", published_at=hours_ago(10))
    for position, article in enumerate([lead, first, second]):
        FrontPagePin.objects.create(article=article, position=position)
    ArticleFactory(headline="Newest unpinned", published_at=hours_ago(1))
    html = client.get("/").content.decode()
    top = html[html.index('class="front-top"') : html.index('id="latest-heading"')]
    order = [
        top.index(h) for h in ("Pinned lead", "Pinned first", "Pinned second", "Newest unpinned")
    ]
    assert order == sorted(order)


def test_a_pin_that_has_ended_or_an_unpublished_pin_no_longer_leads(db, client):
    """A pin past its end time, or on an unpublished article, leaves the newest article to lead."""
    ended = ArticleFactory(headline="Yesterdays lead", published_at=hours_ago(30))
    FrontPagePin.objects.create(article=ended, position=0, ends_at=hours_ago(2))
    hidden = ArticleFactory(headline="Withdrawn story", status=Article.Status.UNPUBLISHED)
    FrontPagePin.objects.create(article=hidden, position=1)
    ArticleFactory(headline="Todays news", published_at=hours_ago(1))
    html = client.get("/").content.decode()
    assert "Todays news" in lead_html(html)
    assert "Withdrawn story" not in html


def test_without_pins_the_newest_article_with_a_photo_leads(db, client):
    """With no pin, a newest story that has a photo leads rather than a text-only one."""
    pictured = ArticleFactory(headline="Story with a picture", published_at=hours_ago(3))
    LargePhotoCaptionFactory(article=pictured)
    ArticleFactory(headline="Newer text-only story", published_at=hours_ago(1))
    html = client.get("/").content.decode()
    assert "Story with a picture" in lead_html(html)
    assert "Newer text-only story" in html


def test_a_front_page_with_one_text_only_article_leads_with_it_and_no_picture(db, client):
    """A new site with one article and no photo still shows a lead, without an empty picture."""
    ArticleFactory(headline="The only story")
    html = client.get("/").content.decode()
    assert "The only story" in lead_html(html)
    assert "<img" not in html
    assert client.get("/?page=2").status_code == 404


def test_an_empty_front_page_says_nothing_is_published(db, client):
    """Before the first publication the front page says so."""
    assert "No articles have been published yet." in client.get("/").content.decode()


def test_each_section_has_a_block_of_its_newest_articles_in_the_editors_order(db, client):
    """Sections appear in the order editors gave them, each with its newest few stories."""
    sport = SectionFactory(name="Sport", position=1)
    world = SectionFactory(name="World", position=2)
    business = SectionFactory(name="Business", position=0)
    for n in range(6):
        ArticleFactory(headline=f"Sport story {n}", section=sport, published_at=hours_ago(10 + n))
    ArticleFactory(headline="World story", section=world, published_at=hours_ago(20))
    ArticleFactory(headline="Business story", section=business, published_at=hours_ago(21))
    ArticleFactory.create_batch(5, published_at=hours_ago(1))  # fill the top stories
    html = client.get("/").content.decode()
    headings = re.findall(r'class="section-block__name"[^>]*><a href="/sections/([\w-]+)/"', html)
    assert headings == ["business", "sport", "world"]
    sport_block = html[html.index("section-block-sport") : html.index("section-block-world")]
    assert [f"Sport story {n}" in sport_block for n in range(6)] == [True] * 4 + [False] * 2
    masthead = html[: html.index("</header>")]
    assert masthead.index(">Business<") < masthead.index(">Sport<") < masthead.index(">World<")


def test_images_below_the_lead_load_lazily_with_their_size(db, client):
    """Thumbnails in the top stories and section blocks are lazy and sized, so the page does not jump."""
    section = SectionFactory(name="World")
    for n in range(7):
        LargePhotoCaptionFactory(
            article=ArticleFactory(section=section, published_at=hours_ago(n + 1))
        )
    html = client.get("/").content.decode()
    images = re.findall(r"<img [^>]+>", html)
    assert len(images) >= 6
    assert 'loading="lazy"' not in images[0]
    for image in images[1:]:
        assert 'loading="lazy"' in image and 'width="1200"' in image and "srcset=" in image


def test_the_latest_list_is_paginated_and_leaves_out_the_top_stories(db, client, settings):
    """Under the blocks the newest other stories are listed, with older ones on the next page."""
    settings.ARTICLES_PER_PAGE = 2
    for n in range(8):
        ArticleFactory(headline=f"Story {n}", published_at=hours_ago(n + 1))
    first = client.get("/").content.decode()
    latest = first[first.index('id="latest-heading"') :]
    assert "Story 5" in latest and "Story 6" in latest and "Story 0" not in latest
    assert 'rel="next" href="?page=2"' in first
    second = client.get("/?page=2").content.decode()
    assert "Story 7" in second and "Story 0" not in second
    assert "story-card--lead" not in second


def test_the_front_page_costs_the_same_few_queries_however_full_it_is(
    db, client, django_assert_max_num_queries
):
    """Pins, photos and many sections cost no more queries than an almost empty page."""
    for name in ("World", "Sport", "Business", "Science", "Culture"):
        section = SectionFactory(name=name)
        for n in range(5):
            article = ArticleFactory(section=section, published_at=hours_ago(n + 1))
            LargePhotoCaptionFactory(article=article)
    for position, article in enumerate(Article.objects.all()[:4]):
        FrontPagePin.objects.create(article=article, position=position)
    # pins, the newest to fill with, the section blocks, the latest list and its count,
    # and the masthead's sections (from the fragment cache when pages are cached).
    with django_assert_max_num_queries(6):
        assert client.get("/").status_code == 200


def test_an_editor_pins_orders_and_unpins_in_the_admin(db, client):
    """An editor pins an article as the lead, with an end time, and un-pins it by deleting the pin."""
    client.force_login(StaffFactory(role="Editors"))
    article = ArticleFactory(headline="Editors choice", published_at=hours_ago(10))
    ArticleFactory(headline="Newer story")
    ends = (timezone.now() + timedelta(hours=6)).replace(microsecond=0)
    response = client.post(
        "/admin/articles/frontpagepin/add/",
        {
            "article": article.pk,
            "position": 0,
            "ends_at_0": timezone.localtime(ends).strftime("%Y-%m-%d"),
            "ends_at_1": timezone.localtime(ends).strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302
    pin = FrontPagePin.objects.get()
    assert pin.ends_at == ends
    assert "Editors choice" in lead_html(client.get("/").content.decode())
    client.post(f"/admin/articles/frontpagepin/{pin.pk}/delete/", {"post": "yes"})
    assert "Newer story" in lead_html(client.get("/").content.decode())


def test_an_editor_orders_sections_in_the_admin_list(db, client):
    """Editors change the masthead's order of sections from the section list."""
    client.force_login(StaffFactory(role="Editors"))
    world, sport = SectionFactory(name="World"), SectionFactory(name="Sport")
    response = client.post(
        "/admin/articles/section/",
        {
            "form-TOTAL_FORMS": 2,
            "form-INITIAL_FORMS": 2,
            "form-0-id": world.pk,
            "form-0-position": 2,
            "form-1-id": sport.pk,
            "form-1-position": 1,
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    masthead = client.get("/").content.decode().split("</header>")[0]
    assert masthead.index(">Sport<") < masthead.index(">World<")
