"""The article editing screen and the desk's article list (issue 5)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Block, Section, Topic
from tests.admin_support import add_block, change_url, errors_of, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"


def new_article_data(client, **fields) -> dict:
    data = form_data(client.get(ADD_URL))
    data.update({"headline": "Dam opens after a week of rain", "language": "en"}, **fields)
    return data


def test_editor_writes_an_article_with_a_paragraph_a_caption_and_a_teaser(editor_client, editor):
    """An article is written in one screen, its body as ordered blocks, and stamped with who and when."""
    other = ArticleFactory(headline="Rain records broken")
    data = new_article_data(editor_client, dek="Water levels fell by noon.", byline="Ana Ruiz")
    add_block(data, position="0", kind="paragraph", text="The gates opened at dawn.")
    add_block(
        data,
        position="1",
        kind="caption",
        text="The dam at dawn",
        credit="Bilal Hussein / AP",
    )
    add_block(data, position="2", kind="teaser", text="Rain records broken", link_article=other.pk)
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    article = Article.objects.get(headline="Dam opens after a week of rain")
    assert article.slug == "dam-opens-after-a-week-of-rain"
    assert [(b.position, b.kind) for b in article.blocks.all()] == [
        (0, "paragraph"),
        (1, "caption"),
        (2, "teaser"),
    ]
    assert article.blocks.get(kind="teaser").link_article == other
    assert (article.author, article.last_editor) == (editor, editor)
    assert article.edited_at is not None
    assert article.status == Article.Status.DRAFT
    assert article.body_text == "The gates opened at dawn.\nThe dam at dawn"


def test_slug_left_empty_is_made_from_a_hebrew_headline(editor_client):
    """A slug left empty is filled from the headline, keeping Hebrew letters."""
    data = new_article_data(editor_client, headline="גשם כבד בצפון", slug="")
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    assert Article.objects.get().slug == "גשם-כבד-בצפון"


def test_slug_taken_by_another_article_is_refused_in_plain_words(editor_client):
    """Reusing another article's slug gets a plain message, not a database error."""
    ArticleFactory(headline="Taken", slug="taken")
    response = editor_client.post(ADD_URL, new_article_data(editor_client, slug="taken"))
    assert response.status_code == 200
    assert "Another article already uses this address" in " ".join(errors_of(response))


def test_editor_reorders_the_body_by_changing_positions(editor_client):
    """Swapping two blocks' positions swaps them in the text."""
    article = ArticleFactory(paragraphs=("First.", "Second."))
    data = form_data(editor_client.get(change_url(article)))
    data["blocks-0-position"], data["blocks-1-position"] = "1", "0"
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    assert [b.text for b in article.blocks.all()] == ["Second.", "First."]


def test_two_blocks_at_the_same_position_are_refused(editor_client):
    """Two blocks given one position get a plain message instead of a database error."""
    article = ArticleFactory(paragraphs=("First.", "Second."))
    data = form_data(editor_client.get(change_url(article)))
    data["blocks-1-position"] = "0"
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "Two blocks are at position 0" in " ".join(errors_of(response))


def test_a_new_block_without_a_position_goes_at_the_end(editor_client):
    """A block added with no position number is placed after the others."""
    article = ArticleFactory(paragraphs=("First.", "Second."))
    data = form_data(editor_client.get(change_url(article)))
    add_block(data, position="", kind="paragraph", text="Third.")
    add_block(data, position="", kind="paragraph", text="Fourth.")
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    assert [b.text for b in article.blocks.all()] == ["First.", "Second.", "Third.", "Fourth."]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.com/file", "not a url"])
def test_teaser_links_must_be_web_addresses(editor_client, url):
    """A teaser's link is refused unless it is an http or https address."""
    article = ArticleFactory()
    data = form_data(editor_client.get(change_url(article)))
    add_block(data, position="5", kind="teaser", text="Read more", link_url=url)
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "starting with http:// or https://" in " ".join(errors_of(response))


def test_teaser_link_to_a_web_address_is_kept(editor_client):
    """An https link on a teaser is saved as typed."""
    article = ArticleFactory()
    data = form_data(editor_client.get(change_url(article)))
    add_block(data, position="5", kind="teaser", text="Read", link_url="https://example.org/a")
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    assert article.blocks.get(kind="teaser").href == "https://example.org/a"


def test_teaser_target_is_found_by_headline_in_the_autocomplete(editor_client):
    """The teaser's article field looks articles up by headline."""
    ArticleFactory(headline="Floods close the coast road", paragraphs=("Nothing about rivers.",))
    ArticleFactory(
        headline="Unrelated", paragraphs=("The coast road was mentioned here.",)
    ).refresh_derived()
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "term": "coast road",
            "app_label": "articles",
            "model_name": "block",
            "field_name": "link_article",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Floods close the coast road"]


def test_furniture_is_shown_to_editors_as_hidden_and_can_become_a_paragraph(editor_client):
    """A furniture block is listed as hidden from readers; changing its kind makes it readable."""
    article = ArticleFactory(paragraphs=("Body.",))
    Block.objects.create(article=article, position=1, kind="furniture", text="Share this")
    response = editor_client.get(change_url(article))
    assert "Hidden from readers" in response.text
    data = form_data(response)
    data["blocks-1-kind"] = "paragraph"
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    assert "Share this" in article.body_text


def test_caption_credit_is_shown_split_into_photographer_and_agency(editor_client):
    """The editor sees who took a caption's photo and for which agency."""
    article = ArticleFactory()
    Block.objects.create(
        article=article, position=1, kind="caption", text="Protest", credit="Bilal Hussein / AP"
    )
    response = editor_client.get(change_url(article))
    assert "Photographer: Bilal Hussein · Agency: AP" in response.text


def test_sections_and_topics_are_chosen_by_autocomplete(editor_client):
    """Sections and topics are looked up by name as the editor types."""
    Section.objects.create(name="World", slug="world")
    Topic.objects.create(name="Weather", slug="weather")
    response = editor_client.get(ADD_URL)
    assert 'data-field-name="section"' in response.text
    assert 'data-field-name="topics"' in response.text
    found = editor_client.get(
        "/admin/autocomplete/",
        {"term": "Wea", "app_label": "articles", "model_name": "article", "field_name": "topics"},
    )
    assert [r["text"] for r in found.json()["results"]] == ["Weather"]


def test_saving_from_an_old_copy_of_the_form_is_refused_and_keeps_the_input(editor_client, editor):
    """A save based on a version someone else has since replaced is refused, input intact."""
    article = ArticleFactory(headline="Original headline")
    first_tab = form_data(editor_client.get(change_url(article)))
    second_tab = dict(first_tab)
    first_tab["headline"] = "Saved in the first tab"
    assert editor_client.post(change_url(article), first_tab).status_code == 302
    second_tab["headline"] = "Typed in the second tab"
    response = editor_client.post(change_url(article), second_tab)
    assert response.status_code == 200
    article.refresh_from_db()
    saved_at = timezone.localtime(article.edited_at).strftime("%H:%M")
    assert errors_of(response) == [
        f"Someone else saved this article at {saved_at} since you opened it; "
        "copy your changes, reload, and apply them again."
    ]
    assert 'value="Typed in the second tab"' in response.text
    assert article.headline == "Saved in the first tab"


def test_every_save_bumps_the_version_and_records_the_editor(editor_client, editor):
    """Each save moves the version on and stamps the last editor and the edit time."""
    article = ArticleFactory()
    before = article.version
    data = form_data(editor_client.get(change_url(article)))
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.version == before + 1
    assert article.last_editor == editor
    assert timezone.now() - article.edited_at < timedelta(minutes=1)


def test_the_article_list_costs_the_same_queries_for_three_or_thirty_articles(
    editor_client, editor, django_assert_max_num_queries
):
    """The changelist's query count does not grow with the number of articles."""
    section = Section.objects.create(name="World", slug="world")

    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get("/admin/articles/article/").status_code == 200
        return len(queries)

    for i in range(3):
        ArticleFactory(headline=f"Story {i}", section=section, last_editor=editor)
    few = count_queries()
    for i in range(3, 30):
        ArticleFactory(headline=f"Story {i}", section=section, last_editor=editor)
    assert count_queries() == few


def test_the_article_list_shows_the_desk_columns(editor_client, editor):
    """The list shows status (with Scheduled), section, published time and last editor."""
    section = Section.objects.create(name="World", slug="world")
    ArticleFactory(
        headline="Later story",
        section=section,
        last_editor=editor,
        published_at=timezone.now() + timedelta(days=1),
    )
    response = editor_client.get("/admin/articles/article/")
    row = response.text.split("Later story", 1)[1].split("</tr>", 1)[0]
    assert "Scheduled" in row
    assert "World" in row
    assert "eve" in row


def test_the_article_list_searches_headlines_and_body_text(editor_client):
    """Searching the list finds words in the headline or in the body."""
    ArticleFactory(headline="Heatwave warning")
    article = ArticleFactory(headline="Quiet day", paragraphs=("A heatwave is coming.",))
    article.refresh_derived()
    ArticleFactory(headline="Nothing here")
    response = editor_client.get("/admin/articles/article/", {"q": "heatwave"})
    assert {a.headline for a in response.context["cl"].result_list} == {
        "Heatwave warning",
        "Quiet day",
    }


def test_the_article_list_filters_by_status_section_topic_and_author(editor_client, editor):
    """The desk narrows the list by status (scheduled included), section, topic and author."""
    world = Section.objects.create(name="World", slug="world")
    weather = Topic.objects.create(name="Weather", slug="weather")
    scheduled = ArticleFactory(
        headline="Scheduled one", published_at=timezone.now() + timedelta(hours=2)
    )
    draft = ArticleFactory(
        headline="Draft one", status=Article.Status.DRAFT, section=world, author=editor
    )
    draft.topics.add(weather)
    ArticleFactory(headline="Live one")

    def listed(**params) -> set[str]:
        response = editor_client.get("/admin/articles/article/", params)
        return {a.headline for a in response.context["cl"].result_list}

    assert listed(state="scheduled") == {scheduled.headline}
    assert listed(state="live") == {"Live one"}
    assert listed(section__id__exact=world.pk) == {"Draft one"}
    assert listed(topics__id__exact=weather.pk) == {"Draft one"}
    assert listed(author__id__exact=editor.pk) == {"Draft one"}
    response = editor_client.get("/admin/articles/article/")
    assert response.context["cl"].date_hierarchy == "published_at"
