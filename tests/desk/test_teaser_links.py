"""Teasers typed on the article screen link as the importer links them, and the editor sees
where each goes before saving (issue 14)."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_support import add_block, change_url, errors_of, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"
TEASER_URL = "/admin/articles/article/teaser-link/"


def write_published(client, headline: str, *teasers: str):
    data = form_data(client.get(ADD_URL))
    data.update(headline=headline, status="published")
    add_block(data, position="0", kind="paragraph", text="Water rose overnight.")
    for position, text in enumerate(teasers, start=1):
        add_block(data, position=str(position), kind="teaser", text=text)
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    return Article.objects.get(headline=headline)


def test_a_teaser_with_an_articles_exact_headline_links_to_it_on_the_public_page(editor_client):
    """Typed in the admin, "Dam opens after a week of rain" links to that article."""
    target = ArticleFactory(headline="Dam opens after a week of rain")
    article = write_published(editor_client, "River rises", "Dam opens after a week of rain")
    assert article.blocks.get(kind="teaser").link_article == target
    editor_client.logout()
    html = editor_client.get(article.get_absolute_url()).text
    assert (
        f'<a class="teaser__link" href="{target.get_absolute_url()}">'
        "Dam opens after a week of rain</a>"
    ) in html


def test_a_teaser_naming_no_article_stays_a_plain_line(editor_client):
    """No article has the headline: the teaser is plain text, as from the importer."""
    article = write_published(editor_client, "River rises", "A story nobody wrote")
    assert article.blocks.get(kind="teaser").link_article is None
    editor_client.logout()
    html = editor_client.get(article.get_absolute_url()).text
    assert '<span class="teaser__text">A story nobody wrote</span>' in html


def test_an_edited_teaser_follows_its_new_text_but_a_chosen_link_stays(editor_client):
    """The link the rule made moves with the text; an article the editor picked does not."""
    first = ArticleFactory(headline="Dam opens")
    second = ArticleFactory(headline="Bridge closes")
    chosen = ArticleFactory(headline="Council meets")
    article = write_published(editor_client, "River rises", "Dam opens")
    data = form_data(editor_client.get(change_url(article)))
    data["blocks-1-text"] = "Bridge closes"
    add_block(data, position="2", kind="teaser", text="Dam opens", link_article=str(chosen.pk))
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    links = {b.text: b.link_article for b in article.blocks.filter(kind="teaser")}
    assert links == {"Bridge closes": second, "Dam opens": chosen}
    assert first.teased_by.count() == 0


@pytest.mark.parametrize(
    ("query", "goes", "label"),
    [
        ({"text": "dam OPENS after a week of rain"}, "article", "Links to the article with this headline: “Dam opens after a week of rain”."),
        ({"text": "a week of rain"}, "search", "No article has this headline: links to a search for its words, which finds articles."),
        ({"text": "Nothing by that name"}, "none", "No link: no article has this headline and a search for its words finds nothing, so readers see plain text."),
        ({"text": "A draft nobody sees"}, "waiting", "Names “A draft nobody sees”, not yet published: plain text until it is."),
        ({"text": "Anything", "link_url": "https://example.org/x"}, "link", "Links to https://example.org/x"),
    ],
    ids=["named-article", "search", "nothing", "unpublished", "web-address"],
)  # fmt: skip
def test_the_desk_says_where_a_teaser_goes_as_the_editor_types(editor_client, query, goes, label):
    """The JSON answer beside each teaser: the article it names, a search, a web address, or
    nowhere, by the rule the importer and the page use."""
    target = ArticleFactory(
        headline="Dam opens after a week of rain", paragraphs=["A week of rain filled it."]
    )
    ArticleFactory(headline="A draft nobody sees", status=Article.Status.DRAFT)
    answer = editor_client.get(TEASER_URL, query).json()
    assert (answer["goes"], answer["label"]) == (goes, label)
    if goes == "article":
        assert answer["href"] == target.get_absolute_url()
    if goes == "search":
        assert answer["href"] == "/search/?q=a+week+of+rain"
        assert target.get_absolute_url() in editor_client.get(answer["href"]).text


def test_the_teaser_answer_follows_the_forms_rule_for_an_edited_text(editor_client):
    """A link the rule made for the text as loaded is not the answer once the text changed."""
    old = ArticleFactory(headline="Dam opens")
    new = ArticleFactory(headline="Bridge closes")
    query = {"text": "Bridge closes", "initial_text": "Dam opens", "link_article": old.pk}
    assert editor_client.get(TEASER_URL, query).json()["href"] == new.get_absolute_url()
    query["initial_text"] = "Bridge closes"  # the editor's own choice of article stays
    assert editor_client.get(TEASER_URL, query).json()["href"] == old.get_absolute_url()


def test_the_teaser_answer_is_for_the_desk_only(client):
    """Readers and signed-out visitors are sent to the log-in page."""
    response = client.get(TEASER_URL, {"text": "Dam opens"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


TEASERS_URL = "/admin/articles/article/teaser-links/"


def ask_all(client, teasers):
    return client.post(TEASERS_URL, {"teasers": teasers}, content_type="application/json")


def test_the_screen_asks_where_all_its_teasers_go_at_once_and_hears_in_their_order(
    editor_client,
):
    """One answer per teaser, in the order asked, each the same as asking for it alone."""
    ArticleFactory(
        headline="Dam opens after a week of rain", paragraphs=["A week of rain filled it."]
    )
    ArticleFactory(headline="A draft nobody sees", status=Article.Status.DRAFT)
    asked = [
        {"text": "Nothing by that name"},
        {"text": "Dam opens after a week of rain"},
        {"text": "Anything", "link_url": " https://example.org/x "},
        {"text": "A draft nobody sees", "initial_text": "A draft nobody sees"},
        {"text": "a week of rain", "link_article": ""},
    ]
    answer = ask_all(editor_client, asked)
    assert answer.status_code == 200
    goes = [where["goes"] for where in answer.json()["destinations"]]
    assert goes == ["none", "article", "link", "waiting", "search"]
    one_by_one = [editor_client.get(TEASER_URL, query).json() for query in asked]
    assert answer.json()["destinations"] == one_by_one


def test_the_teasers_question_is_refused_in_words_when_it_is_not_a_list_of_teasers(editor_client):
    """A malformed or oversized question gets a 400 saying what to send, not a server error."""
    malformed = [
        {"teasers": "Dam opens"},
        {"teasers": ["Dam opens"]},
        {"nothing": []},
        {"teasers": [{"text": "Dam opens"}] * 81},  # more than an article's blocks
    ]
    for body in malformed:
        response = editor_client.post(TEASERS_URL, body, content_type="application/json")
        assert response.status_code == 400, body
        assert response.json()["error"].startswith("Send the teasers as a list"), body
    assert editor_client.get(TEASERS_URL).status_code == 405


def test_the_teasers_question_is_for_the_desk_only(client):
    """Signed-out visitors are sent to the log-in page."""
    response = ask_all(client, [{"text": "Dam opens"}])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
