"""Scheduled work (``zhifa tick``): each app declares jobs in its own ``scheduled.py`` (STYLE §7).

Jobs are idempotent and restartable: running ``zhifa tick`` twice in a row does no harm. Each job runs in
its own transaction and returns the lines to report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.utils.module_loading import autodiscover_modules

from zhifa.core.calendar import missing_years, today

Job = Callable[[date], list[str]]
_JOBS: dict[str, Job] = {}


def scheduled(name: str) -> Callable[[Job], Job]:
    def decorate(function: Job) -> Job:
        _JOBS[name] = function
        return function

    return decorate


def jobs() -> dict[str, Job]:
    autodiscover_modules("scheduled")
    return dict(sorted(_JOBS.items()))


@scheduled("core.holiday_table")
def check_holiday_table(on: date) -> list[str]:
    """R-TIME-001: warn from November on when next year's holiday schedule is not entered yet."""
    if on.month < 11:
        return []
    missing = missing_years(on, date(on.year + 1, 12, 31))
    return [
        f"警告：{year}年法定节假日安排尚未录入，跨年的工作日期限将无法计算（R-TIME-001）。请在管理后台录入国务院公布的放假安排。"
        for year in missing
    ]


def run_all(on: date | None = None) -> dict[str, list[str]]:
    day = on or today()
    return {name: job(day) for name, job in jobs().items()}
