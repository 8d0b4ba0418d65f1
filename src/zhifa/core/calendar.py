"""Working-day calendar: every legal deadline is computed here (ARCHITECTURE "Every deadline …").

R-TIME-001  工作日 = Monday–Friday that is not a holiday, plus 调休 working weekend days.
R-TIME-003  The trigger day is not counted: a period of N working days ends on the N-th working day after it.
R-TIME-004  A calendar-day period ending on a rest day ends on the next working day; keep both dates.
R-TIME-005  A month period ends on the corresponding day, or the last day of that month.

Holiday data lives in ``CalendarDay``/``CalendarYear`` (editable in admin: the State Council publishes the
next year's schedule each winter). A computation that needs a year without data raises
``CalendarDataMissing`` unless the caller explicitly asks for a provisional, weekends-only answer.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from zhifa.core.errors import CalendarDataMissing
from zhifa.core.models import CalendarDay, CalendarYear

__all__ = [
    "Deadline",
    "add_calendar_days",
    "add_months",
    "add_working_days",
    "calendar_deadline",
    "format_day",
    "is_working_day",
    "next_working_day",
    "today",
    "working_days_between",
    "working_days_to_each",
]

# Guard against runaway loops on absurd input: no statutory period is anywhere near this long.
_MAX_WORKING_DAYS = 3700


def format_day(day: date) -> str:
    """``2021年4月15日`` (GLOSSARY: dates are shown this way)."""
    return f"{day.year}年{day.month}月{day.day}日"


def today() -> date:
    """Today's date in Asia/Shanghai. Domain code never calls ``date.today()`` (STYLE: Do not)."""
    return timezone.localdate()


@dataclass(frozen=True)
class Deadline:
    """A calendar-day deadline (R-TIME-004).

    ``due_on`` is the plain last day (internal alerts use it); ``extended_on`` is moved to the next
    working day when ``due_on`` is a rest day (a party's rights use it).
    """

    due_on: date
    extended_on: date


def _region_chain(region_code: str) -> list[str]:
    """Codes whose local schedule applies to a region, most specific first, national ("") last."""
    code = (region_code or "").strip()
    chain: list[str] = []
    if len(code) >= 6 and code[:6].isdigit():
        for candidate in (code, code[:6], code[:4] + "00", code[:2] + "0000"):
            if candidate not in chain and candidate.strip("0"):
                chain.append(candidate)
    chain.append("")
    return chain


class _Loader:
    """Loads the exceptions of whole years on demand, once per computation (one query per year)."""

    def __init__(self, region_code: str, provisional: bool) -> None:
        self.chain = _region_chain(region_code)
        self.provisional = provisional
        self.years: dict[int, dict[date, bool] | None] = {}

    def _load(self, year: int) -> dict[date, bool] | None:
        if year not in self.years:
            if not CalendarYear.objects.filter(year=year).exists():
                if not self.provisional:
                    raise CalendarDataMissing(
                        f"{year}年的法定节假日安排尚未录入，无法按工作日计算期限（R-TIME-001）。"
                        f"请系统管理员在“节假日年度”和“节假日/调休日”中录入国务院公布的{year}年放假安排。",
                        field="date",
                    )
                self.years[year] = None
            else:
                rank = {code: index for index, code in enumerate(self.chain)}
                best: dict[date, tuple[int, bool]] = {}
                rows = CalendarDay.objects.filter(date__year=year, region_code__in=self.chain).values_list(
                    "date", "region_code", "is_working_day"
                )
                for day, code, working in rows:
                    if day not in best or rank[code] < best[day][0]:
                        best[day] = (rank[code], working)
                self.years[year] = {day: working for day, (_, working) in best.items()}
        return self.years[year]

    def is_working_day(self, day: date) -> bool:
        exceptions = self._load(day.year)
        if exceptions is not None and day in exceptions:
            return exceptions[day]
        return day.weekday() < 5


def is_working_day(day: date, *, region_code: str = "", provisional: bool = False) -> bool:
    """R-TIME-001."""
    return _Loader(region_code, provisional).is_working_day(day)


def next_working_day(day: date, *, region_code: str = "", provisional: bool = False) -> date:
    """The first working day on or after ``day``."""
    loader = _Loader(region_code, provisional)
    while not loader.is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int, *, region_code: str = "", provisional: bool = False) -> date:
    """The ``days``-th working day after ``start`` (R-TIME-003: the trigger day is not counted).

    ``days`` = 0 returns ``start``. ``provisional=True`` treats years without holiday data as
    weekends-only instead of raising (R-TIME-001); callers must then mark their result provisional.
    """
    if days < 0:
        raise ValueError("days must be >= 0")
    if days > _MAX_WORKING_DAYS:
        raise ValueError(f"days must be <= {_MAX_WORKING_DAYS}")
    loader = _Loader(region_code, provisional)
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if loader.is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date, *, region_code: str = "", provisional: bool = False) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier).

    ``working_days_between(d, add_working_days(d, n)) == n``. Used for 剩余N个工作日.
    """
    return _count_working_days(_Loader(region_code, provisional), start, end)


def working_days_to_each(
    start: date, ends: Iterable[date], *, region_code: str = "", provisional: bool = False
) -> dict[date, int]:
    """``working_days_between(start, end)`` for many ends, reading the holiday table once (lists, due lists)."""
    loader = _Loader(region_code, provisional)
    return {end: _count_working_days(loader, start, end) for end in set(ends)}


def _count_working_days(loader: _Loader, start: date, end: date) -> int:
    if end == start:
        return 0
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if loader.is_working_day(current):
            count += 1
    return sign * count


def add_calendar_days(start: date, days: int) -> date:
    """``start`` + ``days`` calendar days (the trigger day not counted, R-TIME-003). No holiday shift."""
    return start + timedelta(days=days)


def calendar_deadline(start: date, days: int, *, region_code: str = "", provisional: bool = False) -> Deadline:
    """A calendar-day period with its R-TIME-004 extension to the next working day."""
    due = add_calendar_days(start, days)
    return Deadline(due_on=due, extended_on=next_working_day(due, region_code=region_code, provisional=provisional))


def add_months(start: date, months: int) -> date:
    """R-TIME-005: the corresponding day ``months`` later, or the last day of that month."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    last_day = _stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))


def missing_years(start: date, end: date) -> list[int]:
    """Years in [start, end] that have no holiday data (for provisional marks and the admin warning)."""
    wanted = set(range(min(start, end).year, max(start, end).year + 1))
    known = set(CalendarYear.objects.filter(year__in=wanted).values_list("year", flat=True))
    return sorted(wanted - known)
