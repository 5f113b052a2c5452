"""The body editor's server side (issue 14): pasted lines read by the importer's rules, their
marks sanitised, and the article screen's blocks saved in the order the editor left them."""

import json

import pytest
from django.contrib.auth.models import User

from articles.models import Article
from tests.admin_support import add_block, change_url, errors_of, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PASTE_URL = "/admin/articles/article/read-pasted/"
BODY = "The council said on Tuesday that the harbour wall would be mended by spring."


def paste(client, lines: list, **kwargs):
    return client.post(PASTE_URL, json.dumps({"lines": lines}), "application/json", **kwargs)


def test_pasted_lines_come_back_as_blocks_with_recognised_captions_and_teasers(editor_client):
    lines = [
        {"text": BODY, "html": BODY},
        {"text": "Syrian protesters in Beirut, July 24, 2011"},
        {"text": "Bilal Hussein / AP"},
        {"text": ">> Israel’s Explosive Message to Russia Sent in Syria >>"},
        {"text": "Advertisement"},
        {"text": BODY},
    ]
    response = paste(editor_client, lines)
    assert response.status_code == 200
    answer = response.json()
    assert [(b["kind"], b["text"], b["credit"]) for b in answer["blocks"]] == [
        ("paragraph", BODY, ""),
        ("caption", "Syrian protesters in Beirut, July 24, 2011", "Bilal Hussein / AP"),
        ("teaser", "Israel’s Explosive Message to Russia Sent in Syria", ""),
        ("paragraph", BODY, ""),
    ]
    recognised = [b["recognised"] for b in answer["blocks"]]
    assert recognised == [
        "",
        "Recognised as a caption, credit “Bilal Hussein / AP”",
        "Recognised as a related-link teaser",
        "",
    ]
    assert answer["dropped"] == ["Advertisement"]


def test_pasted_marks_are_sanitised_and_kept_only_where_they_fit_the_words(editor_client):
    marked = (
        'The <strong>harbour</strong> wall <a href="javascript:alert(1)">fell</a> '
        '<a href="https://example.org/w" onclick="x()">today</a><script>alert(2)</script>.'
    )
    lines = [
        {"text": "The harbour wall fell today.", "html": marked},
        {
            "text": "Different words entirely, long enough to be a paragraph.",
            "html": "<b>Other</b>",
        },
    ]
    blocks = paste(editor_client, lines).json()["blocks"]
    assert blocks[0]["html"] == (
        'The <strong>harbour</strong> wall fell <a href="https://example.org/w">today</a>.'
    )
    assert blocks[1]["html"] == ""  # marks that say other words than the text are not used


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("not json", "Not pasted: the paste did not arrive as lines of text; paste it again."),
        (json.dumps({"lines": "one"}), "Not pasted: the paste did not arrive as lines of text"),
        (json.dumps({"lines": [{"text": 5}]}), "Not pasted: the paste did not arrive as lines"),
        (
            json.dumps({"lines": [{"text": "x"}] * 900}),
            "Not pasted: the pasted text has 900 lines; the limit is 798.",
        ),
    ],
)
def test_a_paste_that_cannot_be_read_is_refused_in_words(editor_client, body, message):
    response = editor_client.post(PASTE_URL, body, "application/json")
    assert response.status_code == 400
    assert response.json()["error"].startswith(message)


def test_reading_a_paste_needs_a_newsroom_account(client, reporter):
    outsider = User.objects.create_user("out", password="pw-out-1", is_staff=True)
    client.force_login(outsider)
    assert paste(client, [{"text": BODY}]).status_code == 403
    client.force_login(reporter)
    assert paste(client, [{"text": BODY}]).status_code == 200


def test_the_screen_hides_positions_and_saves_the_order_it_is_sent(editor_client):
    """The editor never types a position: the script writes the order on the screen."""
    article = ArticleFactory(paragraphs=("First.", "Second.", "Third."))
    response = editor_client.get(change_url(article))
    assert b'type="hidden" name="blocks-0-position"' in response.content
    assert b"body-editor.js" in response.content
    data = form_data(response)
    data.update({"blocks-0-position": "2", "blocks-1-position": "0", "blocks-2-position": "1"})
    add_block(data, position="3", kind="subheading", text="What next")
    add_block(data, position="4", kind="quote", text="We are ready.", attribution="Ana Ruiz")
    add_block(data, position="5", kind="bulleted_list", text="", html="<b>Sandbags</b>\nBoats")
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    blocks = list(Article.objects.get(pk=article.pk).blocks.order_by("position"))
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Second."),
        ("paragraph", "Third."),
        ("paragraph", "First."),
        ("subheading", "What next"),
        ("quote", "We are ready."),
        ("bulleted_list", "Sandbags\nBoats"),
    ]
    assert blocks[4].attribution == "Ana Ruiz"
    assert blocks[5].html == "<strong>Sandbags</strong>\nBoats"


def test_an_embed_without_its_address_is_refused_next_to_the_block(editor_client):
    article = ArticleFactory(paragraphs=("First.",))
    data = form_data(editor_client.get(change_url(article)))
    add_block(data, position="1", kind="embed", embed_title="The council's plan")
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.forms[1].non_field_errors() == [
        "Give the address (http or https) of the page this embed shows."
    ]
    assert list(Article.objects.get(pk=article.pk).blocks.values_list("text", flat=True)) == [
        "First."
    ]


def test_pasted_markdown_like_lines_become_their_kinds_as_an_import_reads_them(editor_client):
    lines = [
        {"text": "## What happens next"},
        {"text": "> We will be ready before the first storm."},
        {"text": "> — Mayor Ana Ruiz"},
        {"text": "- Sandbags at the **pier**"},
        {"text": "- Boats moved inland"},
        {"text": BODY},
    ]
    blocks = paste(editor_client, lines).json()["blocks"]
    assert [(b["kind"], b["text"]) for b in blocks] == [
        ("subheading", "What happens next"),
        ("quote", "We will be ready before the first storm."),
        ("bulleted_list", "Sandbags at the pier\nBoats moved inland"),
        ("paragraph", BODY),
    ]
    assert blocks[1]["attribution"] == "Mayor Ana Ruiz"
    assert blocks[2]["html"] == "Sandbags at the <strong>pier</strong>\nBoats moved inland"
    assert [b["recognised"] for b in blocks[:3]] == [
        "Recognised as a subheading",
        "Recognised as a quote",
        "Recognised as a bulleted list",
    ]


def test_a_form_sent_back_keeps_a_new_blocks_delete_mark_and_a_pasted_blocks_note(editor_client):
    """The page after an error says which new blocks were deleted and what the rules
    recognised (the script shows both again); a successful save stores neither."""
    article = ArticleFactory(paragraphs=("First.",), status="draft")
    data = form_data(editor_client.get(change_url(article)))
    note = '{"kind": "caption", "recognised": "Recognised as a caption", "rule": "caption"}'
    add_block(data, position="1", kind="paragraph", text="Deleted before the error.", DELETE="on")
    add_block(data, position="2", kind="caption", text="Protesters in Beirut", recognised=note)
    data["headline"] = ""
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200 and "Every article needs a headline." in errors_of(response)
    html = response.content.decode()
    assert (
        '<input type="hidden" name="blocks-1-DELETE" value="True" id="id_blocks-1-DELETE">' in html
    )
    assert 'name="blocks-2-DELETE"' not in html
    assert 'name="blocks-2-recognised" value="{&quot;kind&quot;: &quot;caption&quot;' in html

    data["headline"] = "Protest in Beirut"
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    stored = Article.objects.get(pk=article.pk).blocks.order_by("position")
    assert [(b.kind, b.text) for b in stored] == [
        ("paragraph", "First."),
        ("caption", "Protesters in Beirut"),
    ]
    reopened = editor_client.get(change_url(article)).content.decode()
    assert "Recognised as a caption" not in reopened
