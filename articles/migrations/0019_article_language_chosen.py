from django.db import migrations, models

from articles.language import GUESSABLE


def mark_languages_no_guess_names(apps, schema_editor):
    # A language the guess never names (e.g. "fr") was set by someone on purpose: keep it.
    Article = apps.get_model("articles", "Article")
    Article.objects.exclude(language__in=list(GUESSABLE)).update(language_chosen=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_block_kinds_and_inline_marks"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="language_chosen",
            field=models.BooleanField(default=False, db_default=False, editable=False),
        ),
        migrations.RunPython(mark_languages_no_guess_names, migrations.RunPython.noop),
    ]
