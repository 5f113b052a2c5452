"""A seed file with one line the importer is unsure of, for the line review's tests."""

from pathlib import Path

from articles.importing.pipeline import import_files
from articles.models import Article

# The project's seed: its standfirst is the one line the importer is unsure of.
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ce89d911b5e9762c.txt"
UNSURE = "Blue skies ahead"
BRIDGE = f"""Council approves the new harbour bridge after a long debate

By Rita Reporter

The city council approved the harbour bridge on Tuesday after four hours of debate, ending a dispute that has lasted for a decade.

Workers on the old pier at dawn

Photo: Sam Smith / Reuters

Construction is expected to begin in the spring and to take three years, the council said in a statement.

{UNSURE}

The mayor said the bridge would carry trams as well as cars and bicycles once it opens to the public.
"""
# The same story a day later: a new first paragraph moves every line below it.
BRIDGE_UPDATED = BRIDGE.replace(
    "By Rita Reporter\n",
    "By Rita Reporter\n\nThe first piles were driven into the harbour bed on Wednesday morning.\n",
)


def import_text(text: str = BRIDGE, *, name: str = "bridge.txt", force: bool = False) -> str:
    """Import one file; its outcome."""
    (report,) = import_files([(name, text.encode())], force=force)
    return report.outcome


def bridge() -> Article:
    return Article.objects.get(source_file="bridge.txt")
