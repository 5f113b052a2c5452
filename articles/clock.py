"""How the newsroom writes a moment for editors: to the second, with the time zone (issue 13)."""

from datetime import datetime

from django.utils import timezone

# For templates' |date filter: "1 December 2026, 16:40:12 UTC".
DATE_FORMAT = "j F Y, H:i:s T"


def stamp(moment: datetime | None) -> str:
    """A moment in the site's time zone, e.g. "1 December 2026, 16:40:12 UTC"."""
    if moment is None:
        return "an unknown time"
    return timezone.localtime(moment).strftime("%-d %B %Y, %H:%M:%S %Z")
