from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.factories import ArticleFactory


@pytest.mark.django_db(transaction=True)
def test_restore_drill_brings_back_what_the_backup_held(tmp_path):
    """Articles deleted or changed after a backup come back exactly when it is restored."""
    kept = ArticleFactory(headline="Kept story", paragraphs=("One.", "Two."))
    ArticleFactory(headline="Lost story")
    dump = tmp_path / "drill.dump"
    call_command("backup_database", str(dump), stdout=StringIO())
    assert dump.stat().st_size > 0

    Article.objects.filter(headline="Lost story").delete()
    Article.objects.filter(pk=kept.pk).update(headline="Vandalised")
    call_command("restore_database", str(dump), stdout=StringIO())

    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Kept story",
        "Lost story",
    ]
    assert list(Article.objects.get(pk=kept.pk).blocks.values_list("text", flat=True)) == [
        "One.",
        "Two.",
    ]


@pytest.mark.django_db(transaction=True)
def test_restoring_a_file_that_is_not_a_backup_changes_nothing(tmp_path):
    """A bad backup file is refused with a message and the database stays as it was."""
    ArticleFactory(headline="Still here")
    bogus = tmp_path / "bogus.dump"
    bogus.write_text("not a dump")
    with pytest.raises(CommandError, match="pg_restore failed"):
        call_command("restore_database", str(bogus), stdout=StringIO())
    assert Article.objects.filter(headline="Still here").exists()
