import django_fsm
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0002_enforcement_stage"),
    ]

    operations = [
        migrations.AddField(
            model_name="collectivediscussion",
            name="cancelled_on",
            field=models.DateField(blank=True, null=True, verbose_name="取消日期"),
        ),
        migrations.AddField(
            model_name="collectivediscussion",
            name="cancellation_reason",
            field=models.TextField(blank=True, verbose_name="取消原因"),
        ),
        migrations.AlterField(
            model_name="collectivediscussion",
            name="state",
            field=django_fsm.FSMField(
                choices=[("convened", "待讨论"), ("concluded", "已作出结论"), ("cancelled", "已取消")],
                default="convened",
                max_length=20,
                verbose_name="状态",
            ),
        ),
        migrations.AddField(
            model_name="reviewround",
            name="deadline_before_suspension",
            field=models.DateField(blank=True, null=True, verbose_name="中止前的审核期限"),
        ),
        migrations.AddField(
            model_name="reviewround",
            name="suspended_working_days",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="案件中止的工作日数"),
        ),
    ]
