"""R-REV-007 (the checklist blocks approval with open problems) and R-REV-008 (同意/变更/纠正/补充/移送), each with
its effect on the case; the opinion document is numbered and filed in the case (R-REV-011)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.review.review_support import checks, conclude, major_case, submit
from zhifa.cases.models import PenaltyCase
from zhifa.documents.models import Document
from zhifa.ledger.models import Event
from zhifa.review import services
from zhifa.review.choices import ReviewCheck
from zhifa.review.errors import ReviewError
from zhifa.review.models import ReviewCheckResult

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(filed_case, handler, head, lead, co, reviewer):
    case = major_case(filed_case, handler, head, lead, co)
    review = submit(case, handler)
    return services.take_legal_review(actor=reviewer, review=review)


def _refused(review, reviewer, **kwargs):
    with pytest.raises(ReviewError) as excinfo:
        services.conclude_legal_review(actor=reviewer, review=review, **kwargs)
    review.refresh_from_db()
    assert (review.state, ReviewCheckResult.objects.count(), review.penalty_case.state) == (
        "in_review",
        0,
        "under_legal_review",
    )
    return excinfo.value


def test_r_rev_007_approval_is_refused_while_a_point_has_a_problem(in_review, reviewer):
    error = _refused(
        in_review, reviewer, outcome="approve", checks=checks(evidence_sufficient="缺少检验报告"), opinion="同意"
    )
    assert (error.field, error.message) == (
        "outcome",
        "审核要点存在问题（证据合法、确凿、充分），不能作出同意的审核意见（R-REV-007）",
    )


def test_r_rev_007_every_point_is_answered_and_a_problem_is_described(in_review, reviewer):
    partial = [c for c in checks() if c.point != "crime_suspected"]
    error = _refused(in_review, reviewer, outcome="approve", checks=partial, opinion="同意")
    assert (error.field, error.message) == ("checks", "以下审核要点尚未审核：是否涉嫌犯罪需要移送司法机关（R-REV-007）")
    error = _refused(in_review, reviewer, outcome="supplement", checks=checks(facts_clear=""), opinion="补充")
    assert error.message == "“主要事实清楚”存在问题的，须写明问题"
    error = _refused(in_review, reviewer, outcome="supplement", checks=checks(), opinion="补充")
    assert error.field == "checks"
    error = _refused(in_review, reviewer, outcome="approve", checks=checks(), opinion="  ")
    assert error.field == "opinion"


def test_r_rev_008_approve_issues_a_numbered_opinion_filed_in_the_case(in_review, reviewer):
    review = conclude(in_review, reviewer)
    document = review.current_round.document
    assert (document.kind, document.number.text, document.subject_type, document.subject_id) == (
        "legal_review_opinion",
        "示市监法审〔2026〕1号",
        "cases.penaltycase",
        str(review.penalty_case_id),
    )
    assert Document.objects.of_subject(review.penalty_case).filter(kind="legal_review_opinion").count() == 1
    assert ("审核意见：同意" in document.html, "执法文书规范齐备" in document.html) == (True, True)
    events = list(Event.objects.filter(subject_type="review.legalreview").values_list("event_type", flat=True))
    assert events == ["legal_review.submitted", "legal_review.started", "legal_review.concluded"]


def test_r_rev_008_amend_makes_the_reviewers_penalty_the_proposal_and_recomputes_the_hearing_right(in_review, reviewer):
    review = conclude(
        in_review,
        reviewer,
        "amend",
        problems={"discretion_appropriate": "首次违法且已改正，按基准应从轻"},
        changes="罚款由六万元变更为四万元",
        amended_kinds=["fine"],
        amended_fine_amount=Decimal("40000"),
    )
    case = PenaltyCase.objects.get(pk=review.penalty_case_id)
    assert (review.state, review.outcome, case.state) == ("approved", "amend", "under_case_review")
    assert (case.proposed_fine_amount, case.requires_hearing_notice, case.requires_legal_review) == (
        Decimal("40000.00"),
        False,
        False,
    )
    assert services.review_passed(case) is True
    assert review.current_round.amended_fine_amount == Decimal("40000.00")


def test_r_rev_008_amend_needs_a_different_lawful_penalty(in_review, reviewer):
    base = {
        "outcome": "amend",
        "checks": checks(discretion_appropriate="裁量不当"),
        "opinion": "变更",
        "changes": "变更罚款",
    }
    assert _refused(in_review, reviewer, **base).field == "amended_kinds"
    same = {"amended_kinds": ["fine"], "amended_fine_amount": Decimal("60000")}
    assert "相同" in _refused(in_review, reviewer, **base, **same).message
    no_fine = {"amended_kinds": ["warning"], "amended_fine_amount": Decimal("100")}
    assert _refused(in_review, reviewer, **base, **no_fine).field == "amended_fine_amount"
    assert _refused(in_review, reviewer, **{**base, "changes": ""}, **same).field == "changes"


def test_r_rev_008_correct_keeps_the_proposal_and_records_the_correction(in_review, reviewer):
    review = conclude(
        in_review, reviewer, "correct", problems={"documents_complete": "告知书引用条款有误"}, changes="更正引用条款"
    )
    case = PenaltyCase.objects.get(pk=review.penalty_case_id)
    assert (review.state, case.proposed_fine_amount, services.review_passed(case)) == (
        "approved",
        Decimal("60000.00"),
        True,
    )
    assert review.current_round.changes == "更正引用条款"


def test_r_rev_008_transfer_routes_the_case_to_the_judiciary(in_review, reviewer):
    review = conclude(in_review, reviewer, "transfer", problems={"crime_suspected": "涉案金额达到立案追诉标准"})
    case = PenaltyCase.objects.get(pk=review.penalty_case_id)
    assert (review.state, case.state, case.route, case.crime_suspected) == (
        "transferred",
        "awaiting_decision",
        "transfer",
        True,
    )
    assert case.legal_review_reasons == ["涉嫌犯罪，拟移送司法机关"]
    assert services.review_passed(case) is True  # the transfer decision itself is covered (R-REV-004)


def test_r_rev_008_transfer_needs_the_crime_point(in_review, reviewer):
    error = _refused(in_review, reviewer, outcome="transfer", checks=checks(facts_clear="不清"), opinion="移送")
    assert error.message == "建议移送的，须在“是否涉嫌犯罪”要点中写明涉嫌犯罪的理由（R-TRN-001）"


def test_r_rev_008_supplement_returns_the_case_to_the_handler(in_review, reviewer):
    review = conclude(in_review, reviewer, "supplement", problems={"evidence_sufficient": "缺少检验报告"})
    case = PenaltyCase.objects.get(pk=review.penalty_case_id)
    assert (review.state, case.state, services.review_passed(case)) == ("returned", "under_case_review", False)


@pytest.mark.parametrize(
    ("point", "why"),
    [
        ("crime_suspected", "涉嫌犯罪的，应作出“移送”或“补充”的意见，不得以罚代刑（R-TRN-001）"),
        (
            "subject_competent",
            "执法主体不合法或超越法定职权的，不能作出处理决定，应退回补充（移交有权机关或撤销立案）（R-REV-007）",
        ),
        (
            "officers_qualified",
            "执法人员不具备执法资格的，取得的证据不能作为定案依据，应退回补充（R-PER-001、R-REV-007）",
        ),
        ("facts_clear", "违法事实不清的，不得给予行政处罚，应退回补充调查（R-PEN-013）"),
        ("evidence_sufficient", "证据不足的，不得给予行政处罚，应退回补充调查（R-PEN-013）"),
    ],
)
@pytest.mark.parametrize("outcome", ["amend", "correct"])
def test_r_rev_007_a_problem_amend_or_correct_cannot_cure_is_refused(in_review, reviewer, point, why, outcome):
    amended = {"amended_kinds": ["fine"], "amended_fine_amount": Decimal("40000")} if outcome == "amend" else {}
    error = _refused(
        in_review,
        reviewer,
        outcome=outcome,
        checks=checks(**{point: "存在问题", "discretion_appropriate": "裁量偏重"}),
        opinion="变更",
        changes="罚款变更为四万元",
        **amended,
    )
    label = {"amend": "变更", "correct": "纠正"}[outcome]
    point_label = dict(ReviewCheck.choices)[point]
    assert (error.field, error.message) == (
        "outcome",
        f"审核要点“{point_label}”存在问题，不能以“{label}”意见通过：{why}",
    )


def test_r_trn_001_a_crime_problem_goes_to_transfer_or_supplement(in_review, reviewer):
    review = conclude(in_review, reviewer, "supplement", problems={"crime_suspected": "货值金额待核实，可能涉嫌犯罪"})
    assert review.state == "returned"


def test_r_rev_007_procedure_law_and_discretion_problems_may_be_corrected(in_review, reviewer):
    review = conclude(
        in_review,
        reviewer,
        "correct",
        problems={"law_correct": "罚则应引用第一百二十四条", "procedure_lawful": "告知书未载明听证权利"},
        changes="更正罚则条款，补正告知书",
    )
    assert (review.state, review.outcome) == ("approved", "correct")
