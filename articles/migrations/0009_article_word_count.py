from django.db import migrations, models

# Python's str.split() counts what \s+ separates; an empty body has no words.
COUNT_WORDS = r"""
UPDATE articles_article
SET word_count = CASE WHEN btrim(body_text) = '' THEN 0
    ELSE array_length(regexp_split_to_array(btrim(body_text), '\s+'), 1) END
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_partial_block_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="word_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunSQL(COUNT_WORDS, migrations.RunSQL.noop),
    ]
