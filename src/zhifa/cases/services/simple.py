"""简易程序（当场处罚）: a warning or a small fine decided on the spot (R-SIM-001..008), checked against the discretion
benchmark in force that day, whose version is recorded (R-DIS-004/006, ``cases.services.discretion_spot``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from zhifa.cases.calculations import SIMPLE_PROCEDURE_KINDS, simple_fine_limit
from zhifa.cases.choices import ClosingReason, DecisionKind, HandlerRole, PenaltyCaseState, Procedure
from zhifa.cases.errors import CaseError
from zhifa.cases.models import CaseHandler, PenaltyCase
from zhifa.cases.services._common import allow, check_day, check_officers, note
from zhifa.cases.services.decision import PAYMENT_CALENDAR_DAYS, check_no_double_fine
from zhifa.cases.services.discretion_spot import spot_discretion
from zhifa.cases.services.filing import _next_case_number
from zhifa.cases.services.investigation import _amount, _valid_kinds
from zhifa.catalog.choices import ItemKind, PenaltyKind
from zhifa.catalog.models import EnforcementItem
from zhifa.catalog.services import is_item_listed
from zhifa.core.calendar import add_working_days, calendar_deadline, today
from zhifa.discretion.models import DiscretionBenchmark
from zhifa.org.models import Agency
from zhifa.parties.choices import PartyKind
from zhifa.parties.models import Party
from zhifa.personnel.models import Officer

LODGE_WORKING_DAYS = 3  # R-SIM-007 (cfg default; the law sets none)


@transaction.atomic
def decide_on_the_spot(
    *,
    actor: Any,
    agency: Agency,
    party: Party,
    enforcement_item: EnforcementItem,
    cause: str,
    facts: str,
    place: str,
    officers: list[Officer],
    penalty_kinds: list[str],
    fine_amount: Decimal = Decimal("0"),
    decided_on: date | None = None,
    statement_heard: bool,
    circumstances: Mapping[str, Any] | None = None,
    tier: str = "",
    benchmark: DiscretionBenchmark | None = None,
    discretion_reason: str = "",
) -> PenaltyCase:
    """当场作出行政处罚决定. Refused beyond the statutory limits: the general procedure applies then. The ticked
    circumstances (the party's age and 初次违法 are computed) and the tier are checked against the benchmark in force
    that day, or the statutory range when none is; a deviation is refused (no collective discussion on the spot)."""
    allow(actor, "cases.decide_on_the_spot", agency, "只有本单位执法人员可以当场作出处罚决定")
    day = decided_on or today()
    kinds = _valid_kinds(penalty_kinds)
    fine = _amount(fine_amount, "fine_amount")
    if not kinds or set(kinds) - SIMPLE_PROCEDURE_KINDS:
        raise CaseError(
            "简易程序只能给予警告或者罚款；其他处罚种类请适用一般程序立案办理（R-SIM-001）", field="penalty_kinds"
        )
    if (PenaltyKind.FINE in kinds) != (fine > 0):
        raise CaseError("处罚种类含罚款时须填写罚款金额，反之亦然", field="fine_amount")
    is_organization = party.kind in (PartyKind.LEGAL_PERSON, PartyKind.OTHER_ORGANIZATION)
    limit = simple_fine_limit(is_organization=is_organization)
    if fine > limit:
        who = "法人或者其他组织" if is_organization else "公民（含个体工商户）"
        raise CaseError(
            f"对{who}当场罚款不得超过{limit:,.2f}元（本案{fine:,.2f}元），请适用一般程序立案办理（R-SIM-001、R-SIM-002）",
            field="fine_amount",
        )
    if not statement_heard:
        raise CaseError("作出决定前应当告知当事人事实、理由、依据并听取陈述申辩（R-SIM-004）", field="statement_heard")
    if enforcement_item.kind != ItemKind.PENALTY or not is_item_listed(agency=agency, item=enforcement_item, on=day):
        raise CaseError(
            f"“{enforcement_item.name}”不在本单位现行有效的处罚事项清单内（R-PEN-003）", field="enforcement_item"
        )
    chosen = check_officers(officers, on=day, sector=enforcement_item.sector)
    if any(o.agency_id != agency.pk for o in chosen):
        raise CaseError("执法人员必须是本单位人员", field="officers")
    executes = fine > 0
    if executes:
        check_no_double_fine(party=party, enforcement_item=enforcement_item, act_on=day)
    applied = spot_discretion(
        party=party,
        item=enforcement_item,
        day=day,
        kinds=kinds,
        fine=fine,
        circumstances=circumstances or {},
        tier=tier,
        benchmark=benchmark,
        reason=discretion_reason,
    )
    case = PenaltyCase.objects.create(
        agency=agency,
        case_number=_next_case_number(agency, day.year),
        procedure=Procedure.SIMPLE,
        state=PenaltyCaseState.EXECUTING if executes else PenaltyCaseState.CLOSED,
        party=party,
        enforcement_item=enforcement_item,
        cause=cause.strip(),
        facts=facts.strip(),
        place=place.strip(),
        act_on=day,
        discovered_on=day,
        filed_on=day,
        filed_by=actor,
        decision_kind=DecisionKind.PENALTY,
        penalty_kinds=kinds,
        fine_amount=fine,
        decided_on=day,
        decided_by=actor,
        decision_served_on=day,  # handed over on the spot (R-SIM-005)
        payment_deadline=None,
        closing_reason="" if executes else ClosingReason.EXECUTED,
        closed_on=None if executes else day,
        lodge_deadline=add_working_days(day, LODGE_WORKING_DAYS),
        circumstances=applied.circumstances,
        benchmark=applied.benchmark,
        matched_tier=applied.matched_tier,
        proposed_tier=applied.tier,
        applied_benchmark=applied.benchmark,
        applied_tier=applied.tier,
        applied_discretion=applied.lines,
        deviation_reason=applied.reason,
    )
    if executes:
        case.payment_deadline = calendar_deadline(day, PAYMENT_CALENDAR_DAYS).extended_on
        case.save(update_fields=["payment_deadline"])
    CaseHandler.objects.bulk_create(
        [
            CaseHandler(
                penalty_case=case,
                officer=o,
                role=HandlerRole.LEAD if i == 0 else HandlerRole.CO,
                declared_no_conflict=True,
            )
            for i, o in enumerate(chosen)
        ]
    )
    note(
        case,
        "decided_on_the_spot",
        actor,
        penalty_kinds=kinds,
        fine_amount=fine,
        officers=[o.pk for o in chosen],
        applied_benchmark_id=case.applied_benchmark_id,
        applied_tier=case.applied_tier,
    )
    return case


@transaction.atomic
def lodge_on_the_spot_case(*, actor: Any, case: PenaltyCase, lodged_on: date) -> PenaltyCase:
    """备案 with the agency (R-SIM-007) — a date checked against its deadline, not a state."""
    case = PenaltyCase.objects.select_for_update().get(pk=case.pk)
    allow(actor, "cases.handle_case", case, "只有本案执法人员可以备案")
    if case.procedure != Procedure.SIMPLE:
        raise CaseError("只有简易程序案件需要备案", field="procedure")
    if case.lodged_on is not None:
        raise CaseError("本案已备案", field="lodged_on")
    check_day(lodged_on, field="lodged_on", label="备案日期", not_before=case.decided_on, after_what="当场处罚决定日")
    case.lodged_on = lodged_on
    case.save(update_fields=["lodged_on", "updated_at"])
    late = case.lodge_deadline is not None and lodged_on > case.lodge_deadline
    note(case, "lodged", actor, lodged_on=lodged_on, late=late)
    return case
