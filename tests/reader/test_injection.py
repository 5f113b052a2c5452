"""Hostile input through every field of the importer and the admin, and every query parameter."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Block
from tests.admin_support import make_staff
from tests.factories import ArticleFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('owned')</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOADS = [SCRIPT, ATTRIBUTE, "javascript:alert(1)"]
SQL = [
    "' OR '1'='1",
    "'; DROP TABLE articles_article; --",
    "1 UNION SELECT username, password FROM auth_user --",
    "\\'",
    "%' AND pg_sleep(5) --",
    "1); SELECT pg_sleep(5); --",
]


def assert_inert(html: str) -> None:
    """The payloads show as text, never as markup a browser would run."""
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html


def test_hostile_seed_file_lands_as_text_in_every_field(tmp_path, client):
    """Markup in the headline, standfirst, byline, paragraphs, captions, credits and teasers is escaped."""
    seed = tmp_path / "hostile.txt"
    seed.write_text(
        f"Headline {SCRIPT}\n\n"
        f"Standfirst {ATTRIBUTE}\n\n"
        "By Mallory Hacker\n\n"
        f"A paragraph with {SCRIPT} inside it and more words to read.\n\n"
        f"Protesters in Beirut {ATTRIBUTE}, July 24, 2011\n"
        f"Bilal Hussein / AP{ATTRIBUTE}\n\n"
        f">> Related {SCRIPT} story >>\n\n"
        "A last paragraph that ends the article properly."
    )
    call_command("import_seeds", str(seed), stdout=StringIO())
    article = Article.objects.get()
    assert SCRIPT in article.headline
    html = client.get(article.get_absolute_url()).text
    assert_inert(html)
    assert "&lt;script&gt;alert" in html
    for page in ("/", "/search/?q=Headline", "/feeds/rss/", "/feeds/atom/"):
        assert_inert(client.get(page).text)
    assert_json_not_html(client.get("/api/articles/"))


def assert_json_not_html(response) -> None:
    """JSON carries text as data; browsers are told never to read it as HTML."""
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_hostile_text_typed_by_an_editor_is_escaped_everywhere(client):
    """Whatever an editor types in any field shows as text on the site."""
    article = ArticleFactory(
        headline=f"Editor {SCRIPT}", dek=ATTRIBUTE, byline=SCRIPT, dateline=ATTRIBUTE
    )
    Block.objects.create(article=article, position=5, kind="caption", text=SCRIPT, credit=ATTRIBUTE)
    Block.objects.create(article=article, position=6, kind="teaser", text=ATTRIBUTE)
    section = SectionFactory(name=f"World {SCRIPT}", slug="world")
    topic = TopicFactory(name=f"Topic {ATTRIBUTE}", slug="topic")
    article.section = section
    article.save()
    article.topics.add(topic)
    for url in (
        article.get_absolute_url(),
        "/",
        "/sections/world/",
        "/topics/topic/",
        "/feeds/rss/",
    ):
        assert_inert(client.get(url).text)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>x</script>", "vbscript:x"]
)
def test_admin_refuses_teaser_links_that_are_not_http(client, url):
    """An editor cannot give a teaser a javascript:, data: or other non-web link."""
    from django.core.exceptions import ValidationError

    article = ArticleFactory()
    teaser = Block(article=article, position=9, kind="teaser", text="Related", link_url=url)
    with pytest.raises(ValidationError):
        teaser.full_clean()


def test_admin_pages_escape_hostile_content(client):
    """The admin's list and change pages show hostile headlines as text."""
    article = ArticleFactory(headline=f"Admin {SCRIPT}", dek=ATTRIBUTE)
    client.force_login(make_staff("eve", "Editors"))
    for url in ("/admin/articles/article/", f"/admin/articles/article/{article.pk}/change/"):
        html = client.get(url).text
        assert "<script>alert('owned')" not in html
        assert "<img src=x" not in html


@pytest.mark.parametrize("payload", SQL)
def test_search_treats_sql_as_words(client, payload):
    """SQL in the search box is just words: no error, no data from other tables."""
    ArticleFactory(headline="Ordinary story", paragraphs=("Nothing to see.",))
    response = client.get("/search/", {"q": payload})
    assert response.status_code == 200
    assert "pbkdf2" not in response.text and "argon2" not in response.text
    assert Article.objects.count() == 1


@pytest.mark.parametrize("payload", SQL)
@pytest.mark.parametrize(
    "path,parameter",
    [
        ("/", "page"),
        ("/search/", "page"),
        ("/sections/world/", "page"),
        ("/api/articles/", "page"),
        ("/api/articles/", "section"),
        ("/api/articles/", "topic"),
        ("/api/articles/", "since"),
    ],
)
def test_query_parameters_refuse_sql_cleanly(client, path, parameter, payload):
    """Every query parameter answers a clean 200, 400 or 404 to SQL, never a 500."""
    SectionFactory(name="World", slug="world")
    ArticleFactory(headline="Ordinary story")
    response = client.get(path, {parameter: payload, "q": "story"})
    assert response.status_code in (200, 400, 404)
    assert Article.objects.count() == 1


@pytest.mark.parametrize("payload", [*SQL, SCRIPT])
def test_hostile_addresses_are_not_found(client, payload):
    """SQL or script in an article or section address is a plain 404."""
    for prefix in ("/articles/", "/sections/", "/topics/", "/api/articles/"):
        response = client.get(prefix + payload.replace("/", "") + "/")
        assert response.status_code in (404, 301), (prefix, response.status_code)
        if prefix == "/api/articles/":
            assert_json_not_html(response)
        else:
            assert_inert(response.text)


@pytest.mark.parametrize(
    "url", ["ftp://example.org/x", "javascript:alert(1)", "JAVASCRIPT:alert(1)"]
)
def test_a_non_web_teaser_link_written_behind_the_models_back_never_reaches_a_page(client, url):
    """Even a row written without validation never leads readers to that link."""
    article = ArticleFactory()
    Block.objects.filter(
        pk=Block.objects.create(article=article, position=9, kind="teaser", text="More").pk
    ).update(link_url=url)
    html = client.get(article.get_absolute_url()).text
    assert url not in html and url.lower() not in html.lower()
    assert '<span class="teaser__text">More</span>' in html
