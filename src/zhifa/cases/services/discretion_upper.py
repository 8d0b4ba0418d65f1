"""R-DIS-005, second half: a decision that deviates from an upper-level benchmark (one issued by a city or province
agency for the same catalog item and applied directly, R-DIS-003) needs, besides the written reason and the case's
collective discussion, the approval of the benchmark's issuer — given by a head (负责人) of the issuing agency for
the version in force, recorded with who, which agency, when and why."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import PenaltyCase, UpperBenchmarkApproval
from zhifa.cases.services._common import allow, check_day, lock, note
from zhifa.cases.services.discretion_check import pick
from zhifa.core.calendar import today
from zhifa.discretion.models import DiscretionBenchmark

DENIED = "偏离上级裁量基准须经该基准制定机关批准：只有制定机关的负责人可以批准（R-DIS-005）"


def is_upper_level(case: PenaltyCase, benchmark: DiscretionBenchmark | None) -> bool:
    """Whether ``benchmark`` is an upper level's, applied directly to the case's item (R-DIS-003)."""
    return benchmark is not None and benchmark.enforcement_item_id != case.enforcement_item_id


def upper_approval(case: PenaltyCase, benchmark: DiscretionBenchmark) -> UpperBenchmarkApproval | None:
    """The issuer's approval of the case's deviation from this version of the upper-level benchmark."""
    return (
        UpperBenchmarkApproval.objects.filter(
            penalty_case=case, benchmark=benchmark, issuing_agency_id=benchmark.enforcement_item.agency_id
        )
        .select_related("approved_by", "issuing_agency")
        .first()
    )


def require_upper_approval(case: PenaltyCase, benchmark: DiscretionBenchmark | None, deviations: str) -> None:
    """The decision gate: deviating from an upper level's benchmark without its issuer's approval is refused."""
    if is_upper_level(case, benchmark) and upper_approval(case, benchmark) is None:  # type: ignore[arg-type]
        assert benchmark is not None
        raise CaseError(
            f"处理决定偏离上级{benchmark.enforcement_item.agency.name}制定的裁量基准“{benchmark}”（{deviations}），"
            "除书面说明理由和集体讨论外，还须经该基准制定机关批准（R-DIS-005）",
            field="upper_approval",
        )


@transaction.atomic
def approve_upper_deviation(*, actor: Any, case: PenaltyCase, approved_on: date, reason: str) -> UpperBenchmarkApproval:
    """制定机关批准: a head of the agency that issued the upper-level benchmark the proposal deviates from approves
    the deviation from its version in force today (R-DIS-005)."""
    case = lock(case)
    allow(actor, "cases.approve_upper_deviation", case, DENIED)
    if case.decided_on is not None or not case.is_open:
        raise CaseStateConflict("案件已作出决定或已结束，不能再批准偏离裁量基准", field="state")
    if not case.benchmark_deviation:
        raise CaseError("本案拟处罚未偏离裁量基准，无须制定机关批准（R-DIS-005）", field="benchmark")
    assert case.benchmark is not None  # the rule above holds only with a proposed benchmark
    benchmark, in_force = pick(case.enforcement_item, today(), article_id=case.benchmark.penalty_article_id)
    if benchmark is None or not in_force or not is_upper_level(case, benchmark):
        raise CaseError("本案现在没有直接适用的上级裁量基准，无须制定机关批准（R-DIS-005）", field="benchmark")
    check_day(approved_on, field="approved_on", label="批准日期", not_before=case.filed_on, after_what="立案日期")
    if not reason.strip():
        raise CaseError("请填写批准理由（为何同意偏离上级裁量基准）", field="reason")
    if upper_approval(case, benchmark) is not None:
        raise CaseStateConflict(f"制定机关已批准本案偏离“{benchmark}”", field="benchmark")
    approval = UpperBenchmarkApproval.objects.create(
        penalty_case=case,
        benchmark=benchmark,
        issuing_agency_id=benchmark.enforcement_item.agency_id,
        approved_by=actor,
        approved_on=approved_on,
        reason=reason.strip(),
    )
    note(
        case,
        "upper_benchmark_deviation_approved",
        actor,
        benchmark_id=benchmark.pk,
        issuing_agency_id=approval.issuing_agency_id,
        approved_on=approved_on,
    )
    return approval


__all__ = ["approve_upper_deviation", "is_upper_level", "require_upper_approval", "upper_approval"]
