"""Helpers of the case-discretion tests (fixtures in ``discretion_fixtures.py``): a case walked to the decision,\ndecided fines written directly for the 同事不同罚 report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zhifa.cases import services
from zhifa.cases.models import CaseHandler, PenaltyCase

STEP_DAY = date(2026, 3, 2)


def report(case, handler, lead, co, *, kinds=("warning", "fine"), fine="10000", **discretion):
    """调查取证 and 调查终结报告 with the discretion inputs (``circumstances``, ``proposed_tier`` …)."""
    services.record_investigative_step(
        actor=handler,
        case=case,
        kind="site_inspection",
        performed_on=STEP_DAY,
        place="后厨",
        summary="发现部分餐具未经消毒即投入使用",
        officers=[lead, co],
    )
    return services.submit_investigation_report(
        actor=handler,
        case=case,
        report="事实清楚，证据确凿",
        proposed_kinds=list(kinds),
        proposed_fine_amount=Decimal(fine),
        **discretion,
    )


def to_decision(case, handler, head, *, route="penalty"):
    """案件审核 → 事先告知 (2 March) → 书面放弃陈述申辩 → 报请决定."""
    services.complete_case_review(actor=head, case=case, route=route, facts_clear=True, opinion="同意")
    if route != "penalty":
        return case
    services.serve_prior_notice(actor=handler, case=case, served_on=STEP_DAY)
    services.waive_defense(actor=handler, case=case, waived_on=STEP_DAY)
    return services.submit_for_decision(actor=handler, case=case, on=STEP_DAY)


def decided(fines, where, fine, *, tier="standard", officer=0, circumstances=None):
    """A decided penalty case of ``fines[where]`` (the report only reads decisions; deciding is tested elsewhere)."""
    serial = PenaltyCase.objects.count() + 1
    item, benchmark = fines[where]
    case = PenaltyCase.objects.create(
        agency=item.agency,
        case_number=f"测试2026-{serial:04d}",
        party=fines["party"],
        enforcement_item=item,
        cause="餐具未消毒",
        act_on=date(2026, 1, 5),
        discovered_on=date(2026, 1, 6),
        filed_on=date(2026, 1, 7),
        state="decided",
        decision_kind="penalty",
        penalty_kinds=["warning", "fine"],
        fine_amount=Decimal(fine),
        decided_on=date(2026, 2, serial % 27 + 1),
        applied_benchmark=benchmark,
        applied_tier=tier,
        circumstances=circumstances or {},
    )
    CaseHandler.objects.create(penalty_case=case, officer=fines["officers"][item.agency_id][officer], role="lead")
    return case


def earlier_decision(party, item, decided_on, *, decision_kind="penalty"):
    """A decision of ``party`` for ``item`` on ``decided_on`` (the R-DIS-012 lookup only reads decisions)."""
    serial = PenaltyCase.objects.count() + 1
    return PenaltyCase.objects.create(
        agency=item.agency,
        case_number=f"既往2024-{serial:04d}",
        party=party,
        enforcement_item=item,
        cause="餐具未消毒",
        act_on=decided_on,
        discovered_on=decided_on,
        filed_on=decided_on,
        state="closed",
        decision_kind=decision_kind,
        penalty_kinds=["warning"] if decision_kind == "penalty" else [],
        decided_on=decided_on,
    )
