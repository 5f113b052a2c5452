"""Input no page can use (NUL and control characters, odd digits, impossible dates, huge
parameters) is a 400 or 404 in the site's style, never a 500 from deep inside a query."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory, SectionFactory, StaffFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """One published article, filed in a section and under a topic."""
    article = ArticleFactory(headline="Damascus talks", section=SectionFactory(name="World"))
    article.topics.add(TopicFactory(name="Iran"))
    return article


def assert_site_style_400(response) -> None:
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Bad request" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def assert_api_400(response) -> None:
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


@pytest.mark.parametrize(
    "path",
    ["/search/?q=a%00b", "/articles/damascus%00talks/", "/sections/world/?page=1%00"],
)
def test_nul_in_a_page_address_or_parameter_is_a_400_page(client, site, path):
    """A NUL byte, which PostgreSQL cannot take, gets the site's Bad request page."""
    assert_site_style_400(client.get(path))


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/damascus%00talks/",
        "/api/articles/?section=wor%00ld",
        "/api/articles/?topic=ir%00an",
        "/api/articles/?q=%01",
    ],
)
def test_nul_or_control_characters_in_the_api_are_a_json_400(client, site, path):
    """The API answers bad characters in its own style: JSON with an error message."""
    assert_api_400(client.get(path))


@pytest.mark.parametrize("page", ["²", "①", "٣x", "-1", "0"])
def test_api_page_that_is_not_an_ascii_number_is_a_json_400(client, site, page):
    """Unicode digits that Python calls digits but int() refuses are refused politely."""
    response = client.get("/api/articles/", {"page": page})
    assert_api_400(response)
    assert "is not a page number" in response.json()["error"]


def test_api_since_with_an_offset_postgresql_refuses_is_read_in_utc(client, site):
    """since=…+23:59 is valid ISO 8601; the API reads it as the moment it names."""
    response = client.get("/api/articles/", {"since": "2024-01-01T00:00:00+23:59"})
    assert response.status_code == 200
    assert [a["slug"] for a in response.json()["results"]] == ["damascus-talks"]


@pytest.mark.parametrize("since", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-10:00"])
def test_api_since_out_of_range_is_a_json_400(client, site, since):
    """A moment outside the calendar once in UTC is refused with a message naming it."""
    response = client.get("/api/articles/", {"since": since})
    assert_api_400(response)
    assert "out of range" in response.json()["error"]


def test_an_overlong_parameter_is_refused_before_any_query(client, site, django_assert_num_queries):
    """A parameter thousands of characters long is a 400 that costs no database query."""
    with django_assert_num_queries(0):
        response = client.get("/api/articles/", {"section": "w" * 5000})
    assert_api_400(response)
    assert "5,000 characters" in response.json()["error"]


def test_an_overlong_slug_is_refused(client, site):
    """An address far longer than any article's is a 400, not a query."""
    assert_site_style_400(client.get("/articles/" + "x" * 3000 + "/"))


def test_admin_autocomplete_with_nul_is_a_400(client, site):
    """The admin's autocomplete (term=%00) answers 400 instead of failing in PostgreSQL."""
    client.force_login(StaffFactory(role="Editors"))
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "\x00",
            "app_label": "articles",
            "model_name": "block",
            "field_name": "link_article",
        },
    )
    assert response.status_code == 400


def test_admin_article_list_search_with_nul_is_a_400(client, site):
    """The admin's own search box is covered by the same check."""
    client.force_login(StaffFactory(role="Editors"))
    assert client.get("/admin/articles/article/", {"q": "a\x00"}).status_code == 400


# --- Fuzzing every public parameter and path segment ------------------------------------------

# Anything a client could send, weighted towards what broke before: NUL and control
# characters, digits int() refuses, dates with odd offsets, long strings.
AWKWARD = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("\x00\x01\x1f\x7f\u2028²①٣ a-'\"&<"), min_size=1, max_size=10),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12),
    st.sampled_from(
        ["²", "①", "٣", "\x00", "\x7f", "9" * 30, "-1", "0", "last", " ", "%", "'", '"']
    ),
    st.from_regex(
        r"\A[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?([+-][0-9]{2}:?[0-9]{2}|Z)?\Z"
    ),
    st.text(min_size=900, max_size=1100, alphabet='ab -"or'),
)
PARAMETERS = [
    ("/", ["page"]),
    ("/search/", ["q", "page"]),
    ("/sections/world/", ["page"]),
    ("/topics/iran/", ["page"]),
    ("/api/articles/", ["section", "topic", "since", "page"]),
]
PATHS = [
    "/articles/{}/",
    "/sections/{}/",
    "/topics/{}/",
    "/sections/{}/rss/",
    "/topics/{}/atom/",
    "/sitemap-{}.xml",
    "/api/articles/{}/",
]
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_no_server_error(response, url: str) -> None:
    assert response.status_code < 500, (url, response.status_code)


@pytest.mark.parametrize(("path", "names"), PARAMETERS)
def test_fuzzed_parameters_of_every_public_page_never_give_a_server_error(site, path, names):
    """Whatever values a client puts in a page's parameters, the answer is not a 5xx."""
    client = Client(raise_request_exception=False)

    @FUZZ
    @given(st.fixed_dictionaries({}, optional={name: AWKWARD for name in names}))
    def check(params):
        assert_no_server_error(client.get(path, params), (path, params))

    check()


@pytest.mark.parametrize("template", PATHS)
def test_fuzzed_path_segments_never_give_a_server_error(site, template):
    """Whatever a client puts where a slug goes, the answer is not a 5xx."""
    client = Client(raise_request_exception=False)

    @FUZZ
    @given(AWKWARD.filter(lambda text: text not in ("", ".", "..")))
    def check(segment):
        url = template.format(quote(segment, safe=""))
        assert_no_server_error(client.get(url), url)

    check()
