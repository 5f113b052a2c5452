"""Ids drawn ahead from a table's sequence, for rows written later in bulk with them."""

from django.db import connection, models


def next_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` ids drawn from the model's id sequence."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return [pk for (pk,) in cursor.fetchall()]
