from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="legalreview",
            name="stage",
            field=models.CharField(
                choices=[
                    ("before_notice", "告知前审核"),
                    ("before_decision", "决定前审核"),
                    ("before_enforcement", "强制执行决定前审核"),
                ],
                max_length=20,
                verbose_name="审核环节",
            ),
        ),
        migrations.AddField(
            model_name="externalreviewer",
            name="has_legal_professional_qualification",
            field=models.BooleanField(
                default=False,
                help_text="由聘任或指派单位核实（律师、公职律师执业均须具有）；初次从事法制审核须具有（R-REV-005、R-PER-008）",
                verbose_name="具有法律职业资格",
            ),
        ),
    ]
