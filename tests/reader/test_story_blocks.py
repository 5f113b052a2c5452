"""Subheadings, quotes, lists, dividers, embeds and inline marks on the article page, in
search and in the API (issue 14), and the one sanitiser every save goes through."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from articles.desk import drafts
from articles.inline import sanitise
from articles.models import Article, Block
from tests.factories import ArticleFactory, BlockFactory, every_kind_of_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    article = ArticleFactory(headline="Bridge vote", paragraphs=("The council met.",))
    every_kind_of_block(article)
    return article


def body_of(client, article) -> str:
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    return page.text.split('<div class="article__body">', 1)[1].split("</article>", 1)[0]


def test_the_page_shows_each_kind_in_its_own_markup_in_order(client, story):
    """h2, blockquote with its figcaption, ul, ol, hr and a link card, in reading order."""
    body = body_of(client, story)
    order = [
        "<p>The council met.</p>",
        "<strong>firm</strong>",
        '<h2 class="article__subheading">What happens next</h2>',
        '<blockquote class="quote__text"><p>The bridge will <em>change</em> the city.</p>'
        "</blockquote>",
        '<figcaption class="quote__attribution">Ada Lovelace, mayor</figcaption>',
        '<ul class="article__list"><li>Steel from Sheffield</li>'
        "<li><strong>Glass</strong> from Murano</li></ul>",
        '<ol class="article__list"><li>The council votes</li><li>The work starts</li></ol>',
        '<hr class="article__divider">',
        '<a class="embed-card__link" href="https://example.org/council-report" rel="nofollow">',
    ]
    positions = [body.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert "The council&#x27;s report" in body
    assert "What the bridge costs and when it opens." in body
    assert '<span class="embed-card__host" dir="ltr">example.org</span>' in body


def test_links_off_the_site_are_nofollow_and_the_sites_own_are_not(client, story):
    body = body_of(client, story)
    assert '<a href="https://example.org/vote" rel="nofollow">the record</a>' in body
    assert '<a href="/about/">our desk</a>' in body


def test_an_embed_brings_no_script_frame_or_image_from_elsewhere(client, story):
    """The strict CSP needs nothing new: the card is text and a link."""
    body = body_of(client, story)
    assert not re.search(r"<(script|iframe|img|object|embed)\b", body)
    assert "style=" not in body


def test_the_body_is_rendered_ahead_and_stored(client, story):
    """After the first view the stored body holds the new kinds: later views render nothing."""
    body_of(client, story)
    story.refresh_from_db()
    assert '<h2 class="article__subheading">' in story.body_html
    assert "<em>change</em>" in story.body_html


def test_search_reads_subheadings_quotes_and_list_items(client, story):
    """Words found only in a subheading, an attribution or a list item find the story."""
    story.refresh_from_db()
    for words in ("happens next", "Lovelace", "Murano"):
        assert words in story.body_text
        page = client.get("/search/", {"q": words})
        assert "Bridge vote" in page.text, words


def test_the_api_gives_each_blocks_text_html_and_its_kinds_fields(client, story):
    body = client.get(f"/api/articles/{story.slug}/").json()["body"]
    by_type = {block["type"]: block for block in body[1:]}
    assert body[1]["html"].startswith("A <strong>firm</strong> vote")
    assert body[1]["text"] == "A firm vote, says the record and our desk."
    assert by_type["quote"] == {
        "type": "quote",
        "text": "The bridge will change the city.",
        "html": "The bridge will <em>change</em> the city.",
        "attribution": "Ada Lovelace, mayor",
    }
    assert by_type["bulleted_list"]["items"] == [
        {"text": "Steel from Sheffield", "html": "Steel from Sheffield"},
        {"text": "Glass from Murano", "html": "<strong>Glass</strong> from Murano"},
    ]
    assert [item["text"] for item in by_type["numbered_list"]["items"]] == [
        "The council votes",
        "The work starts",
    ]
    assert by_type["divider"] == {"type": "divider", "text": "", "html": ""}
    assert by_type["embed"]["url"] == "https://example.org/council-report"
    assert by_type["embed"]["title"] == "The council's report"
    assert by_type["embed"]["description"] == "What the bridge costs and when it opens."


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ('<a href="javascript:alert(1)">x</a>', "x"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "x"),
        ('<a href="data:text/html,hi">x</a>', "x"),
        ('<a href="//evil.example/">x</a>', "x"),
        ('<a href="/\t/evil.example/">x</a>', "x"),
        ('<a href="https://ok.example/" onclick="steal()" target="_blank">x</a>',
         '<a href="https://ok.example/">x</a>'),
        ("<script>steal()</script><b>bold</b>", "<strong>bold</strong>"),
        ('<p style="color:red">A <span class="x">para</span><img src=x onerror=y></p>', "A para"),
        ("<i>it</i> <em></em><h1>big</h1>", "<em>it</em> big"),
    ],
)  # fmt: skip
def test_the_sanitiser_keeps_only_safe_marks(given, kept):
    """Bold, italic and web or site links; every other tag becomes its text."""
    assert sanitise(given) == kept


def test_no_save_path_stores_unsanitised_html():
    """Block.save, a pending draft laid over the live article, and the importer."""
    article = ArticleFactory(headline="Paths")
    block = BlockFactory(article=article, html='<a href="javascript:x()">Click</a> <b>me</b>')
    block.refresh_from_db()
    assert (block.html, block.text) == ("Click <strong>me</strong>", "Click me")

    content = drafts.snapshot(article.pk)
    content["blocks"][-1]["html"] = "<img src=x onerror=alert(1)><em>Laid</em> over"
    drafts.lay_over(article.pk, content)
    block = Block.objects.get(article=article, kind="paragraph", position=block.position)
    assert (block.html, block.text) == ("<em>Laid</em> over", "Laid over")


def test_the_importer_stores_marks_sanitised_and_refuses_unsafe_links(tmp_path):
    (tmp_path / "marks.txt").write_text(
        "Council Approves Plan for New Bridge\n\n"
        "The council voted **on Tuesday** to approve [the plan](https://example.org/plan).\n\n"
        "A link to [a script](javascript:alert(1)) stays as text, said the council.\n\n"
        "- First\n- Second\n"
    )
    call_command("import_seeds", str(tmp_path), stdout=StringIO())
    article = Article.objects.get(source_file="marks.txt")
    first, second, items = article.blocks.all()
    assert first.html == (
        "The council voted <strong>on Tuesday</strong> to approve "
        '<a href="https://example.org/plan">the plan</a>.'
    )
    assert second.html == ""
    assert second.text.startswith("A link to [a script](javascript:alert(1))")
    assert (items.kind, items.text) == ("bulleted_list", "First\nSecond")
    assert "First\nSecond" in article.body_text
