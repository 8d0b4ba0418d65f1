"""What can be done next on a coercive measure, a hearing or a criminal transfer — and why a step is blocked.

Read-only, like ``next_steps``: the services decide and refuse with the same rule IDs; this only tells the officer
in advance which step comes next, who must take it and what is still missing. ``action`` is the kebab-case name
of the API action and of the UI step. Outside readers (supervisors, other agencies) get no steps.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import rules
from django.utils import timezone

from zhifa.cases.choices import (
    ClosingReason,
    CoerciveMeasureState,
    CriminalTransferState,
    DecisionKind,
    HearingState,
    PenaltyCaseState,
)
from zhifa.cases.models import CoerciveMeasure, CriminalTransfer, Hearing, PenaltyCase
from zhifa.cases.models.hearing import MAX_AGENTS
from zhifa.cases.models.transfer import ACTIVE_STATES as TRANSFER_ACTIVE_STATES
from zhifa.cases.services.coercion import EXPIRY_ALERT_WORKING_DAYS
from zhifa.cases.services.hearing import earliest_hearing_day
from zhifa.cases.services.transfer import PROPOSABLE_CASE_STATES
from zhifa.cases.views.next_steps import NOT_HANDLER, NOT_HEAD, NextStep
from zhifa.catalog.errors import AvRecordMissing
from zhifa.catalog.services import require_av_record
from zhifa.core.calendar import add_working_days, format_day

M = CoerciveMeasureState
H = HearingState
T = CriminalTransferState
AV_STEP = "coercive_measure"  # R-REC-003, the step the coercion service checks
NOT_SCHEDULER = "听证主持人由行政机关指定：需由本单位负责人安排听证（R-HEA-006）"
NOT_PARTICIPANT = "需由听证主持人、书记员或本单位负责人记录，调查人员不得记录（R-HEA-006）"
NOT_AGENT_REGISTRAR = "需由本案承办人、听证主持人、书记员或本单位负责人登记"


def _insider(user: Any, case: PenaltyCase) -> bool:
    return getattr(user, "agency_id", None) == case.agency_id


def _can(user: Any, perm: str, case: PenaltyCase, refusal: str) -> str:
    return "" if rules.has_perm(perm, user, case) else refusal


# --- 行政强制措施 ----------------------------------------------------------------------------------------------


def _av_block(measure: CoerciveMeasure) -> str:
    try:
        require_av_record(step=AV_STEP, subject=measure, agency=measure.penalty_case.agency)  # R-REC-003
    except AvRecordMissing as exc:
        return exc.message
    return ""


def _inventory_block(measure: CoerciveMeasure) -> str:
    if measure.inventory_items.exists():
        return ""
    return "尚未填写清单，查封、扣押须当场交付决定书和清单（R-COE-006）"


def _start_block(measure: CoerciveMeasure, handle: str) -> str:
    """R-COE-002 approval, R-COE-006 inventory, R-REC-003 A/V — the order ``start_measure`` checks them in."""
    if handle:
        return handle
    if measure.approved_by_id is None:
        return "未经负责人批准，不得实施行政强制措施（R-COE-002）"
    return _inventory_block(measure) or _av_block(measure)


def _retro_block(measure: CoerciveMeasure, head: str) -> str:
    if head:
        return head
    deadline = measure.retro_approval_deadline
    if deadline is not None and timezone.now() > deadline:
        shown = timezone.localtime(deadline)
        return (
            f"紧急实施后应在24小时内（{format_day(shown.date())}{shown:%H:%M}前）补办批准手续，已超过时限，"
            "应当立即解除（R-COE-003）"
        )
    return _inventory_block(measure) or _av_block(measure)


def _term_over(measure: CoerciveMeasure, day: date) -> bool:
    return measure.due_on is not None and day > measure.due_on


def _dispose_block(measure: CoerciveMeasure, head: str, day: date) -> str:
    case = measure.penalty_case
    if head:
        return head
    if case.decided_on is None or case.decision_kind != DecisionKind.PENALTY:
        return "案件尚未作出行政处罚决定，不能没收或者销毁；不再需要的，应当依法解除（R-COE-008）"
    if _term_over(measure, day):
        assert measure.due_on is not None
        return f"强制措施期限已于{format_day(measure.due_on)}届满，期限内未作出处理的应当依法解除（R-COE-008）"
    return ""


def measure_next_steps(measure: CoerciveMeasure, user: Any, *, on: date) -> list[NextStep]:
    """申请 → 批准 → 实施 (or 紧急实施 → 补批) → 延长 / 检测期间 → 解除 / 依法处理 (R-COE-002..008)."""
    case = measure.penalty_case
    if not _insider(user, case):
        return []
    handle = _can(user, "cases.handle_case", case, NOT_HANDLER)
    head = _can(user, "cases.decide_case", case, NOT_HEAD)
    state = measure.state
    steps: list[NextStep] = []
    if state in (M.PENDING_APPROVAL, M.AWAITING_RETRO_APPROVAL):
        steps.append(NextStep("inventory-items", "填写清单", handle))
    if state == M.PENDING_APPROVAL:
        if measure.approved_by_id is None:
            steps.append(NextStep("approve", "负责人批准", head))
        steps.append(NextStep("start", "实施", _start_block(measure, handle)))
    if state == M.AWAITING_RETRO_APPROVAL:
        steps.append(NextStep("retro-approve", "补办批准手续", _retro_block(measure, head)))
        steps.append(NextStep("disapprove", "不予批准并立即解除", head))
    if state in (M.IN_FORCE, M.EXTENDED):
        testing = "检测期间已经确定并告知当事人，不能更改（R-COE-007）" if measure.testing_days else ""
        steps.append(NextStep("testing-period", "登记检测、检验期间", handle or testing))
        if state == M.EXTENDED:
            extend = "强制措施期限只能延长一次，已经延长（R-COE-007）"
        elif _term_over(measure, on):
            assert measure.due_on is not None
            extend = f"强制措施期限已于{format_day(measure.due_on)}届满，不能再延长，应当依法解除（R-COE-007）"
        else:
            extend = ""
        steps.append(NextStep("extend", "批准延长期限", head or extend))
        steps.append(NextStep("dispose", "依法没收或者销毁", _dispose_block(measure, head, on)))
    if state in (M.AWAITING_RETRO_APPROVAL, M.IN_FORCE, M.EXTENDED):
        steps.append(NextStep("release", "解除", head))
    return steps


def measure_entry_block(case: PenaltyCase, user: Any) -> str:
    """Why 申请强制措施 is not offered on the case page ("" = it is): R-COE-002 by a handler of an open case."""
    if not rules.has_perm("cases.handle_case", user, case):
        return "只有本案承办人可以申请采取行政强制措施"
    if not case.is_open:
        return f"案件当前状态为“{case.get_state_display()}”，不能采取行政强制措施"
    return ""


# --- 听证 ------------------------------------------------------------------------------------------------------


def _hold_block(hearing: Hearing, conduct: str, day: date) -> str:
    if conduct:
        return conduct
    if hearing.state == H.REQUESTED or hearing.notice_sent_on is None:
        return "尚未安排听证：须先指定听证主持人并送达听证通知（R-HEA-004、R-HEA-006）"
    if hearing.presiding_officer_id is None:
        return "听证主持人已决定回避，须重新指定听证主持人并重新通知（R-HEA-006）"
    earliest = earliest_hearing_day(hearing.notice_sent_on)
    if day < earliest:
        return (
            f"听证通知于{format_day(hearing.notice_sent_on)}送达，听证最早可于{format_day(earliest)}举行（R-HEA-004）"
        )
    return ""


def hearing_next_steps(hearing: Hearing, user: Any, *, on: date) -> list[NextStep]:
    """安排（通知）→ 委托代理人 / 申请回避 → 举行并制作笔录 → 听证报告; or 放弃听证 (R-HEA-004..010)."""
    case = hearing.penalty_case
    if not _insider(user, case):
        return []
    conduct = _can(user, "cases.conduct_hearing", case, NOT_PARTICIPANT)
    steps: list[NextStep] = []
    if hearing.state in (H.REQUESTED, H.SCHEDULED):
        schedule = _can(user, "cases.schedule_hearing", case, NOT_SCHEDULER)
        if not schedule and case.state != PenaltyCaseState.HEARING:
            schedule = f"案件当前状态为“{case.get_state_display()}”，不在听证环节"
        label = "重新安排听证（重新通知）" if hearing.state == H.SCHEDULED else "安排听证并送达通知"
        steps.append(NextStep("schedule", label, schedule))
        agents = "已委托两名代理人，不得再委托（R-HEA-007）" if len(hearing.agents.all()) >= MAX_AGENTS else ""
        register = _can(user, "cases.register_hearing_agent", case, NOT_AGENT_REGISTRAR)
        steps.append(NextStep("agents", "登记委托代理人", register or agents))
        steps.append(NextStep("recusals", "当事人申请回避的决定", _can(user, "cases.decide_case", case, NOT_HEAD)))
        steps.append(NextStep("hold", "记录听证举行情况和笔录", _hold_block(hearing, conduct, on)))
        steps.append(NextStep("waive", "记录放弃听证", conduct))
    if hearing.state == H.HELD:
        steps.append(NextStep("report", "出具听证报告", conduct))
    return steps


# --- 涉嫌犯罪案件移送 -----------------------------------------------------------------------------------------------


def transfer_next_steps(transfer: CriminalTransfer, user: Any, *, on: date) -> list[NextStep]:
    """报告 → 负责人批准 / 不批准 → 移送公安（抄送检察院）→ 公安决定 → 移交物品 / 提请复议 / 恢复办理 (R-TRN-003..012)."""
    case = transfer.penalty_case
    if not _insider(user, case):
        return []
    handle = _can(user, "cases.handle_case", case, NOT_HANDLER)
    head = _can(user, "cases.decide_case", case, NOT_HEAD)
    state = transfer.state
    if state == T.PROPOSED:
        return [NextStep("approve", "负责人批准移送", head), NextStep("refuse", "负责人不批准移送", head)]
    if state == T.APPROVED:
        return [NextStep("transfer", "移送公安机关并抄送检察院", handle)]
    if state == T.TRANSFERRED:
        return [NextStep("police-decision", "登记公安机关的决定", handle)]
    if state == T.FILED:
        if transfer.items_handed_over_on is None:
            return [NextStep("handover", "登记移交涉案物品及材料", handle)]
        return []
    if transfer.case_resumed_at is not None:
        return []
    steps: list[NextStep] = []
    resume = head
    if state == T.DECLINED:
        pending = transfer.reconsideration_requested_on is not None and transfer.reconsideration_answered_on is None
        if pending:
            steps.append(NextStep("police-decision", "登记公安机关的复议决定", handle))
            resume = resume or "已提请公安机关复议，须待复议决定后方可恢复办理（R-TRN-008）"
        elif transfer.reconsideration_requested_on is None:
            steps.append(NextStep("reconsideration", "提请公安机关复议", handle))
    if case.state == PenaltyCaseState.CLOSED and case.closing_reason != ClosingReason.TRANSFERRED:
        resume = resume or "案件已以其他理由结案，不能恢复办理"
    steps.append(NextStep("resume-case", "恢复办理本案", resume))
    return steps


def transfer_entry_block(case: PenaltyCase, user: Any) -> str:
    """Why 提出移送 is not offered on the case page ("" = it is): R-TRN-002/003, one transfer at a time."""
    if not rules.has_perm("cases.handle_case", user, case):
        return "只有本案承办人可以提出移送涉嫌犯罪案件"
    if not case.crime_suspected:
        return "本案未认定涉嫌犯罪，不能提出移送（R-TRN-002）"
    closed_by_transfer = case.state == PenaltyCaseState.CLOSED and case.closing_reason == ClosingReason.TRANSFERRED
    if case.state not in PROPOSABLE_CASE_STATES and not closed_by_transfer:
        return f"案件当前状态为“{case.get_state_display()}”，不能提出移送"
    if case.criminal_transfers.filter(state__in=TRANSFER_ACTIVE_STATES).exists():
        return "本案已有正在办理或已完成的涉嫌犯罪案件移送"
    return ""


# --- the case page's view of its records ------------------------------------------------------------------------


def expiry_horizon(day: date) -> date:
    """R-COE-007/008 ALERT: a term ending within 3 working days is 即将到期 (the horizon of ``measures_expiring``)."""
    return add_working_days(day, EXPIRY_ALERT_WORKING_DAYS, provisional=True)


def case_records(case: PenaltyCase, user: Any, day: date) -> dict[str, Any]:
    """The case's measures, hearing and transfers, and whether 申请强制措施 / 提出移送 are offered (and if not, why)."""
    insider = _insider(user, case)
    return {
        "measures": list(case.coercive_measures.order_by("-applied_on", "-id")),
        "measure_entry_block": measure_entry_block(case, user) if insider else "只读",
        "hearing": Hearing.objects.filter(penalty_case=case).select_related("presiding_officer").first(),
        "transfers": list(case.criminal_transfers.order_by("-proposed_at", "-id")),
        "transfer_entry_block": transfer_entry_block(case, user) if insider else "只读",
        "horizon": expiry_horizon(day),
        "active_states": [M.IN_FORCE, M.EXTENDED],
    }
