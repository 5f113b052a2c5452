"""A missing headline and the dates an article states (issue 15)."""

import pickle
from datetime import datetime, timedelta

from articles.seedfile.parser import parse
from tests.seedfile.helpers import BODY

HEADLINE = "Council Approves Plan for New Bridge"
LONG_LEAD = (
    "WASHINGTON (AP) — Ambassador Gordon Sondland, the most anticipated witness in the "
    "impeachment inquiry, told lawmakers on Wednesday that he worked with Rudy Giuliani on "
    "Ukraine matters at the express direction of the president. He said more."
)


def test_a_file_opening_with_body_text_has_its_headline_marked_missing_and_proposed():
    """A file whose first line is a paragraph keeps it as text and proposes a headline from it."""
    article = parse(f"{LONG_LEAD}\n\n{BODY}")
    assert article.headline_missing
    assert [line.role for line in article.lines] == ["paragraph", "paragraph"]
    assert article.headline.startswith("Ambassador Gordon Sondland, the most anticipated")
    assert article.blocks[0].text == LONG_LEAD


def test_a_proposed_headline_is_cut_at_a_word_boundary_within_100_characters():
    """The proposal is the first sentence, cut between words to at most 100 characters."""
    headline = parse(f"{LONG_LEAD}\n\n{BODY}").headline
    assert len(headline) <= 100
    assert headline.endswith(" inquiry, told…")


def test_a_short_first_sentence_is_proposed_whole():
    """A first sentence of 100 characters or fewer becomes the headline as it is."""
    lead = "Sondland testified on Wednesday. " + "He spoke of Giuliani and Ukraine at length. " * 4
    article = parse(f"{lead}\n{BODY}")
    assert (article.headline_missing, article.headline) == (True, "Sondland testified on Wednesday")


def test_a_first_line_over_the_headline_limit_is_never_a_rejection():
    """A first line of 400 characters is body text of an article, not a reason to refuse it."""
    long_line = "The council met again " + "and talked about the bridge " * 14
    article = parse(f"{long_line}\n{BODY}")
    assert len(long_line) > 300
    assert article.headline_missing and len(article.headline) <= 100
    assert article.lines[0].role == "paragraph"


def test_an_ordinary_first_line_is_the_headline_and_nothing_is_missing():
    """A title line stays the headline, with no proposal."""
    article = parse(f"{HEADLINE}\n{BODY}")
    assert (article.headline, article.headline_missing) == (HEADLINE, False)


def test_a_bare_date_above_the_headline_is_a_dateline_and_dates_the_article():
    """A date line over the title is the article's date, and the title stays its headline."""
    article = parse(f"Wednesday 20 November 2019 9:22 am\n{HEADLINE}\n{BODY}")
    assert [line.role for line in article.lines] == ["dateline", "headline", "paragraph"]
    assert article.published == datetime(2019, 11, 20, 9, 22)
    assert article.updated is None


def test_an_updated_line_gives_the_updated_time_in_its_time_zone():
    """ "Updated 10:29 AM ET, Wed September 27, 2017" is 10:29 in New York that day."""
    article = parse(f"{HEADLINE}\nUpdated 10:29 AM ET, Wed September 27, 2017\n{BODY}")
    assert article.updated.utcoffset() == timedelta(hours=-4)
    assert (article.updated.hour, article.updated.minute) == (10, 29)
    assert article.published is None


def test_published_and_updated_lines_each_give_their_own_time():
    """A "Published" line dates the publication and an "Updated" line the update."""
    article = parse(
        f"{HEADLINE}\nPublished: Nov. 5, 2019 / 05:41 PM CST\nUpdated: Nov. 6, 2019 08:00 AM CST\n{BODY}"
    )
    assert article.published.isoformat() == "2019-11-05T17:41:00-06:00"
    assert article.updated.isoformat() == "2019-11-06T08:00:00-06:00"


def test_a_date_inside_a_caption_never_dates_the_article():
    """A photo taken on a date says nothing of when the story was published."""
    caption = "Protesters in Beirut, July 24, 2011"
    article = parse(f"{HEADLINE}\n{BODY}\n{caption}\nBilal Hussein / AP\n{BODY}")
    assert any(block.kind == "caption" for block in article.blocks)
    assert (article.published, article.updated) == (None, None)


def test_a_date_without_its_year_gives_no_date():
    """ "22 hours ago" or "Sept 27" cannot be placed in time without the page's own date."""
    article = parse(f"{HEADLINE}\nPublished 22 hours ago\n{BODY}")
    assert article.lines[1].role == "dateline"
    assert article.published is None


def test_the_new_fields_cross_between_processes_and_survive_without_lines():
    """Pickled (as the importer's second process sends it) or slimmed, an article keeps them."""
    article = parse(f"{LONG_LEAD}\nUpdated 10:29 AM ET, Wed September 27, 2017\n{BODY}")
    assert pickle.loads(pickle.dumps(article)) == article
    slim = article.without_lines()
    assert (slim.headline_missing, slim.published, slim.updated) == (
        article.headline_missing,
        article.published,
        article.updated,
    )
