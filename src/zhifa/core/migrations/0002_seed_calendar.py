"""Seed the national holiday table from chinese-calendar (R-TIME-001). Idempotent; later years via admin."""

from django.db import migrations


def seed(apps, schema_editor):
    from zhifa.core.holidays import seed as seed_days

    seed_days(apps.get_model("core", "CalendarYear"), apps.get_model("core", "CalendarDay"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
