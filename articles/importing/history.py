"""Each import's history entry: a django-reversion version "Imported from <file>" (issue 13).

An import leaves the imported text in the article's rows, untouched until someone
changes it; its version is written then, just before the first change (an editor's
save, a restore, a workflow action, the next import) or when the history is opened,
dated when the file was imported and by whom. So the history holds every import's
text while the import itself writes no history: serializing its rows (a score of
blocks an article) cost as much again as the rest of the import (0.9 ms an article).

The versions are built by PostgreSQL, one revision per article holding the article,
its blocks and its notes as Django's "json" serializer writes them, so that the
history compares and restores an imported text like any editor's save.
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from reversion.models import Revision, Version

from articles.models import Article, Block, Note
from articles.sequences import next_ids


def record_imports(article_ids: Iterable[int]) -> None:
    """Write "Imported from <file>." for these articles where their rows still hold an
    import that no version holds yet."""
    ids = list(article_ids)
    if not ids:
        return
    article_type = ContentType.objects.get_for_model(Article).pk
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.id FROM {Article._meta.db_table} a WHERE a.id = ANY(%s)"
            " AND a.imported_at IS NOT NULL"
            " AND (a.edited_at IS NULL OR a.edited_at <= a.imported_at)"
            f" AND NOT EXISTS (SELECT 1 FROM {Version._meta.db_table} v"
            f" JOIN {Revision._meta.db_table} r ON r.id = v.revision_id"
            " WHERE v.content_type_id = %s AND v.object_id = a.id::text"
            " AND r.date_created >= a.imported_at)"
            " ORDER BY a.id",
            [ids, article_type],
        )
        unrecorded = [pk for (pk,) in cursor.fetchall()]
        if not unrecorded:
            return
        revision_ids = next_ids(Revision, len(unrecorded))
        pairs = "unnest(%(revisions)s::int[], %(articles)s::int[]) AS r(id, article_id)"
        params = {"revisions": revision_ids, "articles": unrecorded}
        cursor.execute(
            f"INSERT INTO {Revision._meta.db_table} (id, date_created, comment, user_id)"
            " SELECT r.id, a.imported_at, 'Imported from ' || a.source_file || '.', a.imported_by_id"
            f" FROM {pairs} JOIN {Article._meta.db_table} a ON a.id = r.article_id",
            params,
        )
        cursor.execute(
            f"INSERT INTO {Version._meta.db_table}"
            " (object_id, format, serialized_data, object_repr, content_type_id, revision_id, db)"
            + " UNION ALL ".join(
                _versions_of(model, repr_sql, pairs)
                for model, repr_sql in (
                    (Article, "left(t.headline, 191)"),
                    (Block, f"left({_kind_label(Block)} || ': ' || left(t.text, 60), 191)"),
                    (Note, f"left({_kind_label(Note)} || ': ' || left(t.text, 60), 191)"),
                )
            ),
            params,
        )


def _versions_of(model: type[models.Model], repr_sql: str, pairs: str) -> str:
    """SELECT of Version rows for the model's rows belonging to the paired articles."""
    owner = "t.id" if model is Article else "t.article_id"
    content_type = ContentType.objects.get_for_model(model).pk
    return (
        f" SELECT t.id::text, 'json', {_serialized(model)}::text, {repr_sql}, {content_type},"
        f" r.id, '{model.objects.db}'"
        f" FROM {pairs} JOIN {model._meta.db_table} t ON {owner} = r.article_id"
    )


def _serialized(model: type[models.Model]) -> str:
    """SQL for what django.core.serializers' "json" format writes for one row `t`."""
    fields = [
        f"'{f.name}', t.{f.column}"
        for f in model._meta.concrete_fields
        if not f.primary_key and not f.generated
    ]
    for m2m in model._meta.many_to_many:
        through = m2m.remote_field.through._meta
        fields.append(
            f"'{m2m.name}', (SELECT coalesce(json_agg({m2m.m2m_reverse_name()} ORDER BY id), '[]')"
            f" FROM {through.db_table} WHERE {m2m.m2m_column_name()} = t.id)"
        )
    label = model._meta.label_lower
    # json_build_object takes at most 100 arguments: the fields go in groups.
    groups = [fields[i : i + 40] for i in range(0, len(fields), 40)]
    body = " || ".join(f"jsonb_build_object({', '.join(group)})" for group in groups)
    return (
        f"jsonb_build_array(jsonb_build_object('model', '{label}', 'pk', t.id, 'fields', {body}))"
    )


def _kind_label(model: type[models.Model]) -> str:
    cases = " ".join(
        f"WHEN '{value}' THEN '{label.replace(chr(39), chr(39) * 2)}'"
        for value, label in model.Kind.choices
    )
    return f"(CASE t.kind {cases} ELSE t.kind END)"
