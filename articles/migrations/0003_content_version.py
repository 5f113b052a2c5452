"""A sequence whose value changes whenever published content may have changed.

Every worker's page cache keys include it (articles/caching.py), so bumping it once
invalidates cached pages in all workers and on all app servers at once.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_newsroom_groups")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS articles_content_version",
            "DROP SEQUENCE IF EXISTS articles_content_version",
        )
    ]
