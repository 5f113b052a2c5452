# An author's or topic's page counts its articles by reading the through table's rows of
# that listing (issue 17). The auto-created index on author_id alone left PostgreSQL
# fetching each row from the heap (637 pages for an author of 5,000 articles); with the
# article id in the index the read is index-only. Django cannot add an index to an
# auto-created through model, so this is SQL.

from django.db import migrations

THROUGH_INDEXES = [
    ("articles_article_authors", "author_id", "article_authors_author_article"),
    ("articles_article_topics", "topic_id", "article_topics_topic_article"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_block_photo_index"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON {table} ({column}, article_id)",
            f"DROP INDEX {name}",
        )
        for table, column, name in THROUGH_INDEXES
    ]
