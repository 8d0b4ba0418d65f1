"""Seed the holiday table from the ``chinese-calendar`` package (R-TIME-001).

The package knows the State Council schedules up to its release; later years are entered in admin.
Used by the data migration and by ``zhifa seed_calendar`` (idempotent: existing rows are kept).
"""

from __future__ import annotations

from typing import Any

import chinese_calendar
from chinese_calendar import constants

SOURCE = f"chinese-calendar {getattr(chinese_calendar, '__version__', '')} （国务院办公厅历年放假安排）".replace(
    "  ", " "
)


def _chinese_name(value: str) -> str:
    return constants.Holiday(value).chinese


def schedule() -> dict[int, dict[Any, tuple[bool, str]]]:
    """{year: {date: (is_working_day, name)}} for every year the package knows."""
    years: dict[int, dict[Any, tuple[bool, str]]] = {}
    for day, value in constants.holidays.items():
        years.setdefault(day.year, {})[day] = (False, _chinese_name(value))
    for day, value in constants.workdays.items():
        years.setdefault(day.year, {})[day] = (True, f"{_chinese_name(value)}调休上班")
    return years


def seed(calendar_year_model: Any, calendar_day_model: Any) -> int:
    """Insert missing years and days; returns the number of day rows created."""
    created = 0
    for year, days in sorted(schedule().items()):
        calendar_year_model.objects.get_or_create(year=year, defaults={"source": SOURCE})
        existing = set(
            calendar_day_model.objects.filter(date__year=year, region_code="").values_list("date", flat=True)
        )
        rows = [
            calendar_day_model(date=day, region_code="", is_working_day=working, name=name)
            for day, (working, name) in sorted(days.items())
            if day not in existing
        ]
        calendar_day_model.objects.bulk_create(rows)
        created += len(rows)
    return created
