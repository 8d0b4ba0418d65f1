"""Make ledger_evidencefile append-only too (R-REC-006): ``create_triggers`` is idempotent and now covers it."""

from django.db import migrations


def create(apps, schema_editor):
    from zhifa.ledger.db import create_triggers

    create_triggers(schema_editor.connection)


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER IF EXISTS ledger_evidencefile_append_only ON ledger_evidencefile")
            cursor.execute("DROP TRIGGER IF EXISTS ledger_evidencefile_no_truncate ON ledger_evidencefile")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS ledger_evidencefile_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS ledger_evidencefile_no_delete")


class Migration(migrations.Migration):
    dependencies = [("ledger", "0003_evidencefile")]
    operations = [migrations.RunPython(create, drop)]
