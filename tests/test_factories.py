"""The test factories build what the site shows: a published article with its paragraphs."""

import pytest

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    CaptionFactory,
    StaffFactory,
    TeaserFactory,
)

pytestmark = pytest.mark.django_db


def test_an_article_from_the_factory_is_on_the_site_with_its_paragraphs(client):
    """A factory article is published and its page shows its paragraphs in order."""
    article = ArticleFactory(headline="Dam opens", paragraphs=["First.", "Second."])
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Dam opens" in page and page.index("First.") < page.index("Second.")


def test_a_draft_from_the_factory_is_not_public(client):
    """A draft from the factory answers 404 to readers."""
    article = ArticleFactory(status=Article.Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_block_from_the_factory_joins_its_article_body(client):
    """A block added by the factory is searchable body text of its article."""
    article = ArticleFactory(paragraphs=[])
    BlockFactory(article=article, text="Floodwater reached the square.")
    article.refresh_from_db()
    assert "Floodwater" in article.body_text


def test_staff_from_the_factory_belong_to_their_group():
    """A staff account from the factory is in the newsroom group it names."""
    editor = StaffFactory(role="Editors")
    assert editor.is_staff and editor.groups.filter(name="Editors").exists()
    assert editor.check_password("pw-staff-1")


def test_an_article_can_come_without_its_stored_body_as_imports_do(client):
    """stored_body=False leaves the body to be rendered on the first view, as after an import."""
    article = ArticleFactory(paragraphs=["Imported words."], stored_body=False)
    article.refresh_from_db()
    assert article.body_html == "" and article.word_count == 2
    assert "Imported words." in client.get(article.get_absolute_url()).content.decode()


def test_captions_and_teasers_from_the_factory_show_on_the_page(client):
    """CaptionFactory and TeaserFactory append a credited caption and a linked teaser."""
    target = ArticleFactory(headline="Earlier report")
    article = ArticleFactory(paragraphs=["Body."])
    CaptionFactory(article=article, credit="Jane Roe / AP")
    TeaserFactory(article=article, text="Earlier report", link_article=target)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "A photo caption." in page and "Jane Roe / AP" in page
    assert f'href="{target.get_absolute_url()}"' in page
