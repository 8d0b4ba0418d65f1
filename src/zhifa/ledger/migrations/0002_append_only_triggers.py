"""Make ledger_event and ledger_checkpoint append-only at the database level (R-REC-006)."""

from django.db import migrations


def create(apps, schema_editor):
    from zhifa.ledger.db import create_triggers

    create_triggers(schema_editor.connection)


def drop(apps, schema_editor):
    from zhifa.ledger.db import drop_triggers

    drop_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
