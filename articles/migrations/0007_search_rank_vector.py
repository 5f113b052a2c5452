"""Article.rank_vector: the headline and standfirst as a stored tsvector, for ranking search matches.

Adding a stored generated column rewrites the articles table (about half a minute
for 100,000 articles, during which the table is locked).
"""

import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_lean_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="rank_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        "headline", config="english", weight="A"
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        "dek", config="english", weight="B"
                    ),
                    django.contrib.postgres.search.SearchConfig("english"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
    ]
