"""Seed rules 6-10: furniture, headline, dek, byline and dateline."""

import pytest

from articles.seedfile.parser import (
    parse,
)
from tests.seedfile.helpers import (
    BODY,
    article_with,
    fixture,
    line_roles,
    numbered,
    rejection,
    role_of,
    roles,
)

# --- Rule 6: furniture ------------------------------------------------------------------------


def test_furniture_rule_hides_page_chrome_in_a_realistic_page():
    """Rule 6: ads, prompts, share and poll buttons and notices are furniture, and so is a
    poll as a whole, its question with its answers; a topic list links to other pages, so it
    is a list of teasers (../shared/LABELS.md)."""
    article = fixture("furniture.txt")
    topics = {24, 25, 26}
    furniture = {1, 4, 7, 8, 10, 11, 13, 14, 15, 16, *range(18, 29)} - topics
    assert {n for n, role in roles(article).items() if role == "teaser"} >= topics
    assert {n for n, role in roles(article).items() if role == "furniture"} == furniture
    assert roles(article)[9] == roles(article)[12] == roles(article)[17] == "paragraph"  # the story
    assert all(b.kind == "furniture" for b in article.blocks if b.lines[0] in furniture)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "story continues below",
        "Story continues below advertisement",
        "Continue reading the main story",
        "Sign up for our daily newsletter",
        "Get the best stories delivered straight to your inbox",
        "Download our app to get breaking news alerts",
        "Twitter",
        "Facebook Twitter Google Plus Email",
        "Share",
        "WhatsApp",
        "Print",
        "Yes",
        "No",
        "Yes No",
        "Comments (12)",
        "Image copyright",
        "This article has been reprinted from The Local.",
        "Copyright 2017 The Associated Press. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Media playback is unsupported on your device",
        "Share this article",
        "Send in e-mail",
        "___",
        "* * *",
    ],
)
def test_furniture_rule_recognises_each_shape(line):
    """Rule 6: each kind of page chrome, alone on its line, is furniture."""
    assert role_of(line) == "furniture"


@pytest.mark.parametrize("line", ["Related Topics", "Tags: Iran, Syria, Israel", "Related stories"])
def test_link_list_headings_and_tag_lists_are_teasers(line):
    """A heading over links, or a line of topic tags, sends the reader elsewhere: a teaser."""
    assert role_of(line) == "teaser"


@pytest.mark.parametrize("line", ["No.", "Yes, he said.", "Share prices fell 3% on Monday."])
def test_furniture_rule_leaves_sentences_made_of_button_words_alone(line):
    """Rule 6: a sentence that happens to use "No" or "Share" is still a paragraph."""
    assert role_of(line) == "paragraph"


# --- Rule 7: headline -------------------------------------------------------------------------


def test_headline_rule_takes_the_first_line_that_is_not_furniture():
    """Rule 7: furniture above the headline is skipped, and the headline is that next line."""
    article = parse("Advertisement\n\nShare\nCouncil Approves Bridge\n\n" + BODY)
    assert article.headline == "Council Approves Bridge"
    assert line_roles(article) == ["furniture", "furniture", "headline", "paragraph"]


def test_headline_rule_takes_the_first_line_whatever_it_looks_like():
    """Rule 7: even a line shaped like a byline or caption is the headline when it comes first."""
    article = parse("By the Numbers: Britain's Housing Crisis\n" + BODY)
    assert article.headline == "By the Numbers: Britain's Housing Crisis"


def test_headline_rule_rejects_a_headline_with_no_body():
    """Rule 7: a headline alone, or followed only by furniture, is rejected."""
    for text in ["Council Approves Bridge", "Council Approves Bridge\n\nAdvertisement\nShare"]:
        error = rejection(text)
        assert str(error) == "the article has a headline but no body text"
        assert error.line == 1


# --- Rule 8: dek ------------------------------------------------------------------------------


def test_dek_rule_takes_an_unpunctuated_summary_under_the_headline():
    """Rule 8: a one-sentence summary without a full stop is the dek."""
    article = parse(
        article_with("", "Engineers say the crossing will cut journeys by half", "", BODY)
    )
    assert article.dek == "Engineers say the crossing will cut journeys by half"
    assert [b.kind for b in article.blocks] == ["paragraph"]


def test_dek_rule_takes_a_full_sentence_only_when_a_byline_follows():
    """Rule 8: a second line ending in a full stop is a dek above a byline, else a paragraph."""
    summary = "Engineers say the crossing will cut journeys by half."
    assert parse(article_with(summary, "By Jane Smith", BODY)).dek == summary
    assert parse(article_with(summary, BODY)).lines[1].role == "paragraph"


@pytest.mark.parametrize(
    ("second", "role"),
    [
        ("By Jane Smith", "byline"),
        ("WASHINGTON —", "dateline"),
        ("Updated September 27, 2017 10:29 AM ET", "dateline"),
        ("Council leaders at the town hall in Leeds, Britain, March 3, 2017", "caption"),
        (">> Bridge Plans Through the Years >>", "teaser"),
        ("Advertisement", "furniture"),
        ("LONDON (Reuters) - The council approved the plan on Tuesday", "paragraph"),
    ],
)
def test_dek_rule_refuses_a_second_line_that_is_clearly_something_else(second, role):
    """Rule 8: bylines, datelines, captions, teasers, furniture and dateline paragraphs are not deks."""
    article = parse(article_with(second, BODY))
    assert (article.dek, article.lines[1].role) == ("", role)


def test_dek_rule_refuses_a_line_with_a_credit_under_it():
    """Rule 8: a second line with a credit below is a caption, not a dek."""
    article = parse(article_with("Council leaders at the town hall", "Photo: Jane Smith", BODY))
    assert [line.role for line in article.lines] == ["headline", "caption", "credit", "paragraph"]


def test_dek_rule_refuses_a_dek_that_would_leave_no_body():
    """Rule 8: in a two-line article the second line is the body, not a dek."""
    article = fixture("short_article.txt")
    assert article.dek == ""
    assert roles(article) == {1: "headline", 3: "paragraph"}


def test_dek_rule_reads_a_bare_author_name_as_a_byline():
    """Rule 8: "Joshua Caplan" under the headline is an author, not a summary."""
    article = parse(article_with("Joshua Caplan", "27 Sep 2017", BODY))
    assert (article.dek, article.byline, article.dateline) == ("", "Joshua Caplan", "27 Sep 2017")


# --- Rule 9: byline ---------------------------------------------------------------------------


def test_byline_rule_reads_a_wire_story_header():
    """Rule 9: "By NAMES", then "ASSOCIATED PRESS", then a dateline; "By late…" stays a paragraph."""
    article = fixture("bylines_wire.txt")
    # Line 12, "… contributed to this report.", is a byline (../shared/LABELS.md).
    expected = numbered("1 headline", "2 3 byline", "4 dateline", "5-11 paragraph", "12 byline")
    assert roles(article) == expected
    assert article.byline == (
        "By JOSHUA GOODMAN and FABIOLA SANCHEZ\nASSOCIATED PRESS\n"
        "Associated Press writer Jorge Rueda contributed to this report."
    )


def test_byline_rule_reads_dash_bylines_organisations_emails_and_handles():
    """Rule 9: "— Names" with its organisation, and a sign-off with e-mail and handle."""
    article = fixture("bylines_essential_politics.txt")
    assert roles(article) == numbered(
        "1 headline", "3 4 byline", "6 8 10 12 paragraph", "14 15 16 byline", "18 paragraph"
    )
    assert article.byline.split("\n")[:2] == [
        "— Noah Bierman and Chris Megerian",
        "Los Angeles Times",
    ]


def test_byline_rule_reads_a_lower_case_by_and_keeps_tweets_as_paragraphs():
    """Rule 9: "by Joshua Caplan" is a byline; an embedded tweet's sign-off is not."""
    article = fixture("bylines_breitbart.txt")
    assert roles(article) == numbered(
        "1 headline", "2 byline", "3 dateline", "4-8 paragraph", "9 furniture"
    )


@pytest.mark.parametrize(
    "line",
    [
        "By Joshua Caplan",
        "by Dan Lucas",
        "BY JOSH BOAK",
        "By Ben Hubbard and Hwaida Saad",
        "By Ben Hubbard, Anne Barnard and Hwaida Saad",
        "By Jane Doe, Reuters",
        "By Ludwig van der Berg | Updated 2 hours ago",
        "By Ben Hubbard Sept. 27, 2017",
        "— Associated Press",
        "Reporting by Tom Finn; Editing by Dominic Evans",
        "Additional reporting by Maayan Lubell in Jerusalem",
        "jane.doe@example.com",
        "@joshcaplan",
        "מאת עמוס הראל",
    ],
)
def test_byline_rule_recognises_each_shape(line):
    """Rule 9: each byline shape, on its own line in the body, is a byline."""
    assert role_of(line) == "byline"


@pytest.mark.parametrize(
    "line",
    [
        "By late evening, hundreds of protesters had gathered.",
        "By 2030 the network operator plans to bury its lines.",
        "By Monday, the army had withdrawn from the town.",
        "By contrast, the opposition gained seats.",
        "By Israeli standards, the response was muted.",
        "By the time police arrived, the crowd had dispersed.",
    ],
)
def test_byline_rule_leaves_sentences_that_start_with_by_as_paragraphs(line):
    """Rule 9: "By" followed by a sentence is body text."""
    assert role_of(line) == "paragraph"


def test_byline_rule_reads_a_lone_wire_name_as_a_byline_at_the_end():
    """Rule 9: "Reuters" on the last line signs the story off."""
    article = parse(article_with(BODY, "Reuters"))
    assert [line.role for line in article.lines] == ["headline", "paragraph", "byline"]


# --- Rule 10: dateline ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "WASHINGTON —",
        "LONDON (Reuters) -",
        "BEIRUT, Lebanon (AP) —",
        "WASHINGTON, Sept 27 (Reuters) -",
        "September 27, 2017",
        "27 Sep 2017",
        "Tue 17 Oct 2017 09.12 BST",
        "Updated 10:29 AM ET, Wed September 27, 2017",
        "Published: 2017-09-27 10:29",
        "Last modified on Tue 17 Oct 2017 10.33 BST",
        "Sept. 27, 2017 / 10:29 AM / Updated 2 hours ago",
    ],
)
def test_dateline_rule_recognises_a_place_or_date_alone_on_its_line(line):
    """Rule 10: an own-line dateline or publication date is a dateline."""
    assert role_of(line, before=("By Jane Smith",)) == "dateline"


def test_dateline_rule_leaves_a_dateline_glued_to_a_paragraph_in_the_paragraph():
    """Rule 10: "LONDON (Reuters) - Britain's…" is a paragraph, and the dateline field stays empty."""
    article = parse(
        article_with("LONDON (Reuters) - British inflation rose to 3 percent in September.")
    )
    assert article.lines[1].role == "paragraph"
    assert article.dateline == ""


def test_dateline_rule_fills_the_field_with_the_exact_line_of_a_reuters_story():
    """Rule 10: an own-line dateline is kept exactly, dash and all, between byline and body."""
    article = fixture("reuters_style.txt")
    assert roles(article) == numbered(
        "1 headline",
        "3 byline",
        "5 dateline",
        "7 9 paragraph",
        "11 caption",
        "13 15 paragraph",
        "17 furniture",
    )
    assert article.dateline == "LONDON (Reuters) -"
    assert article.byline == "By David Milliken"
    # The sign-off ends the story instead of joining the header's byline (issue 13).
    sign_off = [b for b in article.blocks if b.kind == "paragraph"][-1]
    assert sign_off.text == "Reporting by David Milliken; Editing by Catherine Evans"
    assert article.blocks[2].credit == "REUTERS/Hannah McKay"


def test_a_short_sentence_in_a_script_without_capitals_is_not_taken_for_a_name():
    """Hebrew has no capitals: a short sentence ending in a full stop stays the story's text."""
    article = parse("ראש הממשלה נפגש עם שר ההגנה\nהפגישה נערכה בירושלים.\nהיא נמשכה שעתיים.")
    assert article.lines[2].role == "paragraph"
