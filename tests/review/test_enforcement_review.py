"""强制执行决定前审核 (R-REV-002/003/004): the agency's 强制执行决定 is major by default, so the head decides only the
enforcement proposal — methods, legal basis, scheduled date, the 催告, what is owed — that a legal review approved.
The case stays 执行中 while it is reviewed (submission, opinion, 补充 and resubmission, dispute, withdrawal); the gate
fails closed without the review app's check; an agency whose catalog switches the row off decides without one.

The executing case: a 10,000元 fine served on 2 March 2026, unpaid; 加处罚款 from 18 March; a 催告 served on 17 April
(31 days of 加处罚款) with a deadline of 24 April: the agency may decide from 27 April (R-COE-010/011/014)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.conftest import notified_case
from tests.cases.execution_support import demand, fixture_executing_case, on, payload, reload
from tests.review.enforcement_approvals import (
    TAX_LAW,
    approve_enforcement,
    enforcement_reviewer,
    submit_enforcement,
)
from tests.review.review_support import conclude
from zhifa.cases.errors import CaseError
from zhifa.cases.services import enforcement, enforcement_review_hooks, execution
from zhifa.cases.services.enforcement_review_hooks import EnforcementProposal
from zhifa.catalog.models import MajorDecisionCriterion
from zhifa.review import services
from zhifa.review.errors import ReviewError, ReviewStateConflict

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case", "notified_case"]
DAY = date(2026, 4, 27)
SCHEDULED = date(2026, 4, 30)
REFUSAL = (
    "本强制执行决定属于重大执法决定（目录清单：行政强制执行决定），须就拟作出的强制执行决定（方式、依据、执行时间、"
    "金额）经法制审核通过后方可作出（R-REV-004）"
)


@pytest.fixture
def demanded(executing_case, handler):
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    return reload(executing_case)


def _decide(case, head, *, day=DAY, scheduled_on=SCHEDULED, methods=("transfer_deposits",), legal_basis=TAX_LAW):
    with on(day):
        return enforcement.decide_compulsory_execution(
            actor=head,
            case=reload(case),
            agency_empowered=True,
            legal_basis=legal_basis,
            reason="当事人逾期不缴纳罚款，加处罚款超过三十日，经催告仍不履行",
            methods=list(methods),
            scheduled_on=scheduled_on,
            decided_on=day,
        )


def _refused(case, head, **kwargs):
    with pytest.raises(CaseError) as excinfo:
        _decide(case, head, **kwargs)
    assert (excinfo.value.field, excinfo.value.message) == ("legal_review", REFUSAL)
    assert reload(case).compulsory_executions.count() == 0


def test_r_rev_004_no_enforcement_decision_without_an_approved_review(demanded, head):
    _refused(demanded, head)
    assert reload(demanded).execution_mode == ""


def test_r_rev_002_the_review_leaves_the_case_executing_and_opens_the_decision(demanded, handler, head):
    review = submit_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    assert (review.stage, review.state, review.return_state, reload(demanded).state) == (
        "before_enforcement",
        "submitted",
        "executing",
        "executing",
    )
    assert review.current_round.basis == {
        "kind": "compulsory_execution",
        "methods": ["transfer_deposits"],
        "legal_basis": TAX_LAW,
        "scheduled_on": "2026-04-30",
        "is_immediate": False,
        "is_urgent": False,
        "demand_notice_id": demanded.demand_notices.get().pk,
        "overdue_principal": "10000.00",
        "amount": "20000.00",  # 加处罚款 capped at the fine (R-COE-014)
        "decisions_before": 0,
        "reasons": ["目录清单：行政强制执行决定"],
    }
    _refused(demanded, head)  # submitted is not approved
    reviewer = enforcement_reviewer(demanded.agency)
    with on(DAY):
        services.take_legal_review(actor=reviewer, review=review)
        review = conclude(review, reviewer)
    assert (review.state, review.approved_basis, reload(demanded).state) == (
        "approved",
        review.current_round.basis,
        "executing",
    )
    document = review.current_round.document
    assert (document.kind, document.number.text, document.agency) == (
        "legal_review_opinion",
        "示市监法审〔2026〕1号",
        demanded.agency,
    )
    assert "拟作出行政强制执行决定，强制执行方式：划拨存款、汇款；拟执行时间：2026年4月30日" in document.html
    execution_ = _decide(demanded, head)
    assert (execution_.scheduled_on, execution_.methods) == (SCHEDULED, ["transfer_deposits"])
    assert payload(demanded, "penalty_case.compulsory_execution_decided")["legal_review_reasons"] == [
        "目录清单：行政强制执行决定"
    ]


@pytest.mark.parametrize(
    "changed",
    [
        {"scheduled_on": date(2026, 5, 6)},
        {"methods": ("auction",)},
        {"legal_basis": "《中华人民共和国行政强制法》第四十六条"},
    ],
    ids=["date", "method", "basis"],
)
def test_r_rev_004_the_approval_covers_exactly_the_approved_proposal(demanded, head, changed):
    approve_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    _refused(demanded, head, **changed)
    assert _decide(demanded, head).scheduled_on == SCHEDULED


def _proposal(**changes):
    values = {
        "methods": ("transfer_deposits",),
        "legal_basis": TAX_LAW,
        "scheduled_on": SCHEDULED,
        "is_immediate": False,
        "is_urgent": False,
        "demand_notice_id": 7,
        "overdue_principal": Decimal("10000.00"),
        "amount": Decimal("20000.00"),
        "decisions_before": 0,
        "reasons": ("目录清单：行政强制执行决定",),
    }
    return EnforcementProposal(**(values | changes))


@pytest.mark.parametrize(
    ("changes", "covered"),
    [
        ({}, True),
        ({"overdue_principal": Decimal("4000.00"), "amount": Decimal("8000.00")}, True),  # a payment lightens it
        ({"overdue_principal": Decimal("10000.01")}, False),
        ({"decisions_before": 1}, False),  # one approval, one decision
        ({"demand_notice_id": 8}, False),  # a new 催告
        ({"is_immediate": True}, False),
    ],
)
def test_r_rev_004_what_an_approved_proposal_covers(changes, covered):
    assert _proposal(**changes).covered_by(_proposal().basis()) is covered


def test_r_rev_004_the_gate_fails_closed_without_the_review_check(demanded, head, monkeypatch):
    approve_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    monkeypatch.setattr(enforcement_review_hooks, "_registered_checks", {})
    _refused(demanded, head)


def test_r_rev_002_an_agency_that_switches_the_row_off_decides_without_review(demanded, handler, head, agency):
    MajorDecisionCriterion.objects.create(kind="coercive_enforcement", agency=agency, is_active=False)
    with pytest.raises(ReviewError) as excinfo:
        submit_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    assert excinfo.value.message == (
        "依本单位重大执法决定法制审核目录清单，本案强制执行决定不属于重大执法决定，无需法制审核（R-REV-002）"
    )
    assert _decide(demanded, head).scheduled_on == SCHEDULED
    assert payload(demanded, "penalty_case.compulsory_execution_decided")["legal_review_reasons"] == []


def test_r_rev_008_returned_for_supplement_the_amended_proposal_is_resubmitted(demanded, handler, head):
    review = submit_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    reviewer = enforcement_reviewer(demanded.agency)
    with on(DAY):
        services.take_legal_review(actor=reviewer, review=review)
        for outcome, message in (
            ("amend", "强制执行决定前审核不能“变更”处罚"),
            ("transfer", "强制执行决定前审核不适用“移送”意见"),
        ):
            with pytest.raises(ReviewError) as excinfo:
                conclude(review, reviewer, outcome, problems={"procedure_lawful": "执行时间在催告期限内"})
            assert excinfo.value.message.startswith(message)
        review = conclude(review, reviewer, "supplement", problems={"procedure_lawful": "拟执行时间应在五一节后"})
    assert (review.state, reload(demanded).state) == ("returned", "executing")
    with on(DAY), pytest.raises(ReviewError) as excinfo:
        services.resubmit_legal_review(
            actor=handler, review=review, materials=[], statement="x", supplement_note="x", declaration=True
        )
    assert excinfo.value.field == "stage"
    amended = date(2026, 5, 6)
    with on(date(2026, 4, 28)):
        review = services.resubmit_enforcement_review(
            actor=handler,
            review=review,
            methods=["transfer_deposits"],
            legal_basis=TAX_LAW,
            scheduled_on=amended,
            materials=services.required_enforcement_materials(demanded),
            statement="已调整执行时间",
            supplement_note="执行时间改为5月6日",
            declaration=True,
        )
        assert (review.state, review.round, review.current_round.basis["scheduled_on"]) == (
            "submitted",
            2,
            "2026-05-06",
        )
        services.take_legal_review(actor=reviewer, review=review)
        conclude(review, reviewer)
    _refused(demanded, head, day=date(2026, 4, 28))  # the first proposal was never approved
    assert _decide(demanded, head, day=date(2026, 4, 28), scheduled_on=amended).scheduled_on == amended


def test_r_rev_009_a_dispute_is_decided_while_the_case_stays_executing(demanded, handler, head):
    review = submit_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    reviewer = enforcement_reviewer(demanded.agency)
    with on(DAY):
        services.take_legal_review(actor=reviewer, review=review)
        review = conclude(review, reviewer, "supplement", problems={"documents_complete": "缺送达回证"})
        review = services.dispute_legal_review(actor=handler, review=review, reason="送达回证已随催告书归档")
        assert (review.state, reload(demanded).state) == ("disputed", "executing")
        review = services.resolve_legal_review_dispute(
            actor=head, review=review, resolution="handler_upheld", reason="送达回证在卷"
        )
    assert (review.state, review.approved_basis, reload(demanded).state) == (
        "approved",
        review.current_round.basis,
        "executing",
    )
    assert _decide(demanded, head).scheduled_on == SCHEDULED


def test_withdrawal_leaves_the_case_executing(demanded, handler, head):
    review = submit_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    with on(DAY):
        review = services.withdraw_legal_review(actor=handler, review=review, reason="拟申请人民法院强制执行")
    assert (review.state, reload(demanded).state) == ("withdrawn", "executing")
    _refused(demanded, head)


def test_r_rev_006_the_statements_on_the_demand_are_submitted_too(demanded, handler):
    with on(date(2026, 4, 20)):
        execution.record_demand_statement(
            actor=handler,
            case=demanded,
            received_on=date(2026, 4, 20),
            content="资金困难",
            review="理由不成立，不予采纳",
        )
    assert services.required_enforcement_materials(demanded) == [
        "penalty_decision",
        "demand_notice",
        "draft_enforcement_decision",
        "legal_basis",
        "demand_statements",
    ]
    with on(DAY), pytest.raises(ReviewError) as excinfo:
        services.submit_enforcement_review(
            actor=handler,
            case=demanded,
            methods=["transfer_deposits"],
            legal_basis=TAX_LAW,
            scheduled_on=SCHEDULED,
            materials=["penalty_decision", "demand_notice", "draft_enforcement_decision", "legal_basis"],
            statement="请审核",
            declaration=True,
        )
    assert excinfo.value.message == "送审材料不全，缺少：当事人对催告的陈述申辩及复核材料（R-REV-006）"


def test_no_submission_before_the_demand(executing_case):
    with pytest.raises(CaseError) as excinfo:
        submit_enforcement(executing_case, day=DAY)
    assert excinfo.value.field == "demand_notice"  # R-COE-010


def test_no_submission_of_a_case_not_in_execution(notified_case):
    with pytest.raises(ReviewStateConflict) as excinfo:
        submit_enforcement(notified_case, day=date(2026, 3, 2))
    assert excinfo.value.message == "案件当前状态为“已告知”，不在执行环节，不能就强制执行决定送法制审核"


def test_a_second_submission_of_an_approved_proposal_is_refused(demanded):
    approve_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    with pytest.raises(ReviewError) as excinfo:
        submit_enforcement(demanded, day=DAY, scheduled_on=SCHEDULED)
    assert excinfo.value.message == "该强制执行方案已经法制审核通过，无需再次送审"
    assert services.latest_review(demanded) is None  # the penalty decision's reviews are apart
    assert services.latest_review(demanded, enforcement=True).state == "approved"


def test_the_review_deadline_in_a_year_without_holiday_data_is_provisional(demanded, handler):
    review = submit_enforcement(demanded, day=date(2027, 1, 8), scheduled_on=date(2027, 1, 12))
    assert review.current_round.review_deadline == date(2027, 1, 19)  # 7 working days, weekends only (R-TIME-001)
