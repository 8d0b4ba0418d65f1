"""Scheduled work of the review app (``zhifa tick``): review time limits (R-REV-010, R-TIME-009, R-SUP-009) and
the reviewer staffing ratio (R-REV-012). Lines name the case number and the agency only. Read-only: idempotent."""

from __future__ import annotations

from datetime import date

from zhifa.core.calendar import format_day
from zhifa.core.scheduled import scheduled
from zhifa.org.models import Agency
from zhifa.personnel.services.figures import agency_figures
from zhifa.review.services.deadlines import alert_level, running_reviews, yellow_until


@scheduled("review.review_deadlines")
def review_deadlines(on: date) -> list[str]:
    """R-REV-010: a running review near (yellow) or past (red) its time limit."""
    lines = []
    near_until = yellow_until(on)
    for review in running_reviews().order_by("current_round__review_deadline", "pk"):
        current = review.current_round
        if current is None:
            continue
        level = alert_level(current.review_deadline, on=on, near_until=near_until)
        number = review.penalty_case.case_number
        deadline = format_day(current.review_deadline)
        if level == "red":
            lines.append(f"红色预警：案件{number}的法制审核（第{review.round}轮）已超过审核期限{deadline}（R-REV-010）")
        elif level == "yellow":
            lines.append(f"黄色预警：案件{number}的法制审核（第{review.round}轮）将于{deadline}届满（R-REV-010）")
    return lines


@scheduled("review.reviewer_ratio")
def reviewer_ratio_below_minimum(on: date) -> list[str]:
    """R-REV-012: agencies whose legal reviewers are fewer than 5% of their enforcement officers."""
    agencies = Agency.objects.filter(is_active=True).order_by("region__code", "name", "pk")
    return [
        f"{row.agency.name}法制审核人员{row.reviewer_ratio.numerator}人，占执法人员{row.reviewer_ratio.denominator}人的"
        f"{row.reviewer_ratio.percent}，低于5%（R-REV-012）"
        for row in agency_figures(agencies, on=on)
        if not row.reviewer_ratio.meets_minimum
    ]
