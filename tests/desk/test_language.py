"""The article screen guesses the language from the text as the importer does, shows the
guess, and keeps a language the editor chose (issue 14)."""

import pytest

from articles.language import guess_language
from articles.models import Article
from tests.admin_support import add_block, change_url, errors_of, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"
GUESS_URL = "/admin/articles/article/guess-language/"
HEBREW_HEADLINE = "גשם כבד צפוי בחיפה"
HEBREW_TEXT = "עננים מתקבצים מעל המפרץ ורוחות חזקות צפויות בערב."


def write(client, headline: str, *paragraphs: str, **fields) -> Article:
    data = form_data(client.get(ADD_URL))
    data.update(headline=headline, status="published", **fields)
    for position, text in enumerate(paragraphs):
        add_block(data, position=str(position), kind="paragraph", text=text)
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    return Article.objects.get(headline=headline)


def test_a_hebrew_article_written_in_the_admin_reads_right_to_left(editor_client):
    """Left on "Guess from the text", a Hebrew story is stored as Hebrew and shown RTL."""
    article = write(editor_client, HEBREW_HEADLINE, HEBREW_TEXT)
    assert (article.language, article.language_chosen) == ("he", False)
    editor_client.logout()
    html = editor_client.get(article.get_absolute_url()).text
    assert '<article class="article" lang="he" dir="rtl">' in html


def test_an_editors_choice_of_language_is_kept_whatever_the_text(editor_client):
    """Choosing English for a Hebrew text keeps English, on this save and the next."""
    article = write(editor_client, HEBREW_HEADLINE, HEBREW_TEXT, language="en")
    assert (article.language, article.language_chosen) == ("en", True)
    data = form_data(editor_client.get(change_url(article)))
    assert data["language"] == "en"
    data["blocks-0-text"] = HEBREW_TEXT + " " + HEBREW_TEXT
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.language == "en"
    editor_client.logout()
    html = editor_client.get(article.get_absolute_url()).text
    assert '<article class="article" lang="en" dir="ltr">' in html


def test_the_guess_follows_the_text_when_it_changes(editor_client):
    """An article on "Guess" rewritten from English into Arabic becomes Arabic."""
    article = write(editor_client, "Rain expected", "Clouds gather over the bay.")
    assert article.language == "en"
    data = form_data(editor_client.get(change_url(article)))
    assert data["language"] == "guess"
    data.update({"headline": "أمطار غزيرة متوقعة", "blocks-0-text": "تتجمع الغيوم فوق الخليج."})
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert (article.language, article.direction) == ("ar", "rtl")


def test_the_screen_shows_its_guess_beside_the_language(editor_client):
    """The form says what it guessed: "Looks like Hebrew (right to left)"."""
    article = ArticleFactory(headline=HEBREW_HEADLINE, paragraphs=[HEBREW_TEXT], language="he")
    html = editor_client.get(change_url(article)).text
    assert "Looks like Hebrew (right to left)" in html
    assert '<option value="guess" selected>Guess from the text</option>' in html


@pytest.mark.parametrize(
    ("fields", "language", "label"),
    [
        ({"headline": HEBREW_HEADLINE, "text": [HEBREW_TEXT]}, "he", "Looks like Hebrew (right to left)"),
        ({"headline": "أمطار غزيرة", "text": ["تتجمع الغيوم فوق الخليج."]}, "ar", "Looks like Arabic (right to left)"),
        ({"headline": "Rain in Haifa", "dek": "גשם", "text": ["Clouds gather."]}, "en", "Looks like English (left to right)"),
    ],
    ids=["hebrew", "arabic", "mostly-english"],
)  # fmt: skip
def test_the_desk_answers_its_guess_as_the_editor_types(editor_client, fields, language, label):
    """The JSON answer desk-photos.js shows: the importer's guess for the text so far."""
    assert editor_client.post(GUESS_URL, fields).json() == {"language": language, "label": label}


def test_the_admin_and_the_importer_guess_alike():
    """One rule: the importer's guess for a parsed file is the same function's answer."""
    from articles.importing import store
    from articles.seedfile.parser import parse_bytes

    parsed = parse_bytes(f"{HEBREW_HEADLINE}\n\n{HEBREW_TEXT}\n".encode())
    assert store.guess_language is guess_language
    assert guess_language(parsed.headline, parsed.dek, [b.text for b in parsed.blocks]) == "he"
