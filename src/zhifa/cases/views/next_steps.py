"""What can be done next on a case, and, when a step is blocked, why — in plain Chinese.

Read-only: the services decide (and refuse with the same rule IDs); this only tells the user in advance which
step comes next, who must do it and what is still missing. Shared by the staff UI (the "下一步" panel) and the
API (``next_steps`` in the case detail). ``action`` is the kebab-case name of the API action and UI step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import rules
from django.utils import timezone

from zhifa.cases.choices import CaseSourceState, DecisionKind, HearingState, PenaltyCaseState, Procedure
from zhifa.cases.errors import CaseError
from zhifa.cases.models import CaseSource, Hearing, PenaltyCase
from zhifa.cases.models.transfer import SENT_STATES
from zhifa.cases.services import issuable_kinds, require_legal_review_passed
from zhifa.cases.services._common import MIN_OFFICERS
from zhifa.cases.services.case_documents import SERVED_KINDS
from zhifa.cases.services.investigation import REOPENABLE_STATES
from zhifa.cases.services.service_dates import DECISION_DOCUMENT_KINDS, NOTICE_KINDS, live_documents
from zhifa.core.calendar import format_day

S = PenaltyCaseState
NOT_HANDLER = "需由本案承办人办理"
NOT_HEAD = "需由本单位负责人批准或决定"
NOT_REVIEWER = "需由本单位审核人或负责人进行案件审核"
NOT_WORKER = "需由本单位承办人或负责人办理"


@dataclass(frozen=True)
class NextStep:
    action: str
    label: str
    blocked: str = ""  # why the step cannot be taken now; "" = it can

    @property
    def allowed(self) -> bool:
        return not self.blocked


@dataclass(frozen=True)
class _Can:
    handle: bool
    review: bool
    decide: bool


def _legal_block(case: PenaltyCase) -> str:
    try:
        require_legal_review_passed(case)  # R-REV-004: the gate itself says why
    except CaseError as exc:
        return exc.message
    return ""


def _defense_block(case: PenaltyCase, day: date) -> str:
    """R-PEN-016 / R-HEA-003: the same test as ``submit_for_decision``, stated with the dates."""
    if case.defense_waived_on:
        return ""
    deadlines = [d for d in (case.defense_deadline, case.hearing_request_deadline) if d is not None]
    if not deadlines or day > max(deadlines):
        return ""
    last = max(deadlines)
    return (
        f"陈述申辩期限至{format_day(last)}，届满前且当事人未书面放弃的，不得报请决定（R-PEN-016）；"
        f"当事人书面放弃后可立即报请"
    )


def hearing_case_block(case: PenaltyCase) -> str:
    """The 听证中 case's own "记录听证结果" step: where the hearing stands and what ends it (R-HEA-004..010)."""
    hearing = Hearing.objects.filter(penalty_case=case).first()
    if hearing is None or hearing.state == HearingState.REQUESTED:
        return (
            "听证尚未安排：请在听证页面指定听证主持人（未参与本案调查的人员），并在举行听证七个工作日前送达听证通知"
            "（R-HEA-004、R-HEA-006）"
        )
    if hearing.state == HearingState.SCHEDULED and hearing.presiding_officer_id is None:
        return "听证主持人已决定回避，请在听证页面重新指定听证主持人并重新通知（R-HEA-006）"
    if hearing.state == HearingState.SCHEDULED:
        assert hearing.scheduled_at is not None
        when = timezone.localtime(hearing.scheduled_at)
        return (
            f"听证定于{format_day(when.date())}{when:%H:%M}在{hearing.place}举行；举行后由听证主持人（书记员）在听证页面"
            "记录笔录并出具听证报告，案件即报请决定（R-HEA-006、R-HEA-009、R-HEA-010）"
        )
    if hearing.state == HearingState.HELD:
        return "听证已举行，由听证主持人在听证页面出具听证报告，案件即报请决定（R-HEA-006、R-HEA-010）"
    return ""


def _crime_block(case: PenaltyCase) -> str:
    """R-TRN-001: a crime-suspected case is decided only as 移送司法机关, after its transfer reached the police."""
    if case.crime_suspected and not case.criminal_transfers.filter(state__in=SENT_STATES).exists():
        return (
            "本案涉嫌犯罪，不得以罚代刑：须先由专案组报告、负责人批准并移送公安机关，方可作出“移送司法机关”的决定"
            "（R-TRN-001、R-TRN-003）"
        )
    return ""


def _investigation(case: PenaltyCase, can: _Can, user: Any) -> list[NextStep]:
    handlers = list(case.handlers.all())
    steps = []
    if any(h.officer.user_id == user.pk and not h.declared_no_conflict for h in handlers):
        steps.append(NextStep("declare-no-conflict", "作出回避声明"))
    declared = [h for h in handlers if h.declared_no_conflict]
    missing = [h.officer.name for h in handlers if not h.declared_no_conflict]
    block = "" if can.handle else NOT_HANDLER
    if not block and len(declared) < MIN_OFFICERS:
        block = f"已作出回避声明的承办人不足{MIN_OFFICERS}人，尚未声明：{'、'.join(missing)}（R-PEN-010、R-PER-005）"
    steps.append(NextStep("investigative-steps", "记录调查取证", block))
    report_block = "" if can.handle else NOT_HANDLER
    if not report_block and case.state == S.FILED:
        report_block = "尚无调查取证记录，不能调查终结（R-PEN-011）"
    steps.append(NextStep("submit-investigation-report", "提交调查终结报告", report_block))
    return steps


def _notified(case: PenaltyCase, can: _Can, day: date) -> list[NextStep]:
    block = "" if can.handle else NOT_HANDLER
    steps = [NextStep("defenses", "记录陈述申辩", block)]
    if case.state == S.NOTIFIED:
        if case.defense_waived_on is None:
            steps.append(NextStep("waive-defense", "记录当事人书面放弃陈述申辩", block))
        if case.requires_hearing_notice and case.hearing_request_deadline is not None:
            late = day > case.hearing_request_deadline
            reason = f"听证申请期限已于{format_day(case.hearing_request_deadline)}届满（R-HEA-003）" if late else ""
            steps.append(NextStep("request-hearing", "登记听证申请", block or reason))
        steps.append(NextStep("submit-for-decision", "报请负责人决定", block or _defense_block(case, day)))
    else:
        # The hearing itself is recorded under /hearings/ (cases.services.hearing); its report or waiver moves
        # the case on to the decision, so this step only explains where to go (R-HEA-009/010).
        steps.append(NextStep("conclude-hearing", "记录听证结果", block or hearing_case_block(case)))
    return steps


def _general(case: PenaltyCase, can: _Can, user: Any, day: date) -> list[NextStep]:
    handle = "" if can.handle else NOT_HANDLER
    if case.state in (S.FILED, S.INVESTIGATING):
        return _investigation(case, can, user)
    if case.state == S.UNDER_LEGAL_REVIEW:
        return []  # the legal review's own page has its steps; the notice waits for its opinion (R-REV-004)
    if case.state == S.UNDER_CASE_REVIEW:
        if case.route != DecisionKind.PENALTY:
            return [NextStep("complete-case-review", "案件审核", "" if can.review else NOT_REVIEWER)]
        if _has_live(case, NOTICE_KINDS):  # served through its 送达回证 (serve-document), R-DOC-006
            return []
        return [
            NextStep("serve-prior-notice", "登记事先告知书送达（系统外制作的纸质文书）", handle or _legal_block(case))
        ]
    if case.state in (S.NOTIFIED, S.HEARING):
        return _notified(case, can, day)
    if case.state == S.AWAITING_DECISION:
        decide = ("" if can.decide else NOT_HEAD) or _legal_block(case) or _crime_block(case)
        return [NextStep("decide", "作出处理决定", decide)]
    if case.state == S.DECIDED:
        if _has_live(case, DECISION_DOCUMENT_KINDS):
            return []
        return [NextStep("serve-decision", "登记决定书送达（系统外制作的纸质文书）", handle)]
    return []


def _has_live(case: PenaltyCase, kinds: tuple[str, ...]) -> bool:
    return live_documents(case, list(kinds)).exists()


def _paperwork(case: PenaltyCase, can: _Can) -> list[NextStep]:
    """案件文书: made from the case record, then receipted and served (R-DOC-003, R-DOC-006)."""
    if not (can.handle or can.decide):
        return []
    steps = []
    if issuable_kinds(case):
        steps.append(NextStep("issue-document", "制作执法文书"))
    servable = live_documents(case, SERVED_KINDS).filter(served_on__isnull=True)
    if servable.exists():
        block = "" if can.handle else NOT_HANDLER
        steps.append(NextStep("delivery-receipts", "制作送达回证", block))
        steps.append(NextStep("serve-document", "登记文书送达（以送达回证为准）", block))
    return steps


def next_steps(case: PenaltyCase, user: Any, *, on: date) -> list[NextStep]:
    """The steps the case's current state allows; each blocked one says why (empty for outside readers)."""
    if getattr(user, "agency_id", None) != case.agency_id:
        return []  # supervisors and other readers: read-only
    can = _Can(
        handle=rules.has_perm("cases.handle_case", user, case),
        review=rules.has_perm("cases.review_case", user, case),
        decide=rules.has_perm("cases.decide_case", user, case),
    )
    handle = "" if can.handle else NOT_HANDLER
    steps = _general(case, can, user, on) if case.procedure == Procedure.GENERAL else []
    if case.state in REOPENABLE_STATES and rules.has_perm("cases.reopen_investigation", user, case):
        steps.append(NextStep("reopen-investigation", "退回补充调查（重新调查取证后再行案件审核，R-PEN-013）"))
    if case.procedure == Procedure.SIMPLE and case.lodged_on is None:
        steps.append(NextStep("lodge", "备案", handle))
    if case.state == S.EXECUTING:
        steps.append(NextStep("payments", "登记罚没款缴纳", handle))
    if case.state == S.CLOSED:
        steps.append(NextStep("archive", "归档", handle))
    if case.procedure == Procedure.GENERAL and case.is_open and case.decided_on is None and can.decide:
        steps.append(NextStep("extend-deadline", "批准延长办案期限"))
    if (
        case.procedure == Procedure.GENERAL
        and case.is_open
        and (case.exemption_entry_id or case.proposed_tier == "no_penalty")
    ):
        steps.append(NextStep("flexible-measures", "记录柔性执法措施（提醒、告诫、约谈、指导，R-DIS-013）", handle))
    if case.procedure == Procedure.GENERAL:
        steps.extend(_paperwork(case, can))
    steps.extend(_execution_steps(case, user, on))
    return steps


def source_next_steps(source: CaseSource, user: Any) -> list[NextStep]:
    """案源: 核查 → 报请立案 → 立案 / 不予立案."""
    if getattr(user, "agency_id", None) != source.agency_id:
        return []
    work = "" if rules.has_perm("cases.register_source", user, source) else NOT_WORKER
    head = "" if rules.has_perm("cases.file_case", user, source) else NOT_HEAD
    if source.state == CaseSourceState.REGISTERED:
        return [NextStep("verify", "开始核查", work)]
    steps = []
    if source.state == CaseSourceState.VERIFYING:
        steps.append(NextStep("propose-filing", "报请立案审批", work))
    if source.state == CaseSourceState.AWAITING_FILING_APPROVAL:
        steps.append(NextStep("file", "批准立案", head))
    if source.state in (CaseSourceState.VERIFYING, CaseSourceState.AWAITING_FILING_APPROVAL):
        steps.append(NextStep("decline-filing", "不予立案", head))
    return steps


# --- 执行 and 中止/终止 (R-PEN-025, R-COE-010..017, R-TIME-008) ----------------------------------------------------


def _execution_steps(case: PenaltyCase, user: Any, on: date) -> list[NextStep]:
    """The execution's steps and 中止/恢复/终止/终结执行, with why each is blocked (``execution_steps``)."""
    from zhifa.cases.views.execution_steps import execution_next_steps  # it builds on NextStep, defined here

    return execution_next_steps(case, user, on=on)
