"""Importing a file without a headline line, and one that states its dates (issue 15)."""

from datetime import UTC, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db

BODY = "The council said on Tuesday that the road would reopen next month."
LEAD = (
    "WASHINGTON (AP) — Ambassador Gordon Sondland told lawmakers on Wednesday that he worked "
    "with Rudy Giuliani on Ukraine matters at the express direction of the president, in "
    "testimony that put him at the centre of the inquiry."
)


def import_file(tmp_path, text: str) -> tuple[Article, str]:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_seeds", str(path), stdout=out, stderr=StringIO())
    return Article.objects.get(source_file="story.txt"), out.getvalue()


def test_a_file_without_a_headline_imports_as_a_draft_with_a_proposed_headline(tmp_path):
    """No headline line: the article is kept as a draft, headlined by its first sentence."""
    article, out = import_file(tmp_path, f"{LEAD}\n\n{BODY}")
    assert article.status == Article.Status.DRAFT
    assert article.headline.startswith("Ambassador Gordon Sondland told lawmakers")
    assert len(article.headline) <= 100
    assert "needs a headline" in out
    assert not Article.objects.published().exists()


def test_a_stated_update_time_dates_the_article_in_its_own_time_zone(tmp_path):
    """ "Updated 10:29 AM ET, Wed September 27, 2017" becomes the article's update time."""
    text = f"Council Approves Bridge\nUpdated 10:29 AM ET, Wed September 27, 2017\n{BODY}"
    article, _ = import_file(tmp_path, text)
    assert article.updated_at == datetime(2017, 9, 27, 14, 29, tzinfo=UTC)
    assert article.status == Article.Status.PUBLISHED


def test_a_stated_date_without_a_time_zone_is_read_in_the_sites(tmp_path, settings):
    """A dateline's date with no zone is the site's local time, and is the publication time."""
    article, _ = import_file(tmp_path, f"Wednesday 20 November 2019 9:22 am\nCouncil Vote\n{BODY}")
    local = datetime(2019, 11, 20, 9, 22, tzinfo=ZoneInfo(settings.TIME_ZONE))
    assert article.published_at == local


def test_without_a_stated_date_the_import_time_stays(tmp_path):
    """A file that states no date is published at the time of its import, as before."""
    before = timezone.now()
    article, _ = import_file(tmp_path, f"Council Approves Bridge\n{BODY}")
    assert before <= article.published_at <= timezone.now()
    assert article.updated_at is None
