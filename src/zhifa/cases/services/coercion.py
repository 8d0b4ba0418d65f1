"""行政强制措施: 申请与批准、紧急实施与补批、实施、延长、检测期间、解除、依法处理 (R-COE-001..009, R-REC-003).

The measure's term (R-COE-007): 30 calendar days from the day it starts (the start day not counted, R-TIME-003),
extended once by at most 30 more days by the head; a testing period fixed and told to the party is not counted.
``due_on`` holds the resulting last day and drives ``measures_expiring`` (alerts).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_fsm import can_proceed

from zhifa.cases.choices import (
    CoerciveDisposal,
    CoerciveMeasureKind,
    CoerciveMeasureState,
    CoerciveReleaseGround,
    DecisionKind,
)
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import CoerciveMeasure, InventoryItem, PenaltyCase
from zhifa.cases.services._common import allow, check_officers, lock
from zhifa.catalog.choices import ItemKind, PenaltyKind
from zhifa.catalog.models import EnforcementItem
from zhifa.catalog.services import is_item_listed, require_av_record
from zhifa.core.calendar import add_calendar_days, add_working_days, format_day, today
from zhifa.ledger.services import record
from zhifa.personnel.models import Officer

M = CoerciveMeasureState
TERM_CALENDAR_DAYS = 30  # R-COE-007 (and R-COE-009 for freezing)
MAX_EXTENSION_DAYS = 30  # R-COE-007
RETRO_APPROVAL_HOURS = 24  # R-COE-003
EXPIRY_ALERT_WORKING_DAYS = 3
AV_STEP = "coercive_measure"  # R-REC-003: 查封扣押财产
ACTIVE_STATES = (M.IN_FORCE, M.EXTENDED)
# A 法律 is cited by its title in 《》 ending in 法 (…办法 is a rule, not a law) — R-COE-009, kept simple.
LAW_CITATION = re.compile(r"《[^《》]*[^办《》]法》")


# --- plumbing -----------------------------------------------------------------------------------------------


MAX_TESTING_DAYS = 365  # sanity bound; the period itself is fixed per test and told to the party (R-COE-007)


def _lock(measure: CoerciveMeasure) -> CoerciveMeasure:
    """Re-read the measure under a row lock (only its own row: ``of=self``)."""
    return (
        CoerciveMeasure.objects.select_for_update(of=("self",))
        .select_related("penalty_case__agency", "penalty_case__enforcement_item__sector")
        .get(pk=measure.pk)
    )


def _move(measure: CoerciveMeasure, transition: Any, action: str) -> None:
    if not can_proceed(transition):
        raise CaseStateConflict(f"强制措施当前状态为“{measure.get_state_display()}”，不能{action}", field="state")
    transition()


def _note(measure: CoerciveMeasure, verb: str, actor: Any, **payload: Any) -> None:
    """Ledger event ``coercive_measure.<verb>`` (R-REC-001)."""
    record(
        event_type=f"coercive_measure.{verb}",
        actor=actor,
        agency=measure.penalty_case.agency,
        subject=measure,
        payload={
            "case_number": measure.penalty_case.case_number,
            "kind": measure.kind,
            "state": measure.state,
            **payload,
        },
    )


def _check_case_open(case: PenaltyCase) -> None:
    if not case.is_open:
        raise CaseError(f"案件当前状态为“{case.get_state_display()}”，不能采取行政强制措施", field="penalty_case")


def _check_content(*, kind: str, place: str, reason: str, legal_basis: str) -> None:
    if kind not in CoerciveMeasureKind.values:
        raise CaseError(f"强制措施种类“{kind}”无效", field="kind")
    if not place.strip():
        raise CaseError("请填写实施地点", field="place")
    if not reason.strip():
        raise CaseError("请填写采取行政强制措施的理由（R-COE-006）", field="reason")
    if not legal_basis.strip():
        raise CaseError("请填写采取行政强制措施的法律依据（R-COE-001）", field="legal_basis")
    if kind == CoerciveMeasureKind.FREEZING and not LAW_CITATION.search(legal_basis):
        raise CaseError(
            "冻结存款、汇款只能由法律规定的行政机关实施，法律依据须引用规定该机关的法律（《……法》）（R-COE-009）",
            field="legal_basis",
        )


def _check_item(case: PenaltyCase, item: EnforcementItem | None, on: date) -> EnforcementItem:
    """R-COE-001/R-PEN-003: the measure is one of the agency's listed 行政强制 items, in the case's field."""
    if item is None:
        raise CaseError("请选择本单位执法事项清单中的行政强制事项（R-COE-001）", field="enforcement_item")
    if item.kind != ItemKind.COERCION:
        raise CaseError(f"“{item.name}”不是行政强制事项（R-COE-001）", field="enforcement_item")
    if not is_item_listed(agency=case.agency, item=item, on=on):
        raise CaseError(
            f"“{item.name}”不在{case.agency.name}{format_day(on)}有效的执法事项清单中，清单之外无执法（R-PEN-003）",
            field="enforcement_item",
        )
    if item.sector_id != case.enforcement_item.sector_id:
        raise CaseError(
            f"“{item.name}”不属于本案的执法领域（{case.enforcement_item.sector}），"
            "行政强制措施只能依与本案违法行为相关的职权实施（R-COE-001）",
            field="enforcement_item",
        )
    return item


def _check_implementers(case: PenaltyCase, officers: list[Officer], on: date) -> list[Officer]:
    """R-COE-001/004: at least two officers of the agency, certified for the field on that day."""
    outsiders = [o.name for o in officers if o.agency_id != case.agency_id]
    if outsiders:
        raise CaseError(f"{'、'.join(outsiders)}不是本单位执法人员（R-COE-001）", field="officers")
    return check_officers(officers, on=on, sector=case.enforcement_item.sector)


def _check_inventory(measure: CoerciveMeasure) -> None:
    if not measure.inventory_items.exists():
        raise CaseError("尚未填写清单，查封、扣押须当场交付决定书和清单（R-COE-006）", field="inventory_items")


def _start_term(measure: CoerciveMeasure, started_at: datetime) -> None:
    measure.started_at = started_at
    measure.started_on = timezone.localdate(started_at)
    measure.term_deadline = add_calendar_days(measure.started_on, TERM_CALENDAR_DAYS)
    measure.due_on = measure.term_deadline


def _recompute_due(measure: CoerciveMeasure) -> None:
    base = measure.extended_deadline or measure.term_deadline
    measure.due_on = add_calendar_days(base, measure.testing_days) if base else None


def _create(
    *,
    actor: Any,
    case: PenaltyCase,
    kind: str,
    item: EnforcementItem,
    place: str,
    reason: str,
    legal_basis: str,
    **fields: Any,
) -> CoerciveMeasure:
    return CoerciveMeasure.objects.create(
        penalty_case=case,
        kind=kind,
        enforcement_item=item,
        place=place.strip(),
        reason=reason.strip(),
        legal_basis=legal_basis.strip(),
        applied_by=actor,
        applied_on=today(),
        **fields,
    )


# --- prior approval -----------------------------------------------------------------------------------------


@transaction.atomic
def apply_for_measure(
    *,
    actor: Any,
    case: PenaltyCase,
    kind: str,
    enforcement_item: EnforcementItem | None,
    place: str,
    reason: str,
    legal_basis: str,
) -> CoerciveMeasure:
    """报请负责人批准采取行政强制措施 (R-COE-002), by a handler of the case."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以申请采取行政强制措施")
    _check_case_open(case)
    _check_content(kind=kind, place=place, reason=reason, legal_basis=legal_basis)
    checked = _check_item(case, enforcement_item, today())
    measure = _create(
        actor=actor, case=case, kind=kind, item=checked, place=place, reason=reason, legal_basis=legal_basis
    )
    _note(measure, "applied", actor, item=checked.code, place=measure.place, legal_basis=measure.legal_basis)
    return measure


@transaction.atomic
def approve_measure(*, actor: Any, measure: CoerciveMeasure) -> CoerciveMeasure:
    """负责人事先批准 (R-COE-002); the decision date is the approval day. The state stays 待批准 until 实施."""
    measure = _lock(measure)
    allow(actor, "cases.decide_case", measure.penalty_case, "只有本单位负责人可以批准采取行政强制措施（R-COE-002）")
    if measure.state != M.PENDING_APPROVAL:
        raise CaseStateConflict(f"强制措施当前状态为“{measure.get_state_display()}”，不能批准", field="state")
    if measure.approved_by_id is not None:
        raise CaseStateConflict("该强制措施已经批准", field="state")
    _check_case_open(measure.penalty_case)
    measure.approved_by = actor
    measure.decided_on = today()
    measure.save(update_fields=["approved_by", "decided_on", "updated_at"])
    _note(measure, "approved", actor, decided_on=measure.decided_on)
    return measure


@transaction.atomic
def start_measure(*, actor: Any, measure: CoerciveMeasure, officers: list[Officer]) -> CoerciveMeasure:
    """实施 an approved measure now: two certified officers (R-COE-004), the inventory (R-COE-006), full A/V
    (R-REC-003). The 30-day term starts (R-COE-007)."""
    measure = _lock(measure)
    case = measure.penalty_case
    allow(actor, "cases.handle_case", case, "只有本案承办人可以实施行政强制措施")
    if measure.state == M.PENDING_APPROVAL and measure.approved_by_id is None:
        raise CaseError("未经负责人批准，不得实施行政强制措施（R-COE-002）", field="approved_by")
    if not can_proceed(measure.start):
        raise CaseStateConflict(f"强制措施当前状态为“{measure.get_state_display()}”，不能实施", field="state")
    _check_case_open(case)
    started_at = timezone.now()
    chosen = _check_implementers(case, officers, timezone.localdate(started_at))
    _check_inventory(measure)
    require_av_record(step=AV_STEP, subject=measure, agency=case.agency)  # R-REC-003
    _move(measure, measure.start, "实施")
    _start_term(measure, started_at)
    measure.save()
    measure.officers.set(chosen)
    _note(
        measure,
        "started",
        actor,
        started_at=started_at.isoformat(),
        term_deadline=measure.term_deadline,
        officers=[o.pk for o in chosen],
    )
    return measure


# --- emergency ----------------------------------------------------------------------------------------------


@transaction.atomic
def take_emergency_measure(
    *,
    actor: Any,
    case: PenaltyCase,
    kind: str,
    enforcement_item: EnforcementItem | None,
    place: str,
    reason: str,
    legal_basis: str,
    officers: list[Officer],
) -> CoerciveMeasure:
    """情况紧急，当场实施 without prior approval (R-COE-003): two certified officers now; the head must be told and
    approve within 24 hours. The inventory and the A/V record are checked at the retro approval."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以当场实施行政强制措施")
    _check_case_open(case)
    _check_content(kind=kind, place=place, reason=reason, legal_basis=legal_basis)
    started_at = timezone.now()
    checked = _check_item(case, enforcement_item, timezone.localdate(started_at))
    chosen = _check_implementers(case, officers, timezone.localdate(started_at))
    measure = _create(
        actor=actor,
        case=case,
        kind=kind,
        item=checked,
        place=place,
        reason=reason,
        legal_basis=legal_basis,
        emergency=True,
        state=M.AWAITING_RETRO_APPROVAL,
        decided_on=timezone.localdate(started_at),
        retro_approval_deadline=started_at + timedelta(hours=RETRO_APPROVAL_HOURS),
    )
    _start_term(measure, started_at)
    measure.save()
    measure.officers.set(chosen)
    _note(
        measure,
        "emergency_taken",
        actor,
        item=checked.code,
        started_at=started_at.isoformat(),
        retro_approval_deadline=measure.retro_approval_deadline.isoformat() if measure.retro_approval_deadline else "",
        officers=[o.pk for o in chosen],
    )
    return measure


@transaction.atomic
def retro_approve_measure(*, actor: Any, measure: CoerciveMeasure) -> CoerciveMeasure:
    """补办批准手续 within 24 hours of the emergency start (R-COE-003); inventory (R-COE-006) and A/V (R-REC-003)
    must be on file. Later than 24 hours the head can only release it (``disapprove_measure``)."""
    measure = _lock(measure)
    case = measure.penalty_case
    allow(actor, "cases.decide_case", case, "只有本单位负责人可以补办批准行政强制措施（R-COE-003）")
    if not can_proceed(measure.retro_approve):
        raise CaseStateConflict(f"强制措施当前状态为“{measure.get_state_display()}”，不能补办批准", field="state")
    deadline = measure.retro_approval_deadline
    if deadline is not None and timezone.now() > deadline:
        shown = timezone.localtime(deadline)
        raise CaseError(
            f"紧急实施的行政强制措施应在24小时内（{format_day(shown.date())}{shown:%H:%M}前）报告负责人并补办批准手续，"
            "已超过时限，应当立即解除（R-COE-003）",
            field="retro_approval_deadline",
        )
    _check_inventory(measure)
    require_av_record(step=AV_STEP, subject=measure, agency=case.agency)  # R-REC-003
    _move(measure, measure.retro_approve, "补办批准")
    measure.approved_by = actor
    measure.save(update_fields=["state", "approved_by", "updated_at"])
    _note(measure, "retro_approved", actor)
    return measure


@transaction.atomic
def disapprove_measure(*, actor: Any, measure: CoerciveMeasure, reason: str) -> CoerciveMeasure:
    """负责人认为不应当采取 → 立即解除 (R-COE-003)."""
    measure = _lock(measure)
    allow(actor, "cases.decide_case", measure.penalty_case, "只有本单位负责人可以决定不予批准")
    if measure.state != M.AWAITING_RETRO_APPROVAL:
        raise CaseStateConflict(f"强制措施当前状态为“{measure.get_state_display()}”，不能不予批准", field="state")
    if not reason.strip():
        raise CaseError("请填写不予批准的理由", field="reason")
    return _released(measure, actor=actor, ground=CoerciveReleaseGround.DISAPPROVED, reason=reason, verb="disapproved")


# --- inventory ----------------------------------------------------------------------------------------------


@transaction.atomic
def add_inventory_item(
    *,
    actor: Any,
    measure: CoerciveMeasure,
    name: str,
    quantity: Decimal,
    unit: str,
    specification: str = "",
    condition_note: str = "",
) -> InventoryItem:
    """清单 (R-COE-006): items are listed before the measure is carried out (or, in an emergency, approved)."""
    measure = _lock(measure)
    allow(actor, "cases.handle_case", measure.penalty_case, "只有本案承办人可以填写清单")
    if measure.state not in (M.PENDING_APPROVAL, M.AWAITING_RETRO_APPROVAL):
        raise CaseStateConflict(
            f"强制措施当前状态为“{measure.get_state_display()}”，清单已交付当事人，不能再增加物品", field="state"
        )
    if not name.strip():
        raise CaseError("请填写物品名称", field="name")
    if quantity <= 0:
        raise CaseError("数量应大于零", field="quantity")
    if not unit.strip():
        raise CaseError("请填写计量单位", field="unit")
    item = InventoryItem.objects.create(
        measure=measure,
        name=name.strip(),
        specification=specification.strip(),
        quantity=quantity,
        unit=unit.strip(),
        condition_note=condition_note.strip(),
    )
    _note(measure, "inventory_item_added", actor, item_id=item.pk, name=item.name, quantity=quantity, unit=item.unit)
    return item


# --- term: extension and testing period ---------------------------------------------------------------------


@transaction.atomic
def extend_measure(*, actor: Any, measure: CoerciveMeasure, days: int, reason: str) -> CoerciveMeasure:
    """延长期限 (R-COE-007): once, by the head, with reasons, at most 30 days, before the term runs out."""
    measure = _lock(measure)
    allow(actor, "cases.decide_case", measure.penalty_case, "只有本单位负责人可以批准延长强制措施期限（R-COE-007）")
    if measure.state == M.EXTENDED:
        raise CaseStateConflict("强制措施期限只能延长一次（R-COE-007）", field="state")
    if not can_proceed(measure.extend):
        raise CaseStateConflict(f"强制措施当前状态为“{measure.get_state_display()}”，不能延长", field="state")
    if not reason.strip():
        raise CaseError("延长强制措施期限须写明理由（R-COE-007）", field="reason")
    if days < 1 or days > MAX_EXTENSION_DAYS:
        raise CaseError(f"延长期限应为1至{MAX_EXTENSION_DAYS}日（R-COE-007）", field="days")
    day = today()
    if measure.due_on is not None and day > measure.due_on:
        raise CaseError(
            f"强制措施期限已于{format_day(measure.due_on)}届满，不能再延长，应当依法解除（R-COE-007）", field="days"
        )
    _move(measure, measure.extend, "延长")
    measure.extension_days = days
    measure.extension_reason = reason.strip()
    measure.extended_by = actor
    measure.extended_on = day
    measure.extended_deadline = add_calendar_days(measure.term_deadline or day, days)
    _recompute_due(measure)
    measure.save()
    _note(measure, "extended", actor, days=days, extended_deadline=measure.extended_deadline, due_on=measure.due_on)
    return measure


@transaction.atomic
def record_testing_period(*, actor: Any, measure: CoerciveMeasure, days: int, told_on: date) -> CoerciveMeasure:
    """检测、检验、检疫或者技术鉴定期间 (R-COE-007): fixed once, told to the party, not counted in the term."""
    measure = _lock(measure)
    allow(actor, "cases.handle_case", measure.penalty_case, "只有本案承办人可以登记检测期间")
    if measure.state not in ACTIVE_STATES:
        raise CaseStateConflict(f"强制措施当前状态为“{measure.get_state_display()}”，不能登记检测期间", field="state")
    if measure.testing_days:
        raise CaseError("检测期间已经确定并告知当事人，不能更改（R-COE-007）", field="days")
    if not 1 <= days <= MAX_TESTING_DAYS:
        raise CaseError(f"检测期间应为1至{MAX_TESTING_DAYS}日", field="days")
    if told_on > today() or (measure.started_on and told_on < measure.started_on):
        raise CaseError("告知日期应在实施之后且不晚于今天", field="told_on")
    measure.testing_days = days
    measure.testing_told_on = told_on
    _recompute_due(measure)
    measure.save(update_fields=["testing_days", "testing_told_on", "due_on", "updated_at"])
    _note(measure, "testing_period_recorded", actor, days=days, told_on=told_on, due_on=measure.due_on)
    return measure


# --- end: release or disposal -------------------------------------------------------------------------------


def _released(
    measure: CoerciveMeasure, *, actor: Any, ground: str, reason: str, verb: str = "released"
) -> CoerciveMeasure:
    _move(measure, measure.release, "解除")
    measure.release_ground = ground
    measure.release_reason = reason.strip()
    measure.released_on = today()
    measure.released_by = actor
    measure.save()
    _note(measure, verb, actor, ground=ground, reason=measure.release_reason, released_on=measure.released_on)
    return measure


@transaction.atomic
def release_measure(*, actor: Any, measure: CoerciveMeasure, ground: str, reason: str) -> CoerciveMeasure:
    """解除 on a statutory ground (R-COE-008); the property is returned at once."""
    measure = _lock(measure)
    allow(actor, "cases.decide_case", measure.penalty_case, "只有本单位负责人可以决定解除行政强制措施")
    if ground not in CoerciveReleaseGround.values or ground == CoerciveReleaseGround.DISAPPROVED:
        raise CaseError(
            "解除情形应为：没有违法行为、与违法行为无关、已作出处理决定、期限届满或不再需要（R-COE-008）",
            field="ground",
        )
    if not reason.strip():
        raise CaseError("解除行政强制措施须写明理由（R-COE-008）", field="reason")
    if ground == CoerciveReleaseGround.EXPIRED and (measure.due_on is None or today() <= measure.due_on):
        due = format_day(measure.due_on) if measure.due_on else "实施后"
        raise CaseError(f"强制措施期限至{due}，尚未届满（R-COE-008）", field="ground")
    return _released(measure, actor=actor, ground=ground, reason=reason)


@transaction.atomic
def dispose_measure(*, actor: Any, measure: CoerciveMeasure, disposal: str, note: str = "") -> CoerciveMeasure:
    """依法没收或者销毁 after the case decision, within the term (R-COE-008)."""
    measure = _lock(measure)
    case = measure.penalty_case
    allow(actor, "cases.decide_case", case, "只有本单位负责人可以决定依法处理")
    if not can_proceed(measure.dispose):
        raise CaseStateConflict(f"强制措施当前状态为“{measure.get_state_display()}”，不能依法处理", field="state")
    if disposal not in CoerciveDisposal.values:
        raise CaseError("处理方式应为依法没收或依法销毁（R-COE-008）", field="disposal")
    if case.decided_on is None or case.decision_kind != DecisionKind.PENALTY:
        raise CaseError("案件尚未作出行政处罚决定，不能没收或者销毁，应当依法解除（R-COE-008）", field="disposal")
    if disposal == CoerciveDisposal.CONFISCATED and PenaltyKind.CONFISCATE_PROPERTY not in case.penalty_kinds:
        raise CaseError(
            "处罚决定未包含没收非法财物，不能没收查封扣押的财物，应当依法解除（R-COE-008、R-PEN-001）", field="disposal"
        )
    if measure.due_on is not None and today() > measure.due_on:
        raise CaseError(
            f"强制措施期限已于{format_day(measure.due_on)}届满，期限内未作出处理的应当依法解除（R-COE-008）",
            field="disposal",
        )
    _move(measure, measure.dispose, "依法处理")
    measure.disposal = disposal
    measure.disposal_note = note.strip()
    measure.disposed_on = today()
    measure.save()
    _note(measure, "disposed", actor, disposal=disposal, disposed_on=measure.disposed_on)
    return measure


# --- alerts -------------------------------------------------------------------------------------------------


def measures_expiring(on: date | None = None) -> QuerySet[CoerciveMeasure]:
    """Measures in force whose term ends within 3 working days of ``on`` — or has already ended (R-COE-007/008
    ALERT). Callers scope the result with ``visible_to``."""
    day = on or today()
    horizon = add_working_days(day, EXPIRY_ALERT_WORKING_DAYS, provisional=True)
    return (
        CoerciveMeasure.objects.filter(state__in=ACTIVE_STATES, due_on__lte=horizon)
        .select_related("penalty_case__agency")
        .order_by("due_on", "id")
    )
