"""Search that helps: sentence excerpts, Hebrew and Arabic prefixes, did you mean (issue 16)."""

import re

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def results(client, query: str) -> str:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def excerpts(html: str) -> list[str]:
    return re.findall(r'class="story-card__excerpt">(.*?)</p>', html, re.S)


def test_an_excerpt_starts_at_the_sentence_that_holds_the_match(client):
    """The excerpt begins where its sentence begins, never halfway through the one before."""
    ArticleFactory(
        headline="Talks",
        paragraphs=[
            "Rain fell all day in the capital. General Baqeri spoke in Damascus about plans. He left."
        ],
    )
    (excerpt,) = excerpts(results(client, "Damascus"))
    assert excerpt.startswith("General Baqeri spoke in <mark>Damascus</mark> about plans.")


def test_an_excerpt_from_deep_in_a_long_body_starts_at_a_sentence(client):
    """A match far down the body is shown from its sentence's first word."""
    filler = [f"Filler sentence number {n} says nothing much at all." for n in range(60)]
    ArticleFactory(
        headline="Long read", paragraphs=[" ".join(filler), "At the very end General Baqeri spoke."]
    )
    (excerpt,) = excerpts(results(client, "Baqeri"))
    assert excerpt.startswith("At the very end General <mark>Baqeri</mark> spoke")


def test_a_hebrew_word_finds_its_forms_with_prefix_letters(client):
    """ "נמל" (port) finds an article that only says "בנמל" (in the port), marked in the excerpt."""
    ArticleFactory(headline="ספינה", language="he", paragraphs=["הספינה עגנה בנמל חיפה אתמול."])
    ArticleFactory(headline="מזג אוויר", language="he", paragraphs=["ירד גשם."])
    html = results(client, "נמל")
    assert "ספינה" in html and "מזג אוויר" not in html
    assert "<mark>בנמל</mark>" in html


def test_an_arabic_word_finds_its_form_with_the_article(client):
    """ "مدينة" (city) finds an article that only says "المدينة" (the city)."""
    ArticleFactory(headline="زيارة", language="ar", paragraphs=["وصل الوزير إلى المدينة صباحا."])
    assert "زيارة" in results(client, "مدينة")


def test_a_misspelt_search_offers_the_sites_own_spelling(client):
    """No results for "Damscus" offers "damascus", a word of the site's headlines, which finds the story."""
    ArticleFactory(headline="Ceasefire talks resume in Damascus")
    html = results(client, "Damscus")
    assert "No articles match" in html
    link = re.search(r'Did you mean <a href="([^"]+)">damascus</a>\?', html)
    assert link
    assert "resume in <mark>Damascus</mark>" in results(client, "damascus")


def test_a_search_with_no_results_offers_itself_without_its_rarest_word(client):
    """ "ceasefire zebra" finds nothing; without "zebra" it finds the ceasefire story."""
    ArticleFactory(headline="Ceasefire talks resume")
    html = results(client, "ceasefire zebra")
    assert "No articles match" in html
    assert re.search(r"Or search without “zebra”: <a href=\"\?q=ceasefire\">ceasefire</a>", html)


def test_no_suggestion_is_made_when_nothing_is_close_or_results_exist(client):
    """Suggestions appear only for a search without results and only when they find something."""
    ArticleFactory(headline="Ceasefire talks resume")
    assert "Did you mean" not in results(client, "qqqxxzz")
    assert "Did you mean" not in results(client, "ceasefire")
    assert "search without" not in results(client, "ceasefire")


def test_did_you_mean_works_on_a_database_without_pg_trgm(client):
    """The embedded PostgreSQL has no pg_trgm; the suggestion still comes, compared in Python."""
    from django.db import connection

    ArticleFactory(headline="Ceasefire talks resume in Damascus")
    with connection.cursor() as cursor:
        # Undone with the test's transaction; the embedded PostgreSQL never had it.
        cursor.execute("DROP EXTENSION IF EXISTS pg_trgm CASCADE")
    assert re.search(r'Did you mean <a href="[^"]+">damascus</a>\?', results(client, "Damscus"))
