from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_discretion"),
    ]

    operations = [
        migrations.AddField(
            model_name="penaltycase",
            name="major_criteria",
            field=models.JSONField(blank=True, default=list, verbose_name="重大执法决定情形（案件审核认定）"),
        ),
        migrations.AddField(
            model_name="penaltycase",
            name="major_criteria_reason",
            field=models.TextField(blank=True, verbose_name="重大执法决定情形的认定理由"),
        ),
    ]
