"""What an import does to each file: the one list the command, the pipeline, the store
and the admin's import screen all name their outcomes from."""

from collections.abc import Iterable
from enum import StrEnum


class Outcome(StrEnum):
    IMPORTED = "imported"  # a new article
    UPDATED = "updated"  # the file changed; its article now says what it says
    UNCHANGED = "unchanged"  # the same bytes as last time: nothing written
    CONFLICT = "conflict"  # an editor changed the article since: their work is kept
    REJECTED = "rejected"  # the file cannot be imported; the report says why

    @property
    def counted(self) -> str:
        """The outcome as a summary counts it: "conflicts 2", not "conflict 2"."""
        return "conflicts" if self is Outcome.CONFLICT else self.value


# Outcomes that wrote the file's article.
WRITTEN = {Outcome.IMPORTED, Outcome.UPDATED}


def tally(outcomes: Iterable[str]) -> str:
    """How many files had each outcome: "imported 2, updated 0, …, rejected 1"."""
    outcomes = list(outcomes)
    return ", ".join(f"{o.counted} {outcomes.count(o)}" for o in Outcome)
