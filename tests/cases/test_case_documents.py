"""Documents issued from the case and served through 送达回证: the receipt's date drives the case (R-DOC-003,
R-DOC-006, R-PEN-015/016, R-PEN-024). The officer types nothing the case already knows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from tests.cases.conftest import investigate
from zhifa.cases import services
from zhifa.cases.choices import PenaltyCaseState
from zhifa.core.errors import DomainError, PermissionDenied
from zhifa.documents.models import Delivery, Document
from zhifa.documents.services import record_delivery, void_document
from zhifa.ledger.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_memory_documents", "item_basis")]
pytest_plugins = ["tests.cases.document_fixtures"]  # reviewed_case, the item's basis, in-memory storage


def _notice(case, handler, **context):
    return services.issue_case_document(actor=handler, case=case, kind="prior_notice", context=context)


def _serve(case, handler, document, *, day=date(2026, 3, 2), receipt=None, **fields):
    receipt = receipt or services.issue_delivery_receipt(actor=handler, case=case, documents=[document])
    return services.serve_case_document(
        actor=handler,
        case=case,
        document=document,
        method="direct",
        delivered_on=day,
        receiver_name="王经理",
        receipt_document=receipt,
        **fields,
    )


def _reload(case):
    case.refresh_from_db()
    return case


def _nothing_changed(call, *counted):
    before = [model.objects.count() for model in (*counted, Event)]
    with pytest.raises((DomainError, PermissionDenied)) as caught:
        call()
    assert [model.objects.count() for model in (*counted, Event)] == before
    return caught.value


# --- issuing from the case (R-DOC-003) ------------------------------------------------------------------------


def test_r_doc_003_prior_notice_is_filled_from_the_case(reviewed_case, handler):
    document = _notice(reviewed_case, handler, contact="李承办 0731-1234567")
    assert document.number.text.endswith("罚告〔2026〕1号")
    context = document.context
    assert context["party_name"] == "示范县好味道餐饮有限公司"
    assert context["proposed_penalty"] == "警告、罚款10,000.00元（壹万元整）"
    assert context["evidence"] == ["现场检查（勘验）（2026-03-02，后厨）"]
    assert context["contact"] == "李承办 0731-1234567"
    assert context["violated_provision"] == "《中华人民共和国食品安全法》第三十四条"
    assert context["penalty_basis"] == "《中华人民共和国食品安全法》第一百二十四条第一款"
    # R-PEN-016: the period runs from service, which the paper cannot know when printed
    assert "请自收到本告知书之日起五个工作日内向本机关提出陈述、申辩意见" in document.html
    event = Event.objects.filter(event_type="penalty_case.document_issued").get()
    assert event.data["kind"] == "prior_notice" and event.data["number"] == document.number.text


def test_r_doc_003_amounts_and_party_cannot_be_rewritten_on_paper(reviewed_case, handler):
    error = _nothing_changed(lambda: _notice(reviewed_case, handler, fine_amount="100.00"), Document)
    assert (error.field, "R-DOC-003" in error.message) == ("fine_amount", True)


def test_notice_before_the_case_review_is_refused(filed_case, handler, lead, co):
    investigate(filed_case, handler, lead, co)
    error = _nothing_changed(lambda: _notice(filed_case, handler), Document)
    assert "案件审核同意给予行政处罚后" in error.message and "案件审核中" in error.message


def test_one_live_copy_per_kind_and_a_voided_one_can_be_remade(reviewed_case, handler, head):
    first = _notice(reviewed_case, handler)
    error = _nothing_changed(lambda: _notice(reviewed_case, handler), Document)
    assert first.number.text in error.message
    void_document(first, reason="当事人地址有误", actor=head)
    second = _notice(reviewed_case, handler)
    assert second.number.serial == first.number.serial + 1  # the voided number is never reused (R-DOC-002)


def test_hearing_right_notice_only_when_the_hearing_right_applies(reviewed_case, handler):
    assert reviewed_case.requires_hearing_notice is False  # 10,000元 for an organisation (R-HEA-002)
    error = _nothing_changed(
        lambda: services.issue_case_document(actor=handler, case=reviewed_case, kind="hearing_right_notice"), Document
    )
    assert "听证" in error.message
    assert services.issuable_kinds(reviewed_case) == ["investigation_report", "prior_notice"]


def test_someone_outside_the_case_cannot_issue_its_documents(reviewed_case, other_agency_handler):
    _nothing_changed(lambda: _notice(reviewed_case, other_agency_handler), Document)


# --- service drives the case (R-DOC-006) -----------------------------------------------------------------------


def test_r_doc_006_serving_the_notice_opens_the_defence_window_from_the_receipt_date(reviewed_case, handler):
    notice = _notice(reviewed_case, handler)
    _serve(reviewed_case, handler, notice)
    case = _reload(reviewed_case)
    assert (case.state, case.notice_served_on, case.defense_deadline) == (
        PenaltyCaseState.NOTIFIED,
        date(2026, 3, 2),
        date(2026, 3, 9),  # 5 WD (R-PEN-016)
    )
    types = list(Event.objects.order_by("sequence").values_list("event_type", flat=True))
    assert types[-2:] == ["delivery.recorded", "penalty_case.notified"]


def test_r_doc_006_a_failed_attempt_does_not_move_the_case(reviewed_case, handler):
    notice = _notice(reviewed_case, handler)
    services.serve_case_document(
        actor=handler, case=reviewed_case, document=notice, method="direct", result="failed", note="大门紧锁，无人"
    )
    assert _reload(reviewed_case).state == PenaltyCaseState.UNDER_CASE_REVIEW


def test_r_doc_006_a_typed_date_may_not_contradict_the_receipt(reviewed_case, handler):
    notice = _notice(reviewed_case, handler)
    error = _nothing_changed(
        lambda: services.serve_prior_notice(actor=handler, case=reviewed_case, served_on=date(2026, 3, 2))
    )
    assert "尚未登记送达" in error.message and error.field == "served_on"
    services.serve_case_document(
        actor=handler, case=reviewed_case, document=notice, method="direct", result="failed", note="无人"
    )
    assert Document.objects.get(pk=notice.pk).served_on is None


def test_r_doc_006_the_receipt_must_list_the_served_document(reviewed_case, handler):
    notice = _notice(reviewed_case, handler)
    report = services.issue_case_document(actor=handler, case=reviewed_case, kind="investigation_report")
    other_receipt = services.issue_delivery_receipt(actor=handler, case=reviewed_case, documents=[report])
    error = _nothing_changed(lambda: _serve(reviewed_case, handler, notice, receipt=other_receipt), Delivery)
    assert (error.field, "R-DOC-006" in error.message) == ("receipt_document", True)


def test_r_doc_006_only_the_case_handlers_record_service(reviewed_case, handler, head):
    notice = _notice(reviewed_case, handler)
    receipt = services.issue_delivery_receipt(actor=handler, case=reviewed_case, documents=[notice])
    error = _nothing_changed(lambda: _serve(reviewed_case, head, notice, receipt=receipt), Delivery)
    assert "承办人" in str(error)


def test_r_doc_006_service_recorded_outside_the_case_page_moves_the_case_too(reviewed_case, handler, head):
    """The documents API (``record_delivery``) is another entry point: same rule, same step."""
    notice = _notice(reviewed_case, handler)
    receipt = services.issue_delivery_receipt(actor=handler, case=reviewed_case, documents=[notice])
    fields = {"method": "direct", "delivered_on": date(2026, 3, 2), "receiver_name": "王经理"}
    _nothing_changed(lambda: record_delivery(document=notice, actor=head, receipt_document=receipt, **fields), Delivery)
    record_delivery(document=notice, actor=handler, receipt_document=receipt, **fields)
    assert _reload(reviewed_case).state == PenaltyCaseState.NOTIFIED


def test_internal_documents_are_not_served(reviewed_case, handler):
    report = services.issue_case_document(actor=handler, case=reviewed_case, kind="investigation_report")
    error = _nothing_changed(
        lambda: services.serve_case_document(
            actor=handler, case=reviewed_case, document=report, method="direct", result="failed", note="x"
        ),
        Delivery,
    )
    assert "内部文书" in error.message


def test_a_document_of_another_case_is_refused(reviewed_case, handler, agency, company, item, lead, co, head):
    other = services.file_case(
        actor=head,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="另案",
        act_on=date(2026, 2, 11),
        discovered_on=date(2026, 2, 26),
        lead_handler=lead,
        co_handlers=[co],
    )
    notice = _notice(reviewed_case, handler)
    error = _nothing_changed(
        lambda: services.serve_case_document(
            actor=handler, case=other, document=notice, method="direct", result="failed", note="x"
        ),
        Delivery,
    )
    assert error.field == "document"


# --- the decision: printed on the decision day, payment clock from the postal receipt (R-PEN-024) --------------


def test_decision_served_by_post_starts_payment_from_the_receipt_date(reviewed_case, handler, head):
    notice = _notice(reviewed_case, handler)
    _serve(reviewed_case, handler, notice)
    services.waive_defense(actor=handler, case=reviewed_case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=reviewed_case)
    case = services.decide_case(
        actor=head,
        case=reviewed_case,
        decision_kind="penalty",
        penalty_kinds=["warning", "fine"],
        fine_amount=Decimal("10000.00"),
    )
    decision = services.issue_case_document(actor=head, case=case, kind="penalty_decision")
    assert decision.issued_on == date(2026, 3, 2) and decision.number.text.endswith("罚〔2026〕1号")
    assert decision.context["penalties"] == ["警告"] and decision.context["fine_amount"] == "10000.00"
    with time_machine.travel("2026-03-06T02:00:00Z", tick=False):
        services.serve_case_document(
            actor=handler,
            case=case,
            document=decision,
            method="postal",
            postal_tracking_number="1187654321098",
            postal_receipt_on=date(2026, 3, 5),
        )
    case = _reload(case)
    # 15 CD from Thursday 5 March 2026 = Friday 20 March (R-PEN-024)
    assert (case.state, case.decision_served_on, case.payment_deadline) == (
        PenaltyCaseState.EXECUTING,
        date(2026, 3, 5),
        date(2026, 3, 20),
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [("penalty_basis", "《某某办法》第九条"), ("facts", "另写的事实"), ("evidence", ["另写的证据"])],
)
def test_r_doc_003_what_the_record_holds_is_not_rewritten_on_paper(reviewed_case, handler, key, value):
    error = _nothing_changed(lambda: _notice(reviewed_case, handler, **{key: value}), Document)
    assert (error.field, "以案件记录为准" in error.message) == (key, True)


def test_r_doc_003_a_provision_the_registry_lacks_may_be_written_by_the_officer(reviewed_case, handler, item):
    item.establishing_basis.clear()
    item.penalty_basis.clear()
    document = _notice(
        reviewed_case,
        handler,
        violated_provision="《中华人民共和国食品安全法》第三十四条",
        penalty_basis="《中华人民共和国食品安全法》第一百二十四条第一款",
    )
    assert "依据《中华人民共和国食品安全法》第一百二十四条第一款的规定" in document.html


def test_r_doc_007_public_notice_moves_the_case_only_when_deemed_served(reviewed_case, handler):
    """A direct attempt fails; the notice is published on 2 March: deemed served 30 days later, on 1 April 2026.
    Recording the publication does not move the case (and is not refused); the daily tick does, on 1 April."""
    from zhifa.core.scheduled import run_all

    notice = _notice(reviewed_case, handler)
    services.serve_case_document(
        actor=handler, case=reviewed_case, document=notice, method="direct", result="failed", note="查无此人"
    )
    services.serve_case_document(
        actor=handler,
        case=reviewed_case,
        document=notice,
        method="public_notice",
        published_on=date(2026, 3, 2),
        reason="当事人下落不明，直接送达未成",
    )
    assert Document.objects.get(pk=notice.pk).served_on == date(2026, 4, 1)
    assert _reload(reviewed_case).state == PenaltyCaseState.UNDER_CASE_REVIEW
    with time_machine.travel("2026-03-31T02:00:00Z", tick=False):
        assert run_all()["cases.deemed_service"] == []
    assert _reload(reviewed_case).state == PenaltyCaseState.UNDER_CASE_REVIEW
    with time_machine.travel("2026-04-01T02:00:00Z", tick=False):
        lines = run_all()["cases.deemed_service"]
        assert len(lines) == 1 and "视为送达" in lines[0]
        assert run_all()["cases.deemed_service"] == []  # idempotent
    case = _reload(reviewed_case)
    assert (case.state, case.notice_served_on) == (PenaltyCaseState.NOTIFIED, date(2026, 4, 1))
