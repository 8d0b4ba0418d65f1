"""Base models and the working-day calendar table (R-TIME-001)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models


class TimestampedModel(models.Model):
    """Creation and last-change times, in UTC (ARCHITECTURE: time is stored in UTC)."""

    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True


class CalendarYear(models.Model):
    """A year whose holiday schedule (放假安排) has been entered. Working-day maths refuses other years."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    source = models.CharField("来源", max_length=200, help_text="如：国务院办公厅关于2027年部分节假日安排的通知")
    created_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "节假日年度"
        verbose_name_plural = "节假日年度"
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.year}年"


class CalendarDay(models.Model):
    """An exception to the Monday–Friday rule: a 法定节假日 on a weekday, or a 调休 working weekend day.

    Ordinary weekdays and weekends are not stored. ``region_code`` is empty for the national schedule; a row
    for a region (local ethnic holidays, R-TIME-001) overrides the national row of the same date. The region
    is kept as its GB/T 2260 code, as text, so that core depends on no other app.
    """

    date = models.DateField("日期")
    region_code = models.CharField(
        "行政区划代码", max_length=12, blank=True, default="", help_text="留空为全国安排；填写则为该地区的地方性节假日"
    )
    is_working_day = models.BooleanField("是否工作日")
    name = models.CharField("名称", max_length=50, blank=True)

    class Meta:
        verbose_name = "节假日/调休日"
        verbose_name_plural = "节假日/调休日"
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["date", "region_code"], name="core_calendarday_unique_date_region"),
        ]

    def __str__(self) -> str:
        kind = "工作日" if self.is_working_day else "休息日"
        return f"{self.date:%Y-%m-%d} {self.name or ''}（{kind}）"


class AppendOnlyModel(models.Model):
    """A record that may only be added: saving an existing row or deleting one raises (access logs, histories).

    ``record_label`` names the record in the Chinese error. The ledger tables are append-only at the database
    level too (triggers); this guard is the application-level twin for ordinary audit rows.
    """

    record_label = "记录"

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValidationError(f"{self.record_label}只能新增，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValidationError(f"{self.record_label}不能删除")
