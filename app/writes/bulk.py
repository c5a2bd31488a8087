"""Many rows of one table in one statement: ``COPY`` on PostgreSQL, an executemany on SQLite.

psycopg runs an executemany as one statement per row, pipelined: one round trip, but the
server still plans, starts and ends each row's statement and fires each table's statement
trigger (``broadsheet_notify_change``) once per row. The mentions, links and quotes of a
50-article BBC batch are ~2,900 rows; ``COPY`` is one statement for them all. Foreign keys,
defaults, generated columns, indexes and statement triggers apply to ``COPY`` as to
``INSERT``.
"""

from collections.abc import Sequence
from typing import Any

import psycopg
from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, SQLModel


def insert_all(session: Session, table_name: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into the table, in the caller's
    transaction; a database error is raised as SQLAlchemy raises it for ``INSERT``."""
    if not rows:
        return
    table = SQLModel.metadata.tables[table_name]
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    columns = [name for name in rows[0] if name in table.c]
    quoted = ", ".join(f'"{column}"' for column in columns)  # "start" and "end" are keywords
    statement = f"COPY {table.name} ({quoted}) FROM STDIN"
    driver = connection.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    except psycopg.Error as exc:
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc
