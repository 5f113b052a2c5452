"""Roles decided from the whole page (issue 15): lines a page repeats, widgets, page junk."""

from articles.seedfile.parser import parse
from tests.seedfile.helpers import BODY, article_with, roles

LONG_PARAGRAPH = " ".join([BODY] * 5)  # 340 characters: a paragraph, never a caption


def test_a_short_line_the_page_repeats_is_chrome_but_a_repeated_sentence_or_author_is_not():
    """A scrap printed twice is page chrome; a sentence (a pull quote) and the author's name
    (above and below the story) keep their roles."""
    article = parse(
        article_with(
            "By Jane Doe",
            BODY,
            "View this photo on Instagram",
            "The mayor said the bridge was safe.",
            BODY,
            "View this photo on Instagram",
            "The mayor said the bridge was safe.",
            LONG_PARAGRAPH,
            "Jane Doe",
        )
    )
    assert [line.role for line in article.lines] == [
        "headline",
        "byline",
        "paragraph",
        "furniture",
        "paragraph",
        "paragraph",
        "furniture",
        "paragraph",
        "paragraph",
        "byline",
    ]
    assert "View this photo on Instagram" not in [
        b.text for b in article.blocks if b.kind != "furniture"
    ]


def test_a_long_paragraph_above_a_credit_stays_text_and_the_credit_stands_alone():
    """A credit under a paragraph of several sentences credits a photo with no caption."""
    article = parse(article_with(BODY, LONG_PARAGRAPH, "Photo: DPA", BODY))
    assert roles(article) == {
        1: "headline",
        2: "paragraph",
        3: "paragraph",
        4: "credit",
        5: "paragraph",
    }
    figure = next(block for block in article.blocks if block.kind == "caption")
    assert (figure.text, figure.credit) == ("", "DPA")


def test_one_headline_shaped_line_between_paragraphs_is_a_link_but_a_subhead_or_a_list_is_text():
    """Another story's headline set between paragraphs is a teaser; a short subhead and a
    question stay the story's."""
    link = "Mayor calls for a vote on the new bridge"
    article = parse(
        article_with(
            LONG_PARAGRAPH,
            link,
            LONG_PARAGRAPH,
            "What the vote means",
            LONG_PARAGRAPH,
            "Will the mayor call for a vote on the bridge?",
            LONG_PARAGRAPH,
        )
    )
    assert [line.role for line in article.lines][1:] == [
        "paragraph",
        "teaser",
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
