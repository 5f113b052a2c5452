"""The desk and the new blocks (issue 14): teasers typed in the admin link as the importer's
do, and revisions, compare and restore keep every kind and field."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles.linking import teaser_destination
from articles.models import Article, Block
from tests.admin_support import add_block, change_url, errors_of, form_data
from tests.factories import ArticleFactory, every_kind_of_block

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/articles/article/add/"


def write_teaser(client, text: str) -> Block:
    """An editor writes a new article whose only teaser reads `text`, and nothing else."""
    data = form_data(client.get(ADD_URL))
    data.update(headline="Dam opens after a week of rain", language="en")
    add_block(data, position="0", kind="paragraph", text="The gates opened at dawn.")
    add_block(data, position="1", kind="teaser", text=text)
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    return Block.objects.get(article__headline="Dam opens after a week of rain", kind="teaser")


def test_a_teaser_typed_with_an_articles_headline_links_to_it(editor_client, client):
    """The exact headline (quotes and case aside) links the article, as the importer does."""
    named = ArticleFactory(headline="Rain records broken in the north")
    teaser = write_teaser(editor_client, "RAIN RECORDS BROKEN IN THE NORTH")
    assert teaser.link_article == named
    assert teaser_destination(teaser.text).kind == "article"
    article = teaser.article
    article.status, article.published_at = Article.Status.PUBLISHED, named.published_at
    article.save()
    page = client.get(article.get_absolute_url())
    assert f'href="{named.get_absolute_url()}">RAIN RECORDS BROKEN IN THE NORTH</a>' in page.text


def test_the_importer_and_the_admin_link_the_same_teaser_alike(editor_client, tmp_path):
    """One rule: a seed file's teaser and an admin's teaser naming one headline, one target."""
    named = ArticleFactory(headline="Rain records broken in the north")
    (tmp_path / "a.txt").write_text(
        "Floods close the valley road\n\nThe valley road closed on Monday after the river rose.\n\n"
        ">> Rain records broken in the north >>\n"
    )
    call_command("import_seeds", str(tmp_path), stdout=StringIO())
    imported = Block.objects.get(article__source_file="a.txt", kind="teaser")
    typed = write_teaser(editor_client, "Rain records broken in the north")
    assert imported.link_article == typed.link_article == named


def test_a_teaser_naming_no_article_goes_to_a_search_that_has_results(editor_client):
    """Without an article of that name, a search for its words, if the search finds some."""
    ArticleFactory(headline="Reservoir levels", paragraphs=("The reservoir overflowed at noon.",))
    teaser = write_teaser(editor_client, "reservoir overflowed")
    assert teaser.link_article is None
    destination = teaser_destination(teaser.text)
    assert (destination.kind, destination.url) == ("search", "/search/?q=reservoir+overflowed")
    assert teaser.href == "/search/?q=reservoir+overflowed"


def test_a_teaser_with_nowhere_to_go_is_a_plain_line(editor_client):
    """Nothing of that name and no other article found by its words: no link at all."""
    teaser = write_teaser(editor_client, "Zanzibar xylophone quartets")
    assert teaser_destination(teaser.text) == ("none", "", None)
    assert teaser.href == ""
    # Its own article's words do not count: a search finding only the page being read.
    article = teaser.article
    article.status, article.published_at = Article.Status.PUBLISHED, teaser.article.created_at
    article.save()
    Block.objects.create(article=article, position=5, text="Zanzibar xylophone quartets play.")
    article.refresh_derived()
    teaser.refresh_from_db()
    assert teaser_destination(teaser.text).kind == "search"
    assert teaser.href == ""


def test_where_a_teaser_goes_is_told_before_it_is_saved():
    """teaser_destination answers for typed text: the editor's link, a draft it names, or not."""
    draft = ArticleFactory(headline="Budget talks resume", status=Article.Status.DRAFT)
    assert teaser_destination("Budget talks resume") == ("waiting", "", draft)
    link = teaser_destination("Budget talks resume", link_url="https://example.org/x")
    assert (link.kind, link.url) == ("link", "https://example.org/x")


def test_a_teaser_linked_by_name_follows_its_text_but_a_chosen_link_stays(editor_client):
    """Retyping a teaser relinks it by name; an article picked by the editor is kept."""
    first = ArticleFactory(headline="First story")
    second = ArticleFactory(headline="Second story")
    teaser = write_teaser(editor_client, "First story")
    teaser.text = "Second story"
    teaser.save()
    assert teaser.link_article == second
    teaser.link_article = first  # the editor's choice, whatever the text says
    teaser.save()
    teaser.text = "Second story, retold"
    teaser.save()
    assert teaser.link_article == first


def edit(client, article, **changes) -> None:
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, errors_of(response)


def test_revisions_compare_and_restore_keep_every_kind_and_field(editor_client):
    """A version holds the new kinds' fields; compare shows a mark's removal; restore puts
    the marks, the attribution and the embed back."""
    article = ArticleFactory(headline="Bridge vote", paragraphs=("The council met.",))
    every_kind_of_block(article)
    edit(editor_client, article, dek="A first save.")
    first = Version.objects.get_for_object(article).get()
    kept = {v.field_dict["kind"]: v.field_dict for v in first.revision.version_set.all()
            if "kind" in v.field_dict}  # fmt: skip
    assert kept["quote"]["html"] == "The bridge will <em>change</em> the city."
    assert kept["quote"]["attribution"] == "Ada Lovelace, mayor"
    assert kept["embed"]["embed_url"] == "https://example.org/council-report"

    # A form with only the text field: retyping the quote's text drops its marks.
    data = form_data(editor_client.get(change_url(article)))
    quote = article.blocks.get(kind="quote")
    row = next(
        k.split("-")[1] for k, v in data.items() if k.endswith("-id") and str(v) == str(quote.pk)
    )
    data[f"blocks-{row}-text"] = "The bridge will change the whole city."
    embed = article.blocks.get(kind="embed")
    Block.objects.filter(pk=embed.pk).update(embed_title="Changed elsewhere")
    assert editor_client.post(change_url(article), data).status_code == 302
    quote.refresh_from_db()
    assert (quote.html, quote.text) == ("", "The bridge will change the whole city.")

    newer, older = Version.objects.get_for_object(article).order_by("-pk")
    compared = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"old": older.pk, "new": newer.pk},
    )
    changed = [(r["old"], r["new"]) for r in compared.context["blocks"] if r["kind"] != "same"]
    assert (
        "Quote: The bridge will *change* the city. [said by: Ada Lovelace, mayor]",
        "Quote: The bridge will change the whole city. [said by: Ada Lovelace, mayor]",
    ) in changed
    unchanged = [r["old"] for r in compared.context["blocks"] if r["kind"] == "same"]
    assert "Bulleted list: Steel from Sheffield / **Glass** from Murano" in unchanged

    restore_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    response = editor_client.post(restore_url, form_data(editor_client.get(restore_url)))
    assert response.status_code == 302, errors_of(response)
    quote = article.blocks.get(kind="quote")
    assert (quote.html, quote.attribution) == (
        "The bridge will <em>change</em> the city.",
        "Ada Lovelace, mayor",
    )
    assert article.blocks.get(kind="embed").embed_title == "The council's report"
    assert article.blocks.get(kind="bulleted_list").html.endswith(
        "<strong>Glass</strong> from Murano"
    )


def test_a_block_with_nothing_to_show_is_refused_with_what_to_do(editor_client):
    """An empty paragraph or an embed without its address is refused and nothing is saved;
    a divider needs no text."""
    data = form_data(editor_client.get(ADD_URL))
    data.update(headline="Dam opens after a week of rain", language="en")
    add_block(data, position="0", kind="paragraph", text="The gates opened at dawn.")
    add_block(data, position="1", kind="divider", text="")
    add_block(data, position="2", kind="paragraph", text="   ")
    add_block(data, position="3", kind="embed", text="")
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    messages = errors_of(response)
    assert "Write the text of this block, or delete it." in messages
    assert "Give the address (http or https) of the page this embed shows." in messages
    assert not Article.objects.exists()

    data["blocks-TOTAL_FORMS"] = "2"
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    assert [b.kind for b in Article.objects.get().blocks.all()] == ["paragraph", "divider"]
