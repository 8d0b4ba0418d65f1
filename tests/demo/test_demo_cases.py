"""The demo county's ~200 penalty cases: every reachable state, the scenarios of issue 5, all through the services."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Max, Sum

from zhifa.cases import services
from zhifa.cases.choices import (
    CaseSourceState,
    ClosingReason,
    DecisionKind,
    PenaltyCaseState,
    Procedure,
)
from zhifa.cases.errors import CaseError
from zhifa.cases.models import CaseSource, InvestigativeStep, Payment, PenaltyCase
from zhifa.demo.cases import LAST_DAY
from zhifa.demo.loader import load_demo
from zhifa.ledger.models import Event
from zhifa.ledger.services import verify_chain
from zhifa.org.models import User
from zhifa.parties.choices import PartyKind

pytestmark = pytest.mark.django_db

S = PenaltyCaseState
# No demo case rests in these: the demo hearing and the heads' collective discussion (demo/reviews.py) go on to
# the decision. 法制审核中: demo/reviews.py. 已中止: the execution demo (demo/case_execution.py).
UNREACHABLE = {S.UNDER_DISCUSSION, S.HEARING}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module (a load takes seconds) inside a transaction rolled back at the end; each
    test runs in its own savepoint on top of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        assert load_demo() is True
        yield
        transaction.set_rollback(True)


def test_every_reachable_state_has_cases_and_there_are_about_200(demo):
    per_state = {state: PenaltyCase.objects.filter(state=state).count() for state in S.values}
    assert {state for state, n in per_state.items() if n} == set(S.values) - UNREACHABLE
    assert 180 <= PenaltyCase.objects.count() <= 230
    closing = set(PenaltyCase.objects.exclude(closing_reason="").values_list("closing_reason", flat=True))
    assert closing == {
        ClosingReason.EXECUTED,
        ClosingReason.NO_PENALTY,
        ClosingReason.FILING_WITHDRAWN,
        ClosingReason.TRANSFERRED,  # the reviewed transfer decision (demo/reviews.py)
    }
    sources = set(CaseSource.objects.values_list("state", flat=True))
    assert sources == {
        CaseSourceState.REGISTERED,
        CaseSourceState.VERIFYING,
        CaseSourceState.AWAITING_FILING_APPROVAL,
        CaseSourceState.DECLINED,
        CaseSourceState.FILED,
    }
    agencies = set(PenaltyCase.objects.values_list("agency__short_name", flat=True))
    assert agencies == {"示市监", "示城管", "示应急", "示环", "示交", "示发改"}


def test_every_step_is_dated_in_2026_on_or_before_the_demo_day(demo):
    dated = [
        "filed_on",
        "case_reviewed_on",
        "notice_served_on",
        "defense_waived_on",
        "decided_on",
        "decision_served_on",
        "closed_on",
        "archived_on",
        "lodged_on",
    ]
    latest = PenaltyCase.objects.aggregate(**{f: Max(f) for f in dated})
    latest["paid_on"] = Payment.objects.aggregate(m=Max("paid_on"))["m"]
    latest["performed_on"] = InvestigativeStep.objects.aggregate(m=Max("performed_on"))["m"]
    latest["received_on"] = CaseSource.objects.aggregate(m=Max("received_on"))["m"]
    assert {f: day for f, day in latest.items() if day > LAST_DAY} == {}
    assert PenaltyCase.objects.filter(filed_on__year=2026).count() == PenaltyCase.objects.count()


def test_simple_procedure_shapes(demo):
    simple = PenaltyCase.objects.filter(procedure=Procedure.SIMPLE)
    # (a) a simple-procedure warning, decided on the spot and lodged (R-SIM-001, R-SIM-007)
    assert simple.filter(penalty_kinds=["warning"], fine_amount=0, state=S.CLOSED, lodged_on__isnull=False).exists()
    cases = list(simple.select_related("party"))
    late = [c for c in cases if c.lodged_on and c.lodged_on > c.lodge_deadline]
    assert len(late) >= 2
    for case in cases:  # within the statutory limits (R-SIM-001/002)
        limit = Decimal("200") if case.party.kind in (PartyKind.NATURAL_PERSON, PartyKind.INDIVIDUAL_BUSINESS) else 3000
        assert case.fine_amount <= limit, case.case_number


def test_bid_rigging_case_of_seed_002(demo):
    """(b) 发改局, 串通投标 under 招标投标法, a company, 10,873.00元, closed after payment."""
    case = PenaltyCase.objects.get(
        agency__name="示范县发展和改革局",
        enforcement_item__name="对投标人相互串通投标或者与招标人串通投标的行政处罚",
        fine_amount=Decimal("10873.00"),
    )
    assert case.party.kind == PartyKind.LEGAL_PERSON
    assert (case.procedure, case.decision_kind, case.penalty_kinds) == (
        Procedure.GENERAL,
        DecisionKind.PENALTY,
        ["fine"],
    )
    assert (case.state, case.closing_reason) == (S.CLOSED, ClosingReason.EXECUTED)
    assert case.payments.aggregate(total=Sum("amount"))["total"] == Decimal("10873.00")
    assert {a.version.law.title for a in case.enforcement_item.penalty_basis.all()} == {"中华人民共和国招标投标法"}
    assert "机器码一致" in case.facts


def test_hearing_case_waits_for_the_legal_review(demo):
    """(c) a 较大数额 fine: hearing right and a major decision; the prior notice waits for 法制审核 (R-REV-004)."""
    case = PenaltyCase.objects.get(
        agency__short_name="示市监",
        requires_hearing_notice=True,
        facts__contains="法制审核模块尚未上线",
    )
    assert (case.state, case.route, case.requires_legal_review) == (S.UNDER_CASE_REVIEW, DecisionKind.PENALTY, True)
    assert case.proposed_fine_amount == Decimal("60000.00")
    assert case.notice_served_on is None
    handler = case.handlers.get(role="lead").officer.user
    with pytest.raises(CaseError, match="R-REV-004"):
        services.serve_prior_notice(actor=handler, case=case, served_on=LAST_DAY)
    case.refresh_from_db()
    assert (case.state, case.notice_served_on) == (S.UNDER_CASE_REVIEW, None)


def test_no_penalty_decision_under_the_first_violation_rule(demo):
    """(d) 首违不罚 (处罚法 第33条第1款): decided, served, closed."""
    case = PenaltyCase.objects.get(
        decision_kind=DecisionKind.NO_PENALTY,
        party__kind=PartyKind.INDIVIDUAL_BUSINESS,
        facts__contains="货值金额6.50元",
    )
    assert (case.state, case.closing_reason) == (S.CLOSED, ClosingReason.NO_PENALTY)
    assert "首违不罚" in case.decision_reasoning and "第三十三条第一款" in case.decision_reasoning
    assert case.fine_amount == Decimal("0.00")


def test_overdue_cases_are_still_investigating_after_90_days(demo):
    """(e) R-PEN-021: filed more than 90 days before the demo day, no decision, no extension."""
    overdue = PenaltyCase.objects.filter(state=S.INVESTIGATING, filed_on__lt=LAST_DAY - timedelta(days=90))
    assert overdue.count() >= 3
    for case in overdue:
        assert services.deadline_status(case, on=LAST_DAY).startswith("已超期"), case.case_number
        assert case.extensions.count() == 0


def test_crime_suspected_case_routed_to_transfer_waits_for_the_legal_review(demo):
    """(f) 涉嫌犯罪 → route 移送 (R-TRN-001); the transfer decision is major and waits for 法制审核 (R-REV-004)."""
    case = PenaltyCase.objects.get(agency__short_name="示环", crime_suspected=True, facts__contains="二氧化硫")
    assert (case.state, case.route, case.requires_legal_review) == (S.AWAITING_DECISION, DecisionKind.TRANSFER, True)
    head = User.objects.get(username="sthj_head")
    with pytest.raises(CaseError, match="R-REV-004"):
        services.decide_case(actor=head, case=case, decision_kind=DecisionKind.TRANSFER, decided_on=LAST_DAY)
    # the other crime-flagged cases wait at review or decision, or were closed by a reviewed transfer decision
    # (demo/reviews.py); none was penalised instead (以罚代刑)
    flagged = PenaltyCase.objects.filter(crime_suspected=True)
    assert set(flagged.values_list("state", flat=True)) <= {S.AWAITING_DECISION, S.UNDER_CASE_REVIEW, S.CLOSED}
    assert set(flagged.filter(state=S.CLOSED).values_list("decision_kind", flat=True)) == {DecisionKind.TRANSFER}
    assert not flagged.filter(decision_kind=DecisionKind.PENALTY).exists()


def test_seizures_and_transfers_are_on_record(demo):
    from zhifa.cases.models import CoerciveMeasure, CriminalTransfer
    from zhifa.ledger.services import verify_chain

    assert CoerciveMeasure.objects.filter(state="in_force").count() == 3
    assert all(m.inventory_items.exists() for m in CoerciveMeasure.objects.all())
    assert sorted(CriminalTransfer.objects.values_list("state", flat=True)) == [
        "proposed",
        "transferred",
        "transferred",
    ]
    assert verify_chain().ok


def test_execution_shapes(demo):
    executing = PenaltyCase.objects.filter(state=S.EXECUTING)
    assert executing.filter(payment_deadline__lt=LAST_DAY, payments__isnull=True).exists()  # overdue, unpaid
    assert executing.filter(payments__isnull=False).exists()  # part paid
    late_paid = [
        c
        for c in PenaltyCase.objects.filter(closing_reason=ClosingReason.EXECUTED, procedure=Procedure.GENERAL)
        if c.payment_deadline and c.payments.filter(paid_on__gt=c.payment_deadline).exists()
    ]
    assert late_paid != []
    assert all(c.payments.aggregate(t=Sum("amount"))["t"] > c.total_penalty_amount for c in late_paid)  # R-PEN-027


def test_history_verifies_and_loading_stays_idempotent(demo):
    counts = (PenaltyCase.objects.count(), CaseSource.objects.count(), Event.objects.count())
    assert Event.objects.filter(event_type__startswith="penalty_case.").count() > 1000
    assert load_demo() is False
    assert (PenaltyCase.objects.count(), CaseSource.objects.count(), Event.objects.count()) == counts
    assert verify_chain().ok


def test_execution_scenarios(demo):
    """分期 and 延期 approved (R-PEN-025), 催告 + court application with a ruling (R-COE-010/016), an execution
    suspended for want of means (R-COE-017), a suspension before the decision resumed (R-TIME-008)."""
    from zhifa.cases.models import CaseSuspension, CourtExecution, PaymentPlan

    plans = sorted(PaymentPlan.objects.values_list("kind", "state"))
    assert plans == [("deferral", "approved"), ("installment", "approved")]
    installment = PaymentPlan.objects.get(kind="installment")
    assert installment.installments.count() == 3
    assert installment.penalty_case.payments.count() == 1
    court = CourtExecution.objects.get()
    assert (court.ruling, court.materials, court.penalty_case.execution_mode) == (
        "granted",
        ["application", "decision", "party_opinion", "subject"],
        "court",
    )
    assert court.demand_notice.statements.count() == 1
    assert court.applied_on <= LAST_DAY
    suspended = PenaltyCase.objects.get(state=S.SUSPENDED)
    assert (suspended.suspended_from, suspended.suspensions.get().ground) == (S.EXECUTING, "hardship")
    resumed = CaseSuspension.objects.get(ended_on__isnull=False)
    assert resumed.new_deadline == resumed.previous_deadline + timedelta(days=resumed.paused_days)
