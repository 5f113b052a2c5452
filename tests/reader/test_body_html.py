"""The stored body (Article.body_html): rendered once, and rendered again whenever a teaser's link changes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.importing import store
from articles.models import Article, Block
from articles.seedfile import parser
from tests.factories import ArticleFactory, TeaserFactory

pytestmark = pytest.mark.django_db


def stored(article: Article) -> str:
    return Article.objects.values_list("body_html", flat=True).get(pk=article.pk)


def page(client, article: Article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def teasing(target: Article) -> Article:
    """A published article whose teaser names `target`, its body rendered and stored."""
    article = ArticleFactory(headline="Main story", paragraphs=("The main text.",))
    TeaserFactory(article=article, text=target.headline, link_article=target)
    assert stored(article)
    return article


def test_saving_the_blocks_stores_the_body_as_the_page_shows_it(client):
    """The stored body is the page's body: the same paragraphs, figures and teasers."""
    article = ArticleFactory(paragraphs=("First words.", "Last words."))
    article.refresh_derived()
    body = stored(article)
    assert "<p>First words.</p>" in body and "<p>Last words.</p>" in body
    assert body in page(client, article)


def test_an_article_first_viewed_without_a_stored_body_is_rendered_and_stored(client):
    """Imported articles arrive without a stored body; their first view stores it."""
    article = ArticleFactory(paragraphs=("Imported words.",), stored_body=False)
    assert stored(article) == ""
    assert "Imported words." in page(client, article)
    assert "<p>Imported words.</p>" in stored(article)


def test_a_changed_block_renders_the_body_again(client):
    """Editing a block directly (not through the admin) never leaves the old body on show."""
    article = ArticleFactory(paragraphs=("Old words.",))
    article.refresh_derived()
    block = article.blocks.get()
    block.text = "New words."
    block.save()
    html = page(client, article)
    assert "New words." in html and "Old words." not in html


def test_a_teasers_link_appears_once_its_target_is_published(client):
    """A teaser naming a draft is a plain related line; once the draft is published, a link."""
    target = ArticleFactory(headline="The follow-up", status=Article.Status.DRAFT)
    article = teasing(target)
    assert '<span class="teaser__text">The follow-up</span>' in stored(article)
    target.status, target.published_at = Article.Status.PUBLISHED, timezone.now()
    target.save()
    assert f'href="{target.get_absolute_url()}"' in page(client, article)
    assert f'href="{target.get_absolute_url()}"' in stored(article)


def test_a_teasers_link_turns_into_a_plain_line_when_its_target_is_unpublished(client):
    """An unpublished article is never linked, even from a body stored while it was live."""
    target = ArticleFactory(headline="The follow-up")
    article = teasing(target)
    assert f'href="{target.get_absolute_url()}"' in stored(article)
    target.status = Article.Status.UNPUBLISHED
    target.save()
    html = page(client, article)
    assert target.get_absolute_url() not in html
    assert '<span class="teaser__text">The follow-up</span>' in html


def test_a_teasers_link_follows_its_targets_new_address(client):
    """When the teased article's slug changes, the teaser links to the new address."""
    target = ArticleFactory(headline="The follow-up")
    article = teasing(target)
    target.slug = "the-follow-up-renamed"
    target.save()
    html = page(client, article)
    assert 'href="/articles/the-follow-up-renamed/"' in html
    assert 'href="/articles/the-follow-up/"' not in html


def test_a_teasers_link_turns_into_a_plain_line_when_its_target_is_deleted(client):
    """Deleting the teased article leaves no link to a missing page."""
    target = ArticleFactory(headline="The follow-up")
    article = teasing(target)
    Article.objects.filter(pk=target.pk).delete()
    html = page(client, article)
    assert "/articles/the-follow-up/" not in html
    assert '<span class="teaser__text">The follow-up</span>' in html


def test_a_body_teasing_a_scheduled_article_is_not_stored_until_it_appears(client):
    """A scheduled article appears by itself, with no save: the teaser's link must follow."""
    target = ArticleFactory(
        headline="The follow-up", published_at=timezone.now() + timedelta(hours=1)
    )
    article = ArticleFactory(headline="Main story")
    TeaserFactory(article=article, text="The follow-up", link_article=target)
    assert '<span class="teaser__text">The follow-up</span>' in page(client, article)
    assert stored(article) == ""
    Article.objects.filter(pk=target.pk).update(published_at=timezone.now() - timedelta(hours=1))
    assert f'href="{target.get_absolute_url()}"' in page(client, article)


def seed(name: str, headline: str, *blocks: parser.Block) -> store.SeedFile:
    parsed = parser.ParsedArticle(
        headline=headline, dek="", byline="", dateline="", blocks=blocks, lines=()
    )
    return store.SeedFile(name=name, digest=name, parsed=parsed)


def test_importing_a_teasers_target_renders_the_teasing_body_again(client):
    """A teaser imported before its target is a plain line, then links to the target once it arrives."""
    paragraph = parser.Block(kind=Block.Kind.PARAGRAPH, text="The main text.")
    teaser = parser.Block(kind=Block.Kind.TEASER, text="The Follow-up")
    (main,) = [r.article for r in store.load([seed("main.txt", "Main story", paragraph, teaser)])]
    assert '<span class="teaser__text">The Follow-up</span>' in page(client, main)
    assert stored(main)
    store.load([seed("target.txt", "The follow-up", paragraph)])
    target = Article.objects.get(source_file="target.txt")
    assert f'href="{target.get_absolute_url()}"' in page(client, main)
