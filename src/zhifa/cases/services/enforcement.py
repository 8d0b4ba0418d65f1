"""强制执行 of a penalty decision the party did not perform: by the agency itself where a 法律 empowers it
(R-COE-011, R-COE-014), otherwise by applying to the people's court (R-COE-016).

Both come after a served 催告 (R-COE-010) whose statements were recorded with a review — and none of them adopted —
and only one of them is taken for a debt (R-COE-014/016: the agency enforces if a 法律 empowers it, otherwise it
applies to the court). What the money brings in is recorded as a payment (``decision.record_payment``), which closes
the case as 执行完毕 once all is paid.

The gates that do not depend on the head's form (the 催告, one route, 30 days of 加处罚款, the court window) are in
``enforcement_gates``, which the pages listing the next steps ask too. Working days in a year without a holiday
table are counted weekends-only and flagged (R-TIME-001).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from zhifa.cases.choices import CompulsoryMethod, CourtMaterial, CourtRuling, ExecutionMode
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import CompulsoryExecution, CourtExecution, PenaltyCase
from zhifa.cases.services._common import allow, lock, note
from zhifa.cases.services.coercion import LAW_CITATION
from zhifa.cases.services.enforcement_gates import compulsory_gates, court_gates
from zhifa.cases.services.enforcement_review_hooks import compulsory_proposal, require_enforcement_review_passed
from zhifa.cases.services.execution import (
    HANDLER_ONLY,
    check_delivery,
    day_between,
    executing,
    provisional_note,
    provisional_years,
    text,
)
from zhifa.cases.services.service_dates import check_documented_service
from zhifa.core.calendar import format_day, is_working_day
from zhifa.documents.choices import DeliveryMethod
from zhifa.documents.choices import DocumentKind as K

REQUIRED_COURT_MATERIALS = (  # R-COE-016 (行政强制法 第55条)
    CourtMaterial.APPLICATION,
    CourtMaterial.DECISION,
    CourtMaterial.PARTY_OPINION,
    CourtMaterial.SUBJECT,
)


# --- 行政机关强制执行 (R-COE-011, R-COE-014) -----------------------------------------------------------------


def _check_power(agency_empowered: bool, legal_basis: str) -> str:
    """R-COE-001 (行政强制法 第13条): 行政强制执行 only by an agency a 法律 empowers, citing it; else the court."""
    if not agency_empowered:
        raise CaseError(
            "本机关没有法律授予的行政强制执行权，不能自行强制执行，应当申请人民法院强制执行（R-COE-001、R-COE-014、R-COE-016）",
            field="agency_empowered",
        )
    basis = text(legal_basis, "legal_basis", "请填写授权本机关强制执行的法律条款（R-COE-001）")
    if not LAW_CITATION.search(basis):
        raise CaseError(
            "行政强制执行由法律设定，法律依据须引用授权本机关强制执行的法律（《……法》）（R-COE-001）",
            field="legal_basis",
        )
    return basis


def _check_schedule(scheduled_on: date, day: date, *, is_urgent: bool, urgent_reason: str) -> str:
    """R-COE-012: not before the decision; not on a statutory holiday or rest day unless urgent (with the reason)."""
    urgent = urgent_reason.strip()
    if scheduled_on < day:
        raise CaseError("强制执行时间不得早于决定日期", field="scheduled_on")
    if not is_working_day(scheduled_on, provisional=True) and not (is_urgent and urgent):
        raise CaseError(
            f"{format_day(scheduled_on)}为法定节假日或休息日，不得实施行政强制执行，情况紧急的须写明理由（R-COE-012）"
            + provisional_note(provisional_years(scheduled_on, scheduled_on)),
            field="scheduled_on",
        )
    return urgent


@transaction.atomic
def decide_compulsory_execution(
    *,
    actor: Any,
    case: PenaltyCase,
    agency_empowered: bool,
    legal_basis: str,
    reason: str,
    methods: list[str],
    scheduled_on: date,
    decided_on: date | None = None,
    is_immediate: bool = False,
    immediate_evidence: str = "",
    is_urgent: bool = False,
    urgent_reason: str = "",
) -> CompulsoryExecution:
    """强制执行决定 by the head (行政强制法 第37、46条).

    - R-COE-001 (第13条): only where a 法律 gives this agency the power — stated by the head, with the article;
      without it the agency applies to the court (R-COE-016).
    - R-COE-010/011: after a 催告 whose deadline passed unperformed and whose statements were not adopted; at once,
      within the 催告 period, only on evidence of transfer or concealment of property.
    - R-COE-014 (第46条): the 催告 was served after 加处罚款 had run for more than 30 days; no court application is
      pending or granted, no earlier decision is still to be carried out.
    - R-COE-012: not on a statutory holiday unless urgent.
    - R-REV-002/004: where the agency's catalog makes the decision major (行政强制执行决定, by default), only the
      proposal a legal review approved — same methods, legal basis, date and 催告 (``enforcement_review_hooks``).
    """
    case = lock(case)
    allow(actor, "cases.approve_execution", case, "只有本单位负责人可以作出强制执行决定")
    executing(case, "作出强制执行决定")
    basis = _check_power(agency_empowered, legal_basis)
    reason = text(reason, "reason", "请填写强制执行的理由")
    unknown = [m for m in methods if m not in CompulsoryMethod.values]
    if not methods or unknown:
        raise CaseError("请选择强制执行方式：划拨存款、汇款，拍卖或者依法处理查封、扣押的财物等", field="methods")
    day = day_between(
        decided_on, after=case.decision_served_on, field="decided_on", message="决定日期应在决定书送达之后且不晚于今天"
    )
    evidence = immediate_evidence.strip()
    if is_immediate and not evidence:
        raise CaseError(
            "立即强制执行须有证据证明当事人有转移或者隐匿财物的迹象（R-COE-011）", field="immediate_evidence"
        )
    notice, owed = compulsory_gates(case, day, is_immediate=is_immediate)
    urgent = _check_schedule(scheduled_on, day, is_urgent=is_urgent, urgent_reason=urgent_reason)
    proposal = compulsory_proposal(
        case,
        methods=methods,
        legal_basis=basis,
        scheduled_on=scheduled_on,
        is_immediate=is_immediate,
        is_urgent=is_urgent and bool(urgent),
        on=day,
    )
    require_enforcement_review_passed(case, proposal)  # R-REV-004
    execution = CompulsoryExecution.objects.create(
        penalty_case=case,
        demand_notice=notice,
        legal_basis=basis,
        reason=reason,
        methods=[m for m in CompulsoryMethod.values if m in methods],
        scheduled_on=scheduled_on,
        is_immediate=is_immediate,
        immediate_evidence=evidence,
        is_urgent=is_urgent and bool(urgent),
        urgent_reason=urgent,
        decided_by=actor,
        decided_on=day,
    )
    case.execution_mode = ExecutionMode.COMPULSORY
    case.save(update_fields=["execution_mode", "updated_at"])
    note(
        case,
        "compulsory_execution_decided",
        actor,
        compulsory_execution_id=execution.pk,
        demand_notice_id=notice.pk,
        legal_basis=basis,
        methods=execution.methods,
        scheduled_on=scheduled_on,
        is_immediate=is_immediate,
        decided_on=day,
        late_penalty=owed.late_penalty,
        surcharge_days=owed.surcharge_days,
        provisional_calendar_years=provisional_years(scheduled_on, scheduled_on),
        legal_review_reasons=list(proposal.reasons),
    )
    return execution


def _compulsory(case: PenaltyCase) -> CompulsoryExecution:
    execution = (
        CompulsoryExecution.objects.select_for_update().filter(penalty_case=case).order_by("-decided_on", "-id").first()
    )
    if execution is None:
        raise CaseStateConflict("本案尚未作出强制执行决定", field="compulsory_execution")
    return execution


@transaction.atomic
def serve_compulsory_execution(
    *,
    actor: Any,
    case: PenaltyCase,
    served_on: date,
    delivery_method: str = DeliveryMethod.DIRECT,
    direct_delivery_failure: str = "",
) -> CompulsoryExecution:
    """强制执行决定书送达 (R-COE-011; served directly first, R-DOC-008)."""
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    executing(case, "送达强制执行决定书")
    execution = _compulsory(case)
    if execution.served_on is not None:
        raise CaseStateConflict(f"强制执行决定书已于{format_day(execution.served_on)}送达", field="served_on")
    day = day_between(
        served_on, after=execution.decided_on, field="served_on", message="送达日期应在决定之后且不晚于今天"
    )
    execution.direct_delivery_failure = check_delivery(
        delivery_method, direct_delivery_failure, document="强制执行决定书"
    )
    check_documented_service(case, (K.COMPULSORY_EXECUTION_DECISION,), day)  # R-DOC-006
    execution.served_on = day
    execution.delivery_method = delivery_method
    execution.save()
    note(
        case,
        "compulsory_execution_served",
        actor,
        compulsory_execution_id=execution.pk,
        served_on=day,
        delivery_method=delivery_method,
    )
    return execution


@transaction.atomic
def record_compulsory_execution(
    *, actor: Any, case: PenaltyCase, executed_on: date, result: str
) -> CompulsoryExecution:
    """强制执行的实施情况 (R-COE-012: a working day unless the decision recorded urgency). Money collected is a
    payment (``record_payment``)."""
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    executing(case, "登记强制执行情况")
    execution = _compulsory(case)
    if execution.served_on is None:
        raise CaseError("强制执行决定书尚未送达，不能实施强制执行（R-COE-011）", field="served_on")
    if execution.executed_on is not None:
        raise CaseStateConflict(f"已于{format_day(execution.executed_on)}登记强制执行情况", field="executed_on")
    day = day_between(
        executed_on, after=execution.served_on, field="executed_on", message="实施日期应在决定书送达之后且不晚于今天"
    )
    years = provisional_years(day, day)
    if not is_working_day(day, provisional=True) and not execution.is_urgent:
        raise CaseError(
            f"{format_day(day)}为法定节假日或休息日，除情况紧急外不得实施行政强制执行（R-COE-012）"
            + provisional_note(years),
            field="executed_on",
        )
    execution.executed_on = day
    execution.result = text(result, "result", "请填写强制执行的实施情况")
    execution.save()
    note(
        case,
        "compulsory_execution_carried_out",
        actor,
        compulsory_execution_id=execution.pk,
        executed_on=day,
        provisional_calendar_years=years,
    )
    return execution


# --- 申请人民法院强制执行 (R-COE-016) ------------------------------------------------------------------------


def _check_materials(materials: list[str]) -> list[str]:
    unknown = [m for m in materials if m not in CourtMaterial.values]
    if unknown:
        raise CaseError(f"申请材料“{'、'.join(unknown)}”无效", field="materials")
    missing = [m.label for m in REQUIRED_COURT_MATERIALS if m not in materials]
    if missing:
        raise CaseError(f"申请材料不全，缺少：{'、'.join(missing)}（R-COE-016）", field="materials")
    return [m for m in CourtMaterial.values if m in materials]


@transaction.atomic
def apply_for_court_execution(
    *, actor: Any, case: PenaltyCase, court: str, materials: list[str], applied_on: date | None = None
) -> CourtExecution:
    """申请人民法院强制执行 (R-COE-016; 行政强制法 第53–55条, 行诉解释 第156条), signed by the head:

    - the party's litigation period (6 months from service; after a 复议 not before 15 days from it) — or an approved
      分期/延期 — has ended, and the application is made within three months of that end (a last day on a rest day
      moves, R-TIME-004); no 复议/诉讼 is pending, and no lawsuit ended (its judgment is executed instead);
    - a 催告 was served, 10 working days have passed since ("十日后": not on the 10th), its deadline passed unperformed
      (R-COE-011) and no statement on it was adopted (R-COE-010);
    - the statutory materials are all there; the agency did not take its own route (R-COE-014).
    """
    case = lock(case)
    allow(actor, "cases.approve_execution", case, "强制执行申请书应当由本单位负责人签名（R-COE-016）")
    executing(case, "申请人民法院强制执行")
    court = text(court, "court", "请填写受理申请的人民法院")
    package = _check_materials(materials)
    day = day_between(
        applied_on, after=case.decision_served_on, field="applied_on", message="申请日期应在决定书送达之后且不晚于今天"
    )
    window, notice, years = court_gates(case, day)
    application = CourtExecution.objects.create(
        penalty_case=case, demand_notice=notice, court=court, applied_on=day, applied_by=actor, materials=package
    )
    case.execution_mode = ExecutionMode.COURT
    case.save(update_fields=["execution_mode", "updated_at"])
    note(
        case,
        "court_execution_applied",
        actor,
        court_execution_id=application.pk,
        demand_notice_id=notice.pk,
        court=court,
        applied_on=day,
        materials=package,
        window_last_day=window.last_day,
        provisional_calendar_years=years,
    )
    return application


def _application(case: PenaltyCase) -> CourtExecution:
    application = (
        CourtExecution.objects.select_for_update().filter(penalty_case=case).order_by("-applied_on", "-id").first()
    )
    if application is None:
        raise CaseStateConflict("本案尚未申请人民法院强制执行", field="court_execution")
    return application


@transaction.atomic
def record_court_ruling(
    *, actor: Any, case: PenaltyCase, ruling: str, ruled_on: date, ruling_number: str = "", reason: str = ""
) -> CourtExecution:
    """人民法院的裁定: 准予执行 or 不予执行 (with the court's reasons; 行政强制法 第57–58条)."""
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    executing(case, "登记法院裁定")
    application = _application(case)
    if application.ruling:
        raise CaseStateConflict(f"已登记人民法院的裁定：{application.get_ruling_display()}", field="ruling")
    if ruling not in CourtRuling.values:
        raise CaseError(f"裁定“{ruling}”无效，应为准予执行或不予执行", field="ruling")
    day = day_between(
        ruled_on, after=application.applied_on, field="ruled_on", message="裁定日期应在申请之后且不晚于今天"
    )
    reason = reason.strip()
    if ruling == CourtRuling.REFUSED and not reason:
        raise CaseError("人民法院裁定不予执行的，请填写裁定书载明的理由", field="reason")
    application.ruling = ruling
    application.ruled_on = day
    application.ruling_number = ruling_number.strip()
    application.ruling_reason = reason
    application.save()
    note(case, "court_ruling_recorded", actor, court_execution_id=application.pk, ruling=ruling, ruled_on=day)
    return application


@transaction.atomic
def record_court_execution_result(
    *, actor: Any, case: PenaltyCase, result: str, result_on: date | None = None
) -> CourtExecution:
    """人民法院执行的结果 (money received is recorded as a payment; ending execution is ``end_execution``)."""
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    executing(case, "登记法院执行结果")
    application = _application(case)
    if application.ruling != CourtRuling.GRANTED:
        raise CaseError("人民法院裁定准予执行后，方可登记执行结果", field="ruling")
    if application.result_on is not None:
        raise CaseStateConflict(f"已于{format_day(application.result_on)}登记执行结果", field="result")
    application.result_on = day_between(
        result_on, after=application.ruled_on, field="result_on", message="登记日期应在裁定之后且不晚于今天"
    )
    application.result = text(result, "result", "请填写人民法院的执行结果")
    application.save()
    note(
        case,
        "court_execution_result_recorded",
        actor,
        court_execution_id=application.pk,
        result_on=application.result_on,
    )
    return application
