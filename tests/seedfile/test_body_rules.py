"""Seed rules 11-14: credits, captions, teasers and paragraphs."""

import pytest

from articles.seedfile.parser import (
    Block,
    parse,
)
from tests.seedfile.helpers import BODY, article_with, fixture, line_roles, numbered, role_of, roles

# --- Rule 11: credit --------------------------------------------------------------------------


def test_credit_rule_attaches_every_credit_shape_to_its_caption():
    """Rule 11: own-line and glued credits of every shape end up on the right caption."""
    article = fixture("credits_varied.txt")
    assert roles(article) == numbered(
        "1 headline",
        "3 dek",
        "5 caption",
        "6 credit",
        "8 10 paragraph",
        "12 caption",
        "13 credit",
        "15 paragraph",
        "17 caption",
        "18 credit",
        "20 paragraph",
        "22 24 26 caption",
        "28 paragraph",
        "30 caption",
        "31 credit",
        "33 caption",
        "34 credit",
        "36 caption",
        "37 credit",
        "39 caption",
        "40 credit",
        "42 paragraph",
    )
    credits = {b.lines[0]: b.credit for b in article.blocks if b.kind == "caption"}
    assert credits == {
        5: "DPA",
        12: "Reuters photo: Giorgio Perottino",
        17: "Raul Arboleda/AFP/Getty Images",
        22: "Getty Images",
        24: "EPA",
        26: "AP Photo/Fernando Vergara",
        30: "AFP/Getty Images",
        33: "Luis Robayo",
        36: "EPA",
        39: "Reuters",
    }


def test_credit_rule_splits_a_glued_credit_from_its_caption_and_keeps_the_line():
    """Rule 11: "… in 2016. Photograph: Getty Images" is caption text plus a credit, losing nothing."""
    article = fixture("credits_varied.txt")
    glued = next(b for b in article.blocks if b.lines == (22,))
    assert glued.text.endswith("in Havana in 2016.")
    assert glued.credit == "Getty Images"
    assert glued.source == (glued.text + " Photograph: Getty Images",)
    leading = next(b for b in article.blocks if b.lines == (24,))
    assert (leading.text, leading.credit) == (
        "Pope Francis's trip to Colombia is his third to South America",
        "EPA",
    )


@pytest.mark.parametrize(
    "line",
    [
        "Photo: DPA",
        "(Reuters photo: Giorgio Perottino)",
        "Photograph: Getty Images",
        "Credit: Jane Doe/The New York Times",
        "Photo courtesy of the family",
        "Image source, Reuters",
        "© EPA",
        "Getty Images",
        "Dibyangshu Sarkar/AFP/Getty Images",
        "Jim Watson/AFP via Getty Images",
        "AP Photo/Evan Vucci",
        "REUTERS/Omar Sanadiki",
        "צילום: רויטרס",
        "Reuters",
    ],
)
def test_credit_rule_recognises_each_shape_under_a_caption(line):
    """Rule 11: each credit shape under a short caption line is a credit."""
    assert role_of(line, before=(BODY, "Soldiers stand guard outside the embassy")) == "credit"


def test_credit_rule_reads_photographers_names_and_wire_names_under_captions():
    """Rule 11: a bare name under a dated caption, and "Reuters" mid-story, are credits."""
    article = fixture("haaretz_credits.txt")
    assert roles(article) == {
        1: "headline",
        3: "dek",
        5: "caption",
        6: "credit",
        8: "paragraph",
        10: "caption",
        11: "credit",
        13: "paragraph",
        15: "caption",
        16: "credit",
        18: "paragraph",
        20: "teaser",
        22: "paragraph",
        24: "furniture",
        26: "byline",  # "The Associated Press contributed to this report."
        28: "byline",
    }
    credits = [b.credit for b in article.blocks if b.kind == "caption"]
    assert credits == ["Olivier Fitoussi", "Emil Salman", "Reuters"]
    assert article.byline == "The Associated Press contributed to this report.\nReuters"


def test_credit_rule_takes_the_caption_below_in_bbc_order():
    """Rule 11: "Image copyright X" above "Image caption Y" makes one captioned figure."""
    article = fixture("bbc_style.txt")
    assert roles(article) == {
        1: "headline",
        3: "credit",
        4: "caption",
        6: "paragraph",
        8: "caption",
        10: "paragraph",
        12: "furniture",
        14: "paragraph",
        16: "teaser",  # "Related Topics" and its topics link elsewhere (../shared/LABELS.md)
        17: "teaser",
        18: "teaser",
    }
    figure = article.blocks[0]
    assert figure == Block(
        kind="caption",
        text="Pro-independence supporters gathered outside the regional economy ministry in Barcelona",
        credit="Getty Images",
        lines=(3, 4),
        source=(
            "Image copyright Getty Images",
            "Image caption Pro-independence supporters gathered outside the regional economy ministry in Barcelona",
        ),
    )
    assert (article.blocks[2].text, article.blocks[2].credit) == (
        "Police officers carried boxes of seized ballot papers",
        "EPA",
    )


def test_credit_rule_keeps_a_credit_with_no_caption_as_an_empty_captioned_figure():
    """Rule 11: "Getty Images" under the headline is a credit whose caption block has no text."""
    article = parse(article_with("Getty Images", BODY))
    assert article.lines[1].role == "credit"
    assert article.blocks[0] == Block("caption", "", "Getty Images", (2,), ("Getty Images",))


def test_credit_rule_reads_a_wire_name_under_a_caption_as_a_credit():
    """Rule 11: "Reuters" under an unpunctuated caption-like line credits it."""
    article = parse(article_with(BODY, "Soldiers stand guard outside the embassy", "Reuters", BODY))
    assert line_roles(article) == ["headline", "paragraph", "caption", "credit", "paragraph"]


# --- Rule 12: caption -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Syrian protesters in Beirut, July 24, 2011",
        "Turkish President Tayyip Erdogan meets Iran's army chief in Ankara, Turkey, August 16, 2017.",
        "A man walks past a mural in Kabul, Afghanistan, Friday, Sept. 22, 2017.",
        "Protesters march through central London, 16 August 2017.",
        "FILE - In this Aug. 16, 2017 file photo, Iran's army chief arrives in Ankara.",
        "In this photo released by the Syrian official news agency, troops enter the town.",
        "Image caption Police officers carried boxes of seized ballot papers",
        "Kurds in Erbil celebrated after voting. Credit Ivor Prickett for The New York Times",
        "Players kneel during the national anthem. (Reuters)",
    ],
)
def test_caption_rule_recognises_captions_without_a_credit(line):
    """Rule 12: a place-and-date ending or a caption opener makes a caption."""
    assert role_of(line) == "caption"


def test_caption_rule_takes_the_line_under_a_bare_image_caption_label():
    """Rules 6 and 12: "Image caption," alone is furniture and the line under it the caption."""
    article = parse(
        article_with("Image caption,", "Police used batons on voters in Barcelona.", BODY)
    )
    assert line_roles(article) == ["headline", "furniture", "caption", "paragraph"]


@pytest.mark.parametrize(
    "line",
    [
        "The law took effect on Monday, August 16, 2017.",
        "The treaty has been in force since March 3, 2015.",
        "He was elected in a landslide in 2013, and re-elected on June 18, 2017.",
    ],
)
def test_caption_rule_leaves_sentences_that_end_in_a_date_as_paragraphs(line):
    """Rule 12: a date after "on" or "since" belongs to a sentence, not a caption."""
    assert role_of(line) == "paragraph"


def test_caption_rule_makes_the_line_above_a_credit_a_caption():
    """Rule 12: whatever its shape, a line directly above a credit is its caption."""
    article = parse(
        article_with(BODY, "Pope Francis greets the crowd.", "Photograph: Getty Images", BODY)
    )
    assert line_roles(article) == ["headline", "paragraph", "caption", "credit", "paragraph"]


# --- Rule 13: teaser --------------------------------------------------------------------------


def test_teaser_rule_recognises_every_related_link_shape():
    """Rule 13: markers, "READ MORE:" labels, bare labels and link lists are teasers."""
    article = fixture("teasers_varied.txt")
    expected = {n: "teaser" for n in (7, 11, 12, 16, 18, 22, 24, 26, 30, 35, 36)}
    expected |= {n: "paragraph" for n in (5, 9, 14, 20, 28, 32)}
    assert roles(article) == {1: "headline", 3: "dateline", 34: "teaser", **expected}
    titles = [b.text for b in article.blocks if b.kind == "teaser"]
    assert titles == [
        "Israel strikes Syrian army post after stray fire hits Golan Heights",
        "",
        "Israel's Explosive Message to Russia Sent in Syria, Received in Tel Aviv",
        "Syria accuses Israel of striking weapons depot near Damascus",
        "How Iran built a land corridor to the Mediterranean",
        "Russia says it cannot force Iran out of Syria",
        "Why Hezbollah is watching the Kurdish referendum closely",
        "",
        "IRAN'S QUDS FORCE COMMANDER SEEN IN KIRKUK AS KURDS VOTE",
        "",  # "Related stories": the list's heading, like a bare "Read more"
        "Israel Air Force hits Syrian anti-aircraft battery",
        "Putin and Netanyahu discuss Iran in phone call",
    ]


def test_teaser_rule_does_not_mistake_guillemet_quotes_for_link_markers():
    """Rule 13: a line ending in a «quoted» phrase is a paragraph."""
    article = fixture("arabic.txt")
    assert roles(article)[11] == "paragraph"


@pytest.mark.parametrize(
    "line",
    ["Also on Tuesday the ministry said it would appeal.", "Read the statement in full below."],
)
def test_teaser_rule_leaves_sentences_that_start_like_labels_as_paragraphs(line):
    """Rule 13: "Also on Tuesday…" is a sentence, not a link."""
    assert role_of(line) == "paragraph"


# --- Rule 14: paragraph -----------------------------------------------------------------------


def test_paragraph_rule_keeps_one_sentence_per_line_as_separate_paragraphs():
    """Rule 14: with no blank lines, every sentence is its own paragraph, never joined."""
    article = fixture("one_sentence_per_line.txt")
    assert roles(article) == {
        1: "headline",
        2: "dek",
        3: "byline",
        4: "dateline",
        **{n: "paragraph" for n in range(5, 16)},
    }
    assert [b.lines for b in article.blocks] == [(n,) for n in range(5, 16)]
