"""Scheduled work of the cases app (``zhifa tick``): execution alerts (R-COE-016, R-COE-017, R-TIME-009).

Lines name the case number only (no personal data, STYLE "Do not"). Read-only, hence idempotent.
"""

from __future__ import annotations

from datetime import date

from zhifa.cases.services.case_documents import take_deemed_service_steps
from zhifa.cases.services.suspension import court_windows_closing, execution_suspensions_due
from zhifa.core.calendar import format_day
from zhifa.core.scheduled import scheduled


@scheduled("cases.court_application_window")
def court_application_window(on: date) -> list[str]:
    """R-COE-016: the three months to apply to the court are running out (yellow) or over (red)."""
    lines = []
    for case, window in court_windows_closing(on):
        if window.last_day < on:
            lines.append(
                f"红色预警：案件{case.case_number}申请人民法院强制执行的期限已于{format_day(window.last_day)}届满，"
                "当事人仍未履行（R-COE-016）"
            )
        else:
            lines.append(
                f"黄色预警：案件{case.case_number}申请人民法院强制执行的期限将于{format_day(window.last_day)}届满，"
                "请及时催告并提出申请（R-COE-016）"
            )
    return lines


@scheduled("cases.execution_suspended_three_years")
def execution_suspended_three_years(on: date) -> list[str]:
    """R-COE-017: an execution suspended for three years and not resumed — end it if there is no obvious harm and
    the party has no means."""
    return [
        f"案件{s.penalty_case.case_number}自{format_day(s.started_on)}中止执行已满三年未恢复，"
        "没有明显社会危害且当事人确无能力履行的，应当终结执行（R-COE-017）"
        for s in execution_suspensions_due(on)
    ]


@scheduled("cases.deemed_service")
def deemed_service(on: date) -> list[str]:
    """R-DOC-007: a document served by 公告 is deemed served 30 days after publication; the case moves on then."""
    return take_deemed_service_steps(on)
