"""Database triggers that make the ledger append-only (R-REC-006), for SQLite and PostgreSQL.

Created by migration; ``drop_triggers`` exists only for tests that tamper on purpose and for test-database
flushes, never for the product.
"""

from __future__ import annotations

from typing import Any

# ledger_evidencefile: an evidence file is never replaced or deleted; a correction is a new row (R-REC-006).
PROTECTED_TABLES = ("ledger_event", "ledger_checkpoint", "ledger_evidencefile")

_SQLITE_CREATE = """
CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only: corrections are new events'); END;
CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only: records are never deleted'); END;
"""

_POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION zhifa_ledger_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

_POSTGRES_CREATE = """
DROP TRIGGER IF EXISTS {table}_append_only ON {table};
CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION zhifa_ledger_refuse_change();
DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};
CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION zhifa_ledger_refuse_change();
"""


def _existing(connection: Any) -> list[str]:
    """The protected tables that exist yet (an early migration runs before later tables are created)."""
    present = set(connection.introspection.table_names())
    return [table for table in PROTECTED_TABLES if table in present]


def create_triggers(connection: Any) -> None:
    """Idempotent: (re)creates the triggers on every protected table that exists."""
    tables = _existing(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_POSTGRES_FUNCTION)
            for table in tables:
                cursor.execute(_POSTGRES_CREATE.format(table=table))
        elif connection.vendor == "sqlite":
            for table in tables:
                for statement in _SQLITE_CREATE.format(table=table).strip().split("END;"):
                    if statement.strip():
                        cursor.execute(statement.strip() + " END;")
        else:  # pragma: no cover - only the two supported databases
            raise NotImplementedError(f"append-only triggers are not implemented for {connection.vendor}")


def drop_triggers(connection: Any) -> None:
    tables = _existing(connection)
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
