"""The import keeps the lines it was unsure of, with their neighbours, for the editors' review;
a role an editor chose for a line is kept when the file is imported again (issue 15)."""

from pathlib import Path

import pytest

from articles.desk.line_roles import change_role, confirm
from articles.importing.outcomes import Outcome
from articles.importing.pipeline import import_files
from articles.models import Block, SourceLine
from tests.factories import StaffFactory
from tests.line_review_support import BRIDGE, BRIDGE_UPDATED, UNSURE, bridge, import_text

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ce89d911b5e9762c.txt"


def stored(article) -> list[tuple]:
    return list(SourceLine.objects.filter(article=article).values_list("number", "role", "flagged"))


def test_the_unsure_line_is_kept_with_two_lines_either_side_and_the_block_holding_each():
    assert import_text() == Outcome.IMPORTED
    article = bridge()
    assert stored(article) == [
        (9, "credit", False),
        (11, "paragraph", False),
        (13, "furniture", True),
        (15, "paragraph", False),
    ]
    lines = {line.number: line for line in SourceLine.objects.filter(article=article)}
    assert lines[13].rule == "tail-scrap" and lines[13].confidence < 0.75
    # Each line names the block its text is in: the credit its caption's.
    caption = Block.objects.get(article=article, kind="caption")
    assert lines[9].block_id == caption.pk and caption.credit == "Sam Smith / Reuters"
    assert Block.objects.get(pk=lines[13].block_id).text == UNSURE
    assert Block.objects.get(pk=lines[15].block_id).text.startswith("The mayor said")


def test_an_article_the_importer_is_sure_of_keeps_no_lines():
    sure = BRIDGE.replace(f"{UNSURE}\n\n", "")
    import_text(sure)
    assert stored(bridge()) == []


def test_the_seed_keeps_its_unsure_standfirst_in_context():
    (report,) = import_files([(SEED.name, SEED.read_bytes())])
    lines = SourceLine.objects.filter(article_id=report.article_id)
    assert [(n, role) for n, role, flagged in stored(report.article_id) if flagged] == [(3, "dek")]
    assert [line.number for line in lines] == [1, 3, 5, 7]


def test_an_editors_role_is_kept_when_a_changed_file_moves_the_line():
    editor = StaffFactory(role="Editors")
    import_text()
    line = SourceLine.objects.get(article=bridge(), number=13)
    change_role(line.pk, "paragraph", from_role="furniture", user=editor)

    assert import_text(BRIDGE_UPDATED) == Outcome.UPDATED
    article = bridge()
    kinds = dict(Block.objects.filter(article=article).values_list("text", "kind"))
    assert kinds[UNSURE] == "paragraph"  # still what the editor made it
    assert "The first piles were driven" in article.body_text  # and the new text is in
    assert UNSURE in article.body_text
    kept = SourceLine.objects.get(article=article, text=UNSURE)
    assert kept.number == 15  # two lines further down now
    assert (kept.role, kept.editor_role, kept.reviewed_by) == ("paragraph", "paragraph", editor)
    assert kept.flagged and kept.reviewed_at is not None  # reviewed: not asked again


def test_an_editors_role_is_kept_by_a_forced_import_of_the_same_file_and_an_unchanged_one():
    editor = StaffFactory(role="Editors")
    import_text()
    line = SourceLine.objects.get(article=bridge(), number=13)
    change_role(line.pk, "byline", from_role="furniture", user=editor)
    assert import_text() == Outcome.UNCHANGED
    assert bridge().byline == f"By Rita Reporter\n{UNSURE}"
    assert import_text(force=True) == Outcome.UPDATED
    article = bridge()
    assert article.byline == f"By Rita Reporter\n{UNSURE}"
    assert not Block.objects.filter(article=article, text=UNSURE).exists()


def test_a_line_marked_right_stays_reviewed_after_a_reimport():
    editor = StaffFactory(role="Editors")
    import_text()
    line = SourceLine.objects.get(article=bridge(), number=13)
    confirm(line.pk, from_role="furniture", user=editor)
    import_text(BRIDGE_UPDATED)
    kept = SourceLine.objects.get(article=bridge(), text=UNSURE)
    assert (kept.role, kept.reviewed_by) == ("furniture", editor)
    assert not SourceLine.objects.filter(article=bridge(), flagged=True, reviewed_at=None).exists()


def test_a_reimport_without_the_line_forgets_the_decision_and_keeps_its_new_lines():
    editor = StaffFactory(role="Editors")
    import_text()
    line = SourceLine.objects.get(article=bridge(), number=13)
    change_role(line.pk, "paragraph", from_role="furniture", user=editor)
    without = BRIDGE_UPDATED.replace(UNSURE, "Read more")
    assert import_text(without) == Outcome.UPDATED
    assert not SourceLine.objects.filter(article=bridge(), text=UNSURE).exists()
    assert UNSURE not in bridge().body_text
