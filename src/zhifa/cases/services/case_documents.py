"""The case's documents: issued from the case record, served through 送达回证, service dates driving the case.

An officer never types again what the case already holds: party, 案由, facts, evidence, the item's provisions,
the penalty proposed or decided are taken from the case; the officer adds only what the case does not know
(a contact line, a discretion reason, the payment bank). Amounts and penalties can never be overridden — the
document says what the case says (R-DOC-003).

Serving a case document (``serve_case_document``) records the attempt with ``documents.record_delivery``
(R-DOC-005..008) and, on the first successful service, takes the case's step with the receipt's date
(R-DOC-006: the date signed on the 送达回证 is the service date): the prior notice opens the defence and
hearing windows, the decision starts the 15-day payment period. Only the case's handlers record service.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from zhifa.cases.choices import CompulsoryMethod, DecisionKind, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services._common import lock, note, require_legal_review_passed
from zhifa.cases.services.decision import serve_decision
from zhifa.cases.services.enforcement import serve_compulsory_execution
from zhifa.cases.services.execution import serve_demand_notice
from zhifa.cases.services.execution_balance import approved_plan, case_balance
from zhifa.cases.services.notice import DEFENSE_WORKING_DAYS, serve_prior_notice
from zhifa.cases.services.service_dates import DECISION_DOCUMENT_KINDS, NOTICE_KINDS, live_documents
from zhifa.catalog.choices import PenaltyKind
from zhifa.core.calendar import today
from zhifa.core.errors import PermissionDenied
from zhifa.core.money import format_amount
from zhifa.core.numerals import to_chinese
from zhifa.documents.choices import DeliveryMethod, DocumentState
from zhifa.documents.choices import DocumentKind as K
from zhifa.documents.models import Delivery, Document
from zhifa.documents.services import issue_document, record_delivery
from zhifa.documents.services.numbering import spec_for
from zhifa.documents.services.rendering import is_blank
from zhifa.personnel.choices import CertificateState

S = PenaltyCaseState
DECISION_KINDS = {DecisionKind.PENALTY: K.PENALTY_DECISION, DecisionKind.NO_PENALTY: K.NO_PENALTY_DECISION}
# documents addressed to the party
SERVED_KINDS = (
    *NOTICE_KINDS,
    *DECISION_DOCUMENT_KINDS,
    K.DEMAND_NOTICE,
    K.PAYMENT_PLAN_DECISION,
    K.COMPULSORY_EXECUTION_DECISION,
)
# What the case decides and the officer may not rewrite on the paper (R-DOC-003). Anything else the case record
# fills in (facts, evidence, provisions, performance, amounts owed) can be written by the officer only where the
# record leaves it blank (an item whose provisions were never registered, a decision without written reasons).
CASE_OWNED_KEYS = frozenset(
    {
        "party_name",
        "party_address",
        "party_identifier",
        "case_number",
        "case_cause",
        "proposed_penalty",
        "penalties",
        "fine_amount",
        "confiscated_gains_amount",
        "defense_deadline",
        "defense_period",
        "delivered_documents",
        "served_document_ids",
        "recipient",
    }
)
AFTER_INVESTIGATION = (
    S.UNDER_CASE_REVIEW,
    S.UNDER_LEGAL_REVIEW,
    S.UNDER_DISCUSSION,
    S.NOTIFIED,
    S.HEARING,
    S.AWAITING_DECISION,
    S.DECIDED,
    S.EXECUTING,
    S.CLOSED,
    S.ARCHIVED,
)


# --- context from the case ------------------------------------------------------------------------------------


def _citations(articles: Any) -> str:
    """Provisions as a document cites them: the law's full title (《中华人民共和国食品安全法》第三十四条)."""
    rows = articles.select_related("version__law").order_by("pk")
    return "、".join(f"《{article.version.law.title}》{article.position}" for article in rows)


def _kind_labels(kinds: list[str]) -> list[str]:
    money = {PenaltyKind.FINE, PenaltyKind.CONFISCATE_GAINS}
    return [str(PenaltyKind(kind).label) for kind in kinds if kind not in money]


def _penalty_phrase(kinds: list[str], fine: Decimal, confiscation: Decimal) -> str:
    parts = _kind_labels(kinds)
    if fine > 0:
        parts.append(f"罚款{format_amount(fine, with_upper=True)}")
    if confiscation > 0:
        parts.append(f"没收违法所得{format_amount(confiscation, with_upper=True)}")
    return "、".join(parts)


def _evidence(case: PenaltyCase) -> list[str]:
    steps = case.investigative_steps.order_by("performed_on", "pk")
    return [f"{step.get_kind_display()}（{step.performed_on.isoformat()}，{step.place}）" for step in steps]


def _handlers(case: PenaltyCase) -> list[str]:
    """承办人 with their certificate numbers (R-PER-004 亮证执法: the number is printed on the document)."""
    rows = case.handlers.select_related("officer").order_by("role", "pk")
    names = []
    for row in rows:
        certificate = row.officer.certificates.filter(state=CertificateState.VALID).order_by("-pk").first()
        names.append(f"{row.officer.name}（执法证号：{certificate.number}）" if certificate else row.officer.name)
    return names


def base_context(case: PenaltyCase) -> dict[str, Any]:
    """What every document of the case says about the case (R-DOC-003: party, facts, evidence, basis)."""
    party, item = case.party, case.enforcement_item
    violated = _citations(item.establishing_basis) or _citations(item.penalty_basis)
    context: dict[str, Any] = {
        "case_number": case.case_number,
        "case_cause": case.cause,
        "party_name": party.name,
        "party_address": party.address,
        "facts": case.facts or case.cause,
        "evidence": _evidence(case),
        "violated_provision": violated,
        "penalty_basis": _citations(item.penalty_basis) or violated,
        "handlers": _handlers(case),
    }
    if party.uscc:
        context.update(party_identifier=party.uscc, party_identifier_label="统一社会信用代码")
    if party.legal_representative:
        context["legal_representative"] = party.legal_representative
    return context


def _notice_context(case: PenaltyCase) -> dict[str, Any]:
    # The defence period runs from service, which the document cannot know when printed (R-PEN-016).
    return {
        "proposed_penalty": _penalty_phrase(
            case.proposed_kinds, case.proposed_fine_amount, case.proposed_confiscation_amount
        ),
        "defense_period": f"{to_chinese(DEFENSE_WORKING_DAYS)}个工作日",
    }


def _decision_context(case: PenaltyCase) -> dict[str, Any]:
    if case.decision_kind == DecisionKind.NO_PENALTY:
        return {
            "no_penalty_reason": case.decision_reasoning,
            "legal_basis": _citations(case.enforcement_item.penalty_basis) or "《中华人民共和国行政处罚法》第三十三条",
        }
    performance = "自收到本决定书之日起十五日内缴纳罚没款" if case.fine_amount or case.confiscated_gains_amount else ""
    return {
        "penalties": _kind_labels(case.penalty_kinds),
        "fine_amount": case.fine_amount if case.fine_amount > 0 else "",
        "confiscated_gains_amount": case.confiscated_gains_amount if case.confiscated_gains_amount > 0 else "",
        "performance": performance or "自收到本决定书之日起履行",
    }


def _closing_context(case: PenaltyCase) -> dict[str, Any]:
    decision = live_documents(case, [DECISION_KINDS.get(DecisionKind(case.decision_kind), "")]).first()
    summary = _penalty_phrase(case.penalty_kinds, case.fine_amount, case.confiscated_gains_amount)
    paid = sum((p.amount for p in case.payments.all()), Decimal("0"))
    return {
        "decision_number": decision.number.text if decision and decision.number else "",
        "decision_summary": summary or case.get_decision_kind_display(),
        "execution_summary": f"已缴纳{paid}元" if paid else case.get_closing_reason_display(),
        "closing_reason": case.get_closing_reason_display(),
    }


def _demand_ready(case: PenaltyCase) -> bool:
    """R-COE-010: a 催告 once a due date passed unpaid."""
    return case.state == S.EXECUTING and case_balance(case, on=today()).overdue_total > 0


def _demand_context(case: PenaltyCase) -> dict[str, Any]:
    """催告书 (R-COE-010): the decision and the amount owed today come from the case; the officer gives the
    deadline, the manner and the way to pay (they are also what the 催告 record keeps when it is served)."""
    day = today()
    owed = case_balance(case, on=day)
    return {
        "decision_summary": _decision_summary(case),
        "amount": owed.overdue_total,  # what the 催告 record demands (R-COE-010): overdue principal + unpaid surcharge
        "late_penalty_amount": owed.late_penalty_due if owed.late_penalty_due > 0 else "",
        "amount_as_of": day,
    }


def _decision_summary(case: PenaltyCase) -> str:
    decision = live_documents(case, [K.PENALTY_DECISION]).first()
    number = f"（{decision.number.text}）" if decision and decision.number else ""
    penalty = _penalty_phrase(case.penalty_kinds, case.fine_amount, case.confiscated_gains_amount)
    decided = case.decided_on.isoformat() if case.decided_on else ""
    return f"本机关于{decided}作出行政处罚决定{number}，决定对你（单位）{penalty}"


def _plan_context(case: PenaltyCase) -> dict[str, Any]:
    """分期/延期缴纳决定书 (R-PEN-025) from the approved plan: its kind, dates and amounts."""
    plan = approved_plan(case)
    if plan is None:
        return {}
    if plan.deferred_until:
        schedule = [{"due_on": plan.deferred_until, "amount": plan.principal_amount}]
    else:
        schedule = [{"due_on": row.due_on, "amount": row.amount} for row in plan.installments.order_by("sequence")]
    return {
        "decision_summary": _decision_summary(case),
        "plan_kind": plan.get_kind_display().removesuffix("缴纳"),
        "applied_on": plan.applied_on,
        "reason": plan.reason,
        "schedule": schedule,
    }


def _enforcement_context(case: PenaltyCase) -> dict[str, Any]:
    """强制执行决定书 (R-COE-011, 强制法 第37条) from the head's decision record."""
    decision = case.compulsory_executions.order_by("-decided_on", "-pk").first()
    if decision is None:
        return {}
    methods = "、".join(str(CompulsoryMethod(m).label) for m in decision.methods)
    return {
        "decision_summary": _decision_summary(case),
        "reason": decision.reason,
        "legal_basis": decision.legal_basis,
        "execution_method": methods,
        "execution_time": decision.scheduled_on,
    }


def _investigation_context(case: PenaltyCase) -> dict[str, Any]:
    return {
        "proposal": case.investigation_report
        or _penalty_phrase(case.proposed_kinds, case.proposed_fine_amount, case.proposed_confiscation_amount),
    }


# kind → (may it be issued now?, why not, the case's own part of the context, the date printed on it)
Rule = tuple[Callable[[PenaltyCase], bool], str, Callable[[PenaltyCase], dict[str, Any]]]


def _notice_ready(case: PenaltyCase) -> bool:
    """After the case review says penalty — and, for a major decision, after the legal review (R-REV-004)."""
    if not (case.state == S.UNDER_CASE_REVIEW and case.route == DecisionKind.PENALTY and case.case_reviewed_on):
        return False
    try:
        require_legal_review_passed(case)
    except CaseError:
        return False
    return True


CASE_KINDS: dict[str, Rule] = {
    K.INVESTIGATION_REPORT: (
        lambda c: c.state in AFTER_INVESTIGATION,
        "调查终结后方可制作调查终结报告",
        _investigation_context,
    ),
    K.PRIOR_NOTICE: (_notice_ready, "案件审核同意给予行政处罚后方可制作事先告知书", _notice_context),
    K.HEARING_RIGHT_NOTICE: (
        lambda c: _notice_ready(c) and c.requires_hearing_notice,
        "本案拟作出的处罚不属于应当告知听证权利的情形，或尚未审核同意给予行政处罚",
        _notice_context,
    ),
    K.PENALTY_DECISION: (
        lambda c: c.state == S.DECIDED and c.decision_kind == DecisionKind.PENALTY,
        "负责人作出行政处罚决定后方可制作处罚决定书",
        _decision_context,
    ),
    K.NO_PENALTY_DECISION: (
        lambda c: c.state == S.DECIDED and c.decision_kind == DecisionKind.NO_PENALTY,
        "负责人作出不予行政处罚决定后方可制作不予行政处罚决定书",
        _decision_context,
    ),
    K.DEMAND_NOTICE: (_demand_ready, "当事人逾期不履行行政处罚决定后方可制作催告书（R-COE-010）", _demand_context),
    K.PAYMENT_PLAN_DECISION: (
        lambda c: c.state == S.EXECUTING and approved_plan(c) is not None,
        "负责人批准分期或延期缴纳后方可制作分期（延期）缴纳罚款决定书（R-PEN-025）",
        _plan_context,
    ),
    K.COMPULSORY_EXECUTION_DECISION: (
        lambda c: c.state == S.EXECUTING and c.compulsory_executions.exists(),
        "负责人作出强制执行决定后方可制作强制执行决定书（R-COE-011）",
        _enforcement_context,
    ),
    K.CLOSING_REPORT: (lambda c: c.state == S.CLOSED, "案件结案后方可制作结案报告", _closing_context),
}


def issuable_kinds(case: PenaltyCase) -> list[str]:
    """The kinds the case allows now and has no live copy of (for the UI's 制作文书 menu)."""
    live = set(live_documents(case, list(CASE_KINDS)).values_list("kind", flat=True))
    return [kind for kind, (ready, _why, _ctx) in CASE_KINDS.items() if kind not in live and ready(case)]


def _allow_paperwork(actor: Any, case: PenaltyCase, message: str) -> None:
    if actor is None:
        raise CaseError("此操作必须由登录的执法人员作出", field="actor")
    if not (actor.has_perm("cases.handle_case", case) or actor.has_perm("cases.decide_case", case)):
        raise PermissionDenied(message)


def _printed_on(case: PenaltyCase, kind: str) -> date | None:
    return case.decided_on if kind in DECISION_KINDS.values() else None


@transaction.atomic
def issue_case_document(*, actor: Any, case: PenaltyCase, kind: str, context: dict[str, Any] | None = None) -> Document:
    """制作并签发 one of the case's documents from the case record; ``context`` adds what the case cannot know."""
    case = lock(case)
    _allow_paperwork(actor, case, "只有本案承办人或本单位负责人可以制作本案文书")
    if kind not in CASE_KINDS:
        raise CaseError(f"“{kind}”不是可由案件生成的文书种类", field="kind")
    ready, why_not, own_context = CASE_KINDS[kind]
    label = spec_for(kind).label
    if not ready(case):
        raise CaseStateConflict(f"{why_not}（案件当前状态：{case.get_state_display()}）", field="kind")
    if kind in NOTICE_KINDS:
        require_legal_review_passed(case)  # R-REV-004: no notice of a major decision before the review
    existing = live_documents(case, [kind]).first()
    if existing is not None:
        number = f"（{existing.number.text}）" if existing.number else ""
        raise CaseError(f"本案已签发《{label}》{number}，如需重新制作，请先作废原文书", field="kind")
    extra = dict(context or {})
    recorded = {**base_context(case), **own_context(case)}
    overridden = sorted(
        key for key in extra if key in CASE_OWNED_KEYS or (key in recorded and not is_blank(recorded[key]))
    )
    if overridden:
        raise CaseError(f"“{overridden[0]}”以案件记录为准，不能在文书中改写（R-DOC-003）", field=overridden[0])
    values = {**recorded, **extra}
    document = issue_document(
        kind=kind,
        agency=case.agency,
        subject=case,
        context=values,
        actor=actor,
        numbered=spec_for(kind).numberable,
        issued_on=_printed_on(case, kind),
    )
    note(case, "document_issued", actor, kind=kind, document=document.pk, number=_number(document))
    return document


def _number(document: Document) -> str:
    return document.number.text if document.number else ""


@transaction.atomic
def issue_delivery_receipt(
    *, actor: Any, case: PenaltyCase, documents: list[Document], recipient: str = "", place: str = ""
) -> Document:
    """送达回证 for documents of this case served together (R-DOC-006); printed, signed by the recipient."""
    case = lock(case)
    _allow_paperwork(actor, case, "只有本案承办人可以制作送达回证")
    if not documents:
        raise CaseError("请选择要送达的文书", field="documents")
    own = {d.pk for d in live_documents(case, None)}
    strangers = [d.title for d in documents if d.pk not in own or d.kind == K.DELIVERY_RECEIPT]
    if strangers:
        raise CaseError(f"《{strangers[0]}》不是本案已签发的可送达文书", field="documents")
    listed = [{"title": d.title, "number": _number(d)} for d in documents]
    receipt = issue_document(
        kind=K.DELIVERY_RECEIPT,
        agency=case.agency,
        subject=case,
        context={
            **base_context(case),
            "recipient": recipient.strip() or case.party.name,
            "delivery_place": place.strip(),
            "delivered_documents": listed,
            "served_document_ids": [d.pk for d in documents],
        },
        actor=actor,
        numbered=False,
    )
    note(case, "receipt_issued", actor, document=receipt.pk, served_documents=[d.pk for d in documents])
    return receipt


# --- service ------------------------------------------------------------------------------------------------


def _case_of(document: Document) -> PenaltyCase:
    return PenaltyCase.objects.select_related("agency").get(pk=document.subject_id)


def guard_service(document: Document, actor: Any) -> None:
    """R-DOC-006, whatever the entry point: only the case's handlers record the service of its documents, and
    only documents addressed to the party are served."""
    case = _case_of(document)
    if actor is None or not actor.has_perm("cases.handle_case", case):
        raise PermissionDenied("只有本案承办人可以登记本案文书的送达（R-DOC-006）")
    if document.kind not in SERVED_KINDS:
        raise CaseError(f"《{document.get_kind_display()}》是内部文书，无需向当事人送达", field="document")


def take_case_step(document: Document, actor: Any) -> None:
    """The case's step on the first successful service of one of its documents, dated by the receipt. A 公告送达 is
    served only 30 days after publication (R-DOC-007): its step waits for that day (``take_deemed_service_steps``)."""
    if document.served_on is not None and document.served_on > today():
        return
    case = lock(_case_of(document))
    if document.kind in NOTICE_KINDS and case.state == S.UNDER_CASE_REVIEW:
        wanted = [K.PRIOR_NOTICE, *([K.HEARING_RIGHT_NOTICE] if case.requires_hearing_notice else [])]
        served = {d.kind: d.served_on for d in live_documents(case, wanted)}
        dates = [served.get(kind) for kind in wanted]
        if all(dates):
            serve_prior_notice(actor=actor, case=case, served_on=max(d for d in dates if d))
    elif document.kind in DECISION_DOCUMENT_KINDS and case.state == S.DECIDED and document.served_on:
        serve_decision(actor=actor, case=case, served_on=document.served_on)
    elif document.kind == K.DEMAND_NOTICE and document.served_on:
        _record_demand(actor, case, document, document.served_on)
    elif document.kind == K.COMPULSORY_EXECUTION_DECISION and document.served_on and _waits_for(case, document):
        method, failure = _how_served(document)
        serve_compulsory_execution(
            actor=actor,
            case=case,
            served_on=document.served_on,
            delivery_method=method,
            direct_delivery_failure=failure,
        )


def _how_served(document: Document) -> tuple[str, str]:
    """The successful method, and why direct service failed before it (R-DOC-008)."""
    attempts = list(document.deliveries.order_by("attempted_at", "pk"))
    served = next(a for a in attempts if a.is_success)
    failed_direct = [a.note for a in attempts if a.method == DeliveryMethod.DIRECT and not a.is_success]
    return served.method, "；".join(failed_direct)


def _record_demand(actor: Any, case: PenaltyCase, document: Document, served_on: date) -> None:
    """The 催告 record from the served 催告书: its deadline, manner and way to pay, the receipt's date (R-COE-010)."""
    method, failure = _how_served(document)
    context = document.context
    serve_demand_notice(
        actor=actor,
        case=case,
        served_on=served_on,
        performance_deadline=date.fromisoformat(str(context["performance_deadline"])),
        performance_manner=str(context["performance"]),
        payment_method=str(context["payment_method"]),
        delivery_method=method,
        direct_delivery_failure=failure,
    )


def _waits_for(case: PenaltyCase, document: Document) -> bool:
    if document.kind in NOTICE_KINDS:
        return case.state == S.UNDER_CASE_REVIEW
    if document.kind in DECISION_DOCUMENT_KINDS:
        return case.state == S.DECIDED
    served = document.served_on
    if case.state != S.EXECUTING or served is None:
        return False
    if document.kind == K.DEMAND_NOTICE:
        return not case.demand_notices.filter(served_on=served).exists()
    if document.kind == K.COMPULSORY_EXECUTION_DECISION:
        return case.compulsory_executions.filter(served_on__isnull=True).exists()
    return False  # the plan decision is served; no step waits for it


DEEMED_LOOKBACK = timedelta(days=60)  # a daily tick catches each deemed date; older ones were taken or handled


def take_deemed_service_steps(on: date) -> list[str]:
    """R-DOC-007: the case steps whose document was served by 公告 and is deemed served by ``on``; each step is
    taken for the officer who recorded the publication, in its own transaction (idempotent: a taken step no longer
    waits)."""
    documents = Document.objects.filter(
        subject_type="cases.penaltycase",
        state=DocumentState.ISSUED,
        kind__in=SERVED_KINDS,
        served_on__lte=on,
        served_on__gt=on - DEEMED_LOOKBACK,
        deliveries__method=DeliveryMethod.PUBLIC_NOTICE,
    ).distinct()
    lines = []
    for document in documents:
        case = _case_of(document)
        if not _waits_for(case, document):
            continue
        published = document.deliveries.filter(method=DeliveryMethod.PUBLIC_NOTICE).order_by("pk").first()
        with transaction.atomic():
            take_case_step(document, published.recorded_by if published else None)
        lines.append(f"案件{case.case_number}的《{document.title}》公告送达期满，已于{document.served_on}视为送达")
    return lines


@transaction.atomic
def serve_case_document(*, actor: Any, case: PenaltyCase, document: Document, **delivery: Any) -> Delivery:
    """Record one service attempt of a case document (``documents.record_delivery``, R-DOC-005..008); the first
    success takes the case's step with the receipt's date (``take_case_step``, registered in ``CasesConfig``)."""
    case = lock(case)
    if not live_documents(case, None).filter(pk=document.pk).exists():
        raise CaseError("所选文书不是本案已签发的文书", field="document")
    return record_delivery(document=document, actor=actor, **delivery)
