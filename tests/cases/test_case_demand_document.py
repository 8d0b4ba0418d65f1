"""催告书 made from the case and served through its 送达回证: the 催告 record takes the receipt's date and the
deadline, manner and way to pay printed on the paper (R-COE-010, R-DOC-006, R-DOC-008)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.execution_support import decide_and_serve, on
from zhifa.cases import services
from zhifa.cases.errors import CaseStateConflict
from zhifa.documents.errors import DeliveryError
from zhifa.documents.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_memory_documents", "item_basis")]
pytest_plugins = ["tests.cases.document_fixtures"]

DEMAND = {
    "performance_deadline": date(2026, 4, 10),
    "performance": "一次性缴纳",
    "payment_method": "缴至示范县非税收入汇缴结算户",
}


@pytest.fixture
def executing(notified_case, handler, head):
    return decide_and_serve(notified_case, handler, head)  # 10,000元 due by Tuesday 17 March 2026


def test_r_coe_010_no_demand_before_the_payment_deadline_passed(executing, handler):
    with on(date(2026, 3, 17)), pytest.raises(CaseStateConflict) as caught:
        services.issue_case_document(actor=handler, case=executing, kind="demand_notice", context=DEMAND)
    assert "R-COE-010" in caught.value.message and Document.objects.filter(kind="demand_notice").count() == 0


def test_r_coe_010_demand_served_through_its_receipt_creates_the_demand_record(executing, handler):
    with on(date(2026, 3, 20)):
        notice = services.issue_case_document(actor=handler, case=executing, kind="demand_notice", context=DEMAND)
        # 3 days of 3% on 10,000元 (18–20 March, R-PEN-027) are printed with the principal
        assert notice.context["amount"] == "10900.00" and notice.context["late_penalty_amount"] == "900.00"
        with pytest.raises(DeliveryError) as caught:  # R-DOC-008: directly first
            services.serve_case_document(
                actor=handler,
                case=executing,
                document=notice,
                method="postal",
                postal_tracking_number="11876",
                postal_receipt_on=date(2026, 3, 20),
            )
        assert "R-DOC-008" in caught.value.message
        receipt = services.issue_delivery_receipt(actor=handler, case=executing, documents=[notice])
        services.serve_case_document(
            actor=handler,
            case=executing,
            document=notice,
            method="direct",
            delivered_on=date(2026, 3, 20),
            receiver_name="王经理",
            receipt_document=receipt,
        )
    record = executing.demand_notices.get()
    assert (record.served_on, record.performance_deadline, record.performance_manner, record.amount) == (
        date(2026, 3, 20),
        date(2026, 4, 10),
        "一次性缴纳",
        Decimal("10900.00"),
    )


def test_a_demand_without_the_deadline_is_refused_naming_it(executing, handler):
    with on(date(2026, 3, 20)), pytest.raises(Exception) as caught:
        services.issue_case_document(
            actor=handler, case=executing, kind="demand_notice", context={"performance": "一次性缴纳"}
        )
    assert "履行期限（performance_deadline）" in str(caught.value)
    assert Document.objects.filter(kind="demand_notice").count() == 0


def test_r_pen_025_plan_decision_is_made_from_the_approved_plan(executing, handler, head):
    from zhifa.cases.services import execution

    with on(date(2026, 3, 10)):
        assert "payment_plan_decision" not in services.issuable_kinds(executing)
        execution.apply_for_payment_plan(
            actor=handler,
            case=executing,
            kind="installment",
            reason="经营困难，一次缴清确有困难",
            installments=[(date(2026, 4, 17), Decimal("5000.00")), (date(2026, 5, 18), Decimal("5000.00"))],
        )
        execution.approve_payment_plan(actor=head, case=executing)
        document = services.issue_case_document(actor=handler, case=executing, kind="payment_plan_decision")
    assert document.number.text.endswith("缓〔2026〕1号")
    assert document.context["schedule"] == [
        {"due_on": "2026-04-17", "amount": "5000.00"},
        {"due_on": "2026-05-18", "amount": "5000.00"},
    ]
    assert "2026年4月17日前缴纳5,000.00元" in document.html and "分期缴纳罚款决定书" in document.html
