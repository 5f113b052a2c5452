"""The parser's score on the tuning part of the labelled development set never drops (issue 15).

The set's text is not in the repository (its pages belong to their sites): bench/devset_build.py
writes it with its labels, the test reads it from $NEWSROOM_DEVSET, else ../shared/devset beside
the repository, and skips when neither has it.
"""

import pytest

from bench.fidelity import PARTS, default_devset, score

# The tune part's share of lines in the right role when the floor was last set (issue 15; the
# set rebuilt by bench/devset_build.py scored 83.4%, the rules from the whole page 88.9%; then
# flairNLP/fundus's 30 pages joined tune/, sites the rules had never seen, and the same rules
# scored 85.2% on the 68 pages; the rules for cards, posts, widgets and authors 90.6%, 92.1%
# of the 38 earlier pages; the header's "By Name" with glued dates or tags 90.7%, 2,351 of
# 2,592 lines): raise it with the rules, never lower it to let a change through.
TUNE_FLOOR = 0.907

DEVSET = default_devset()
pytestmark = pytest.mark.skipif(
    not all((DEVSET / part).is_dir() for part in PARTS),
    reason=f"no labelled development set at {DEVSET} (set NEWSROOM_DEVSET to its folder)",
)


def test_the_parser_puts_at_least_the_recorded_share_of_tune_lines_in_the_right_role():
    """On the tuning part, the share of lines in their labelled role is at least the floor."""
    tune = score(DEVSET / "tune")
    assert tune.lines > 1000
    assert tune.accuracy >= TUNE_FLOOR
