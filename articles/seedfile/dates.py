"""Dates an article states in its own lines: "Updated 10:29 AM ET, Wed September 27, 2017".

Only dateline lines count (a caption's date is the photo's, not the story's). A line labelled
"Updated" (or "Modified") gives the updated time, any other dated line the published time; a
date needs its year (a bare "Sept 27" or "22 hours ago" says nothing without the page's own
date). A time zone named in the line is kept; without one the time is naive, and the importer
reads it in the site's time zone.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil import parser as date_parser

_EASTERN = ZoneInfo("America/New_York")
_PACIFIC = ZoneInfo("America/Los_Angeles")
_CENTRAL = ZoneInfo("America/Chicago")
_MOUNTAIN = ZoneInfo("America/Denver")
# The abbreviations news sites print; US zones by name, so daylight saving time is right.
_ZONES = {
    "ET": _EASTERN,
    "EST": _EASTERN,
    "EDT": _EASTERN,
    "CT": _CENTRAL,
    "CST": _CENTRAL,
    "CDT": _CENTRAL,
    "MT": _MOUNTAIN,
    "MST": _MOUNTAIN,
    "MDT": _MOUNTAIN,
    "PT": _PACIFIC,
    "PST": _PACIFIC,
    "PDT": _PACIFIC,
    "GMT": ZoneInfo("UTC"),
    "UTC": ZoneInfo("UTC"),
    "BST": ZoneInfo("Europe/London"),
    "CET": ZoneInfo("Europe/Paris"),
    "CEST": ZoneInfo("Europe/Paris"),
    "IDT": ZoneInfo("Asia/Jerusalem"),
    "MSK": ZoneInfo("Europe/Moscow"),
    # Zones the line rules read as part of a date (vocabulary.TIME_ZONES), so that none is
    # left for the date parser to guess at.
    "IST": ZoneInfo("Asia/Kolkata"),
    "JST": ZoneInfo("Asia/Tokyo"),
    "KST": ZoneInfo("Asia/Seoul"),
    "HKT": ZoneInfo("Asia/Hong_Kong"),
    "SGT": ZoneInfo("Asia/Singapore"),
    "WIB": ZoneInfo("Asia/Jakarta"),
    "SAST": ZoneInfo("Africa/Johannesburg"),
    "WAT": ZoneInfo("Africa/Lagos"),
    "EAT": ZoneInfo("Africa/Nairobi"),
    "CAT": ZoneInfo("Africa/Maputo"),
    "AEST": ZoneInfo("Australia/Sydney"),
    "AEDT": ZoneInfo("Australia/Sydney"),
    "NZST": ZoneInfo("Pacific/Auckland"),
    "NZDT": ZoneInfo("Pacific/Auckland"),
}
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_UPDATED = re.compile(r"(?i)\b(?:updated|modified|last updated)\b")


def read_date(text: str) -> datetime | None:
    """The date and time a line states, or None when it states no full date."""
    year = _YEAR.search(text)
    if not year:
        return None
    try:
        found = date_parser.parse(text.strip(" :,.-—–|"), fuzzy=True, tzinfos=_ZONES)
    except (ValueError, OverflowError):
        return None
    # The parser fills a missing part from today: trust it only with the year it was given.
    return found if found.year == int(year[1]) else None


def stated_dates(datelines: list[str]) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from an article's dateline lines, the first of each kind."""
    published = updated = None
    for text in datelines:
        if (date := read_date(text)) is None:
            continue
        if _UPDATED.search(text):
            updated = updated or date
        else:
            published = published or date
    return published, updated
