"""决定、送达、执行、结案、归档、办案期限延长 (R-PEN-015..021, R-PEN-024, R-PEN-027, R-DOC-005/006, R-TRN-001)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from zhifa.cases.calculations import is_heavier
from zhifa.cases.choices import ClosingReason, DecisionKind, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import DeadlineExtension, Hearing, Payment, PenaltyCase
from zhifa.cases.models.transfer import SENT_STATES
from zhifa.cases.services._common import allow, check_day, lock, move, note, require_legal_review_passed
from zhifa.cases.services.decision_hooks import decision_recorded
from zhifa.cases.services.discretion_decision import decision_discretion, store_decision_discretion
from zhifa.cases.services.execution_balance import case_balance
from zhifa.cases.services.investigation import _amount, _valid_kinds
from zhifa.cases.services.service_dates import DECISION_DOCUMENT_KINDS, check_documented_service
from zhifa.catalog.choices import PenaltyKind
from zhifa.core.calendar import (
    add_calendar_days,
    add_working_days,
    calendar_deadline,
    format_day,
    today,
    working_days_between,
)
from zhifa.discretion.assessment import Proposal

DELIVERY_WORKING_DAYS = 7  # R-DOC-005
ONE_DAY = timedelta(days=1)
PAYMENT_CALENDAR_DAYS = 15  # R-PEN-024
MAX_EXTENSION_CALENDAR_DAYS = 365  # a sanity bound on one extension (R-PEN-021: only as a rule allows)
CLOSING_BY_KIND = {
    DecisionKind.TRANSFER: ClosingReason.TRANSFERRED,
    DecisionKind.FILING_WITHDRAWN: ClosingReason.FILING_WITHDRAWN,
}


def check_no_double_fine(*, party: Any, enforcement_item: Any, act_on: date, exclude_pk: int | None = None) -> None:
    """R-PEN-019 一事不再罚: the same party's same act (same item, same act date) is fined once."""
    earlier = (
        PenaltyCase.objects.filter(
            party=party,
            enforcement_item=enforcement_item,
            act_on=act_on,
            decision_kind=DecisionKind.PENALTY,
        )
        .exclude(pk=exclude_pk)
        .filter(fine_amount__gt=0)
        .values_list("case_number", flat=True)
        .first()
    )
    if earlier:
        raise CaseError(
            f"当事人的同一违法行为已在案件{earlier}中被处以罚款，不得再次罚款（R-PEN-019）", field="fine_amount"
        )


def _proposal_text(kinds: list[str], fine: Decimal, confiscation: Decimal) -> str:
    """拟处罚 as the decision states it: 警告、罚款10000.00元、没收违法所得800.00元."""
    amounts: dict[str, Decimal] = {PenaltyKind.FINE: fine, PenaltyKind.CONFISCATE_GAINS: confiscation}
    parts = [
        f"{PenaltyKind(k).label}{amounts[k]:.2f}元" if amounts.get(k) else str(PenaltyKind(k).label) for k in kinds
    ]
    if confiscation and PenaltyKind.CONFISCATE_GAINS not in kinds:
        parts.append(f"没收违法所得{confiscation:.2f}元")
    return "、".join(parts) or "无"


def check_reviewed_proposal(
    case: PenaltyCase, *, decision_kind: str, kinds: list[str], fine: Decimal, confiscation: Decimal
) -> None:
    """R-REV-004, R-PEN-014: a major decision is the proposal its legal review approved (as amended by 变更, or as
    restored when the head upheld the handler) and its collective discussion adopted. The gate
    (``require_legal_review_passed``) holds the case's current route, proposal and facts to that approved basis;
    this holds the decision to the case's current proposal. Deciding otherwise is a new proposal: 补充调查 or a new
    案件审核, and a new review (the approval never carries over)."""
    if not case.requires_legal_review:
        return
    if decision_kind != case.route:
        route = DecisionKind(case.route).label if case.route in DecisionKind.values else "未作出"
        raise CaseError(
            f"本案经法制审核的处理意见为“{route}”，不能作出“{DecisionKind(decision_kind).label}”的决定；"
            "改变处理意见的，须重新经案件审核和法制审核（R-REV-004）",
            field="decision_kind",
        )
    proposal = (sorted(case.proposed_kinds), case.proposed_fine_amount, case.proposed_confiscation_amount)
    if decision_kind == DecisionKind.PENALTY and (kinds, fine, confiscation) != proposal:
        raise CaseError(
            f"处罚决定应与法制审核通过、集体讨论决定的拟处罚一致（{_proposal_text(*proposal)}）；"
            "改变处罚的，须退回补充调查或重新送法制审核（R-REV-004、R-PEN-014）",
            field="penalty_kinds",
        )


@transaction.atomic
def decide_case(
    *,
    actor: Any,
    case: PenaltyCase,
    decision_kind: str,
    decided_on: date | None = None,
    penalty_kinds: list[str] | None = None,
    fine_amount: Decimal = Decimal("0"),
    confiscated_gains_amount: Decimal = Decimal("0"),
    reasoning: str = "",
    deviation_reason: str = "",
    correction_order: str = "",
    correction_deadline: date | None = None,
) -> PenaltyCase:
    """负责人作出决定. Penalty: only after notice and the defence window, never heavier than notified; checked
    against the benchmark version in force on the decision day (R-DIS-004..006). No penalty under a 免罚清单 entry:
    education recorded and 责令改正 stated (R-DIS-013)."""
    case = lock(case)
    allow(actor, "cases.decide_case", case, "只有本单位负责人可以作出处理决定")
    if decision_kind not in DecisionKind.values:
        raise CaseError(f"决定类型“{decision_kind}”无效", field="decision_kind")
    day = decided_on or today()
    if case.state != PenaltyCaseState.AWAITING_DECISION:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，尚未报请决定", field="state")
    check_day(
        day,
        field="decided_on",
        label="决定日期",
        not_before=earliest_decision_day(case),
        after_what="陈述申辩、听证程序结束之日",
    )
    require_legal_review_passed(case)
    if case.crime_suspected and decision_kind != DecisionKind.TRANSFER:
        raise CaseError(
            "涉嫌犯罪的案件应当移送司法机关，不得以罚代刑或撤销立案了结（R-TRN-001）", field="decision_kind"
        )
    if decision_kind == DecisionKind.TRANSFER and not case.criminal_transfers.filter(state__in=SENT_STATES).exists():
        raise CaseError(
            "尚无已移送公安机关的涉嫌犯罪案件移送记录，不能以移送结案（R-TRN-001、R-TRN-006）", field="decision_kind"
        )
    kinds = _valid_kinds(penalty_kinds or []) if decision_kind == DecisionKind.PENALTY else []
    fine = _amount(fine_amount, "fine_amount") if decision_kind == DecisionKind.PENALTY else Decimal("0.00")
    confiscation = _amount(confiscated_gains_amount, "confiscated_gains_amount") if kinds else Decimal("0.00")
    if decision_kind == DecisionKind.PENALTY:
        if not kinds:
            raise CaseError("请选择处罚种类", field="penalty_kinds")
        if case.notice_served_on is None:
            raise CaseError(
                "未向当事人告知拟作出的行政处罚内容及事实、理由、依据的，不得作出处罚决定（R-PEN-015）", field="notice"
            )
        if (PenaltyKind.FINE in kinds) != (fine > 0):
            raise CaseError("处罚种类含罚款时须填写罚款金额，反之亦然", field="fine_amount")
        if is_heavier(
            kinds=kinds,
            fine=fine,
            confiscation=confiscation,
            notified_kinds=case.notified_kinds,
            notified_fine=case.notified_fine_amount,
            notified_confiscation=case.notified_confiscation_amount,
        ):
            raise CaseError("处罚决定不得重于事先告知的内容；加重须重新告知（R-PEN-017）", field="penalty_kinds")
        if fine > 0:
            check_no_double_fine(
                party=case.party, enforcement_item=case.enforcement_item, act_on=case.act_on, exclude_pk=case.pk
            )
    check_reviewed_proposal(case, decision_kind=decision_kind, kinds=kinds, fine=fine, confiscation=confiscation)
    applied = decision_discretion(
        case,
        day=day,
        decision_kind=decision_kind,
        proposal=Proposal(frozenset(kinds), fine, confiscation),
        reason=deviation_reason,
        correction_order=correction_order,
        correction_deadline=correction_deadline,
    )
    move(case, case.decide, "作出决定")
    store_decision_discretion(case, applied)
    case.decision_kind = decision_kind
    case.penalty_kinds = kinds
    case.fine_amount = fine
    case.confiscated_gains_amount = confiscation
    case.decision_reasoning = reasoning.strip()
    case.decided_on = day
    case.decided_by = actor
    case.delivery_deadline = add_working_days(day, DELIVERY_WORKING_DAYS)
    if decision_kind in CLOSING_BY_KIND:
        move(case, case.close, "结案")
        case.closing_reason = CLOSING_BY_KIND[DecisionKind(decision_kind)]
        case.closed_on = day
    case.save()
    overdue = case.decision_deadline is not None and day > case.decision_deadline
    note(
        case,
        "decided",
        actor,
        decision_kind=decision_kind,
        penalty_kinds=kinds,
        fine_amount=fine,
        confiscated_gains_amount=confiscation,
        decided_on=day,
        overdue=overdue,
        applied_benchmark_id=case.applied_benchmark_id,
        applied_tier=case.applied_tier,
        benchmark_deviation=case.benchmark_deviation,
    )
    decision_recorded(case)  # R-PUB-005: the publicity app opens the decision's pending publication
    return case


@transaction.atomic
def serve_decision(*, actor: Any, case: PenaltyCase, served_on: date) -> PenaltyCase:
    """决定书送达 (R-DOC-006: the receipt's date is the service date). Starts the 15-day payment period."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以登记决定书送达")
    if case.state != PenaltyCaseState.DECIDED:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，没有待送达的决定书", field="state")
    if served_on < (case.decided_on or case.filed_on) or served_on > today():
        raise CaseError("送达日期应在决定之后且不晚于今天", field="served_on")
    check_documented_service(case, DECISION_DOCUMENT_KINDS, served_on)  # R-DOC-006
    case.decision_served_on = served_on
    only_warning_or_none = case.decision_kind == DecisionKind.NO_PENALTY or set(case.penalty_kinds) <= {
        PenaltyKind.WARNING,
        PenaltyKind.PUBLIC_CRITICISM,
    }
    if only_warning_or_none:
        move(case, case.close, "结案")
        case.closing_reason = (
            ClosingReason.NO_PENALTY if case.decision_kind == DecisionKind.NO_PENALTY else ClosingReason.EXECUTED
        )
        case.closed_on = served_on
    else:
        move(case, case.execute, "进入执行")
        # R-PEN-024 + R-TIME-004: the party's 15 days end on the next working day if the last is a rest day
        case.payment_deadline = calendar_deadline(served_on, PAYMENT_CALENDAR_DAYS).extended_on
    case.save()
    note(case, "served", actor, served_on=served_on, payment_deadline=case.payment_deadline, state=case.state)
    return case


def earliest_decision_day(case: PenaltyCase) -> date:
    """The first day a decision may bear (R-PEN-016, R-HEA-003, R-HEA-010): after the case review and the notice,
    and after the defence and hearing-request windows ended or were waived in writing, and after the hearing's
    report (or its waiver). A typed decision date may not reach back into any of them."""
    day = ONE_DAY
    floors = [case.filed_on, case.case_reviewed_on, case.notice_served_on]
    if case.defense_waived_on:
        floors.append(case.defense_waived_on)
    elif case.defense_deadline:
        floors.append(case.defense_deadline + day)
    if case.hearing_waived_on:
        floors.append(case.hearing_waived_on)
    elif case.hearing_request_deadline and case.hearing_requested_on is None:
        floors.append(case.hearing_request_deadline + day)
    hearing = Hearing.objects.filter(penalty_case=case).first() if case.hearing_requested_on else None
    if hearing is not None:
        floors.append(hearing.reported_on or hearing.waived_on)
    return max(d for d in floors if d is not None)


def amount_due(case: PenaltyCase, *, on: date) -> Decimal:
    """罚没款 plus 加处罚款 accrued by ``on`` (R-PEN-027), less what was paid by then — on the decision's deadline or
    an approved 分期/延期 plan's dates (R-PEN-025), 复议/诉讼 days not counted (``execution_balance``)."""
    return case_balance(case, on=on).total_due


@transaction.atomic
def record_payment(*, actor: Any, case: PenaltyCase, paid_on: date, amount: Decimal, receipt_number: str) -> Payment:
    """罚没款缴纳 (to the bank; 罚缴分离). Fully paid, surcharge included → 执行完毕, the case is closed."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以登记缴款")
    if case.state != PenaltyCaseState.EXECUTING:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不在执行环节", field="state")
    if amount <= 0:
        raise CaseError("缴款金额应大于零", field="amount")
    if paid_on > today() or (case.decision_served_on is not None and paid_on < case.decision_served_on):
        raise CaseError("缴款日期应在决定书送达之后且不晚于今天（以银行缴款凭证日期为准）", field="paid_on")
    if not receipt_number.strip():
        raise CaseError("请填写银行缴款凭证号", field="receipt_number")
    payment = Payment.objects.create(
        penalty_case=case, paid_on=paid_on, amount=amount, receipt_number=receipt_number.strip(), recorded_by=actor
    )
    remaining = amount_due(case, on=paid_on)
    if remaining == 0:
        move(case, case.close, "结案")
        case.closing_reason = ClosingReason.EXECUTED
        case.closed_on = paid_on
        case.save()
    note(case, "payment_recorded", actor, amount=amount, paid_on=paid_on, remaining=remaining)
    return payment


@transaction.atomic
def archive_case(*, actor: Any, case: PenaltyCase, archived_on: date | None = None) -> PenaltyCase:
    """归档: the closed file is bound and kept (R-REC-008)."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以归档")
    move(case, case.archive, "归档")
    case.archived_on = archived_on or today()
    case.save(update_fields=["state", "archived_on", "updated_at"])
    note(case, "archived", actor, archived_on=case.archived_on)
    return case


@transaction.atomic
def extend_decision_deadline(
    *, actor: Any, case: PenaltyCase, calendar_days: int, reason: str, legal_basis: str
) -> DeadlineExtension:
    """办案期限延长 (R-PEN-021): only on a legal basis, approved by the head, recorded."""
    case = lock(case)
    allow(actor, "cases.decide_case", case, "只有本单位负责人可以批准延长办案期限")
    if not case.is_open or case.decided_on is not None:
        raise CaseError("已作出决定或已结案的案件不能延长办案期限", field="state")
    if not 0 < calendar_days <= MAX_EXTENSION_CALENDAR_DAYS:
        raise CaseError(f"延长天数应为1至{MAX_EXTENSION_CALENDAR_DAYS}日", field="calendar_days")
    if not reason.strip() or not legal_basis.strip():
        raise CaseError("延长办案期限须写明理由和法律依据（R-PEN-021）", field="legal_basis")
    previous = case.decision_deadline or add_calendar_days(case.filed_on, 90)
    extension = DeadlineExtension.objects.create(
        penalty_case=case,
        calendar_days=calendar_days,
        reason=reason.strip(),
        legal_basis=legal_basis.strip(),
        approved_by=actor,
        approved_on=today(),
        previous_deadline=previous,
        new_deadline=add_calendar_days(previous, calendar_days),
    )
    case.decision_deadline = extension.new_deadline
    case.save(update_fields=["decision_deadline", "updated_at"])
    note(case, "deadline_extended", actor, calendar_days=calendar_days, new_deadline=extension.new_deadline)
    return extension


def deadline_status(case: PenaltyCase, *, on: date | None = None) -> str:
    """“剩余N个工作日” / “已超期N日” for the decision deadline (R-TIME-009)."""
    if case.decision_deadline is None or not case.is_open or case.decided_on:
        return ""
    day = on or today()
    if day > case.decision_deadline:
        return f"已超期{(day - case.decision_deadline).days}日（期限{format_day(case.decision_deadline)}）"
    return f"剩余{working_days_between(day, case.decision_deadline, provisional=True)}个工作日"
