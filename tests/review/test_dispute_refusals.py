"""R-REV-009: a disagreement is raised on the opinion in force — the case's latest review, its opinion not yet acted
on and not already decided. A stale review, an opinion the case has moved on from (notice served, decided, transfer
proposed, proposal changed) or a dispute decided once are refused (409), nothing changed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.transfer_support import propose
from tests.review.lifecycle_support import MONDAY, decide, discuss, fresh, notify_and_submit
from tests.review.review_support import MATERIALS, conclude, major_case, submit
from zhifa.cases import services as case_services
from zhifa.cases.models import PenaltyCase
from zhifa.ledger.models import Event
from zhifa.review import services
from zhifa.review.errors import ReviewStateConflict

pytestmark = pytest.mark.django_db
AMENDED = Decimal("55000.00")  # still ≥ 50,000元: a major decision (R-HEA-002)


@pytest.fixture
def case(filed_case, handler, head, lead, co):
    return major_case(filed_case, handler, head, lead, co)


def _amended(case, handler, reviewer):
    review = services.take_legal_review(actor=reviewer, review=submit(case, handler))
    return conclude(
        review,
        reviewer,
        "amend",
        problems={"discretion_appropriate": "应从轻"},
        changes="罚款变更为五万五千元",
        amended_kinds=["fine"],
        amended_fine_amount=AMENDED,
    )


def _refused(review, handler, message):
    events = Event.objects.count()
    state = review.state
    with pytest.raises(ReviewStateConflict) as excinfo:
        services.dispute_legal_review(actor=handler, review=review, reason="不同意审核意见")
    review.refresh_from_db()
    assert (excinfo.value.field, excinfo.value.message) == ("state", message)
    assert (review.state, Event.objects.count()) == (state, events)


def test_r_rev_009_an_opinion_acted_on_by_the_notice_is_not_disputed(case, handler, reviewer):
    review = _amended(case, handler, reviewer)
    case_services.serve_prior_notice(actor=handler, case=fresh(case), served_on=MONDAY)
    _refused(review, handler, "案件已进入“已告知”环节，审核意见已经执行，不能再提出不同意见（R-REV-009）")
    assert services.dispute_refusal(review) != ""  # and the review page offers no dispute step


def test_r_rev_009_a_decided_case_is_not_disputed(case, handler, head, deputy, reviewer):
    review = _amended(case, handler, reviewer)
    notify_and_submit(case, handler)
    discuss(case, head, deputy, reviewer)
    decide(case, head, fine=AMENDED)
    _refused(review, handler, "案件已进入“已决定”环节，审核意见已经执行，不能再提出不同意见（R-REV-009）")


def test_r_rev_009_a_stale_review_is_not_disputed(case, handler, head, reviewer):
    stale = _amended(case, handler, reviewer)
    case_services.serve_prior_notice(actor=handler, case=fresh(case), served_on=MONDAY)
    case_services.record_defense(
        actor=handler,
        case=fresh(case),
        sent_on=MONDAY,
        received_on=MONDAY,
        content="当事人提交了新的进货凭证",
        review="采纳，事实有变化",
        changes_facts_or_penalty=True,
    )
    case_services.complete_case_review(actor=head, case=fresh(case), route="penalty", facts_clear=True, opinion="同意")
    latest = submit(fresh(case), handler, materials=[*MATERIALS, "defense_materials"])
    services.take_legal_review(actor=reviewer, review=latest)
    conclude(latest, reviewer)
    assert fresh(case).state == "under_case_review"  # the stale review's return state, yet it is not in force
    _refused(stale, handler, "该法制审核已不是本案最新的法制审核，不能再对其意见提出不同意见（R-REV-009）")


def test_r_rev_009_an_opinion_followed_by_a_new_case_review_is_not_disputed(case, handler, head, reviewer):
    review = _amended(case, handler, reviewer)
    case_services.complete_case_review(  # the case review now says: no penalty (→ 待决定)
        actor=head, case=fresh(case), route="no_penalty", facts_clear=True, opinion="首违不罚"
    )
    _refused(review, handler, "案件已进入“待决定”环节，审核意见已经执行，不能再提出不同意见（R-REV-009）")


def test_r_rev_009_an_approval_whose_basis_changed_is_not_disputed(case, handler, reviewer):
    review = _amended(case, handler, reviewer)
    PenaltyCase.objects.filter(pk=case.pk).update(facts="补充认定：违法所得另计")  # the facts changed since
    _refused(
        review,
        handler,
        "审核后本案的拟处理意见已经改变，该审核意见已不适用，不能再提出不同意见；请重新送审（R-REV-009）",
    )


def test_r_rev_009_a_transfer_under_way_is_not_disputed(case, handler, reviewer, lead, co):
    review = services.take_legal_review(actor=reviewer, review=submit(case, handler))
    review = conclude(review, reviewer, "transfer", problems={"crime_suspected": "货值金额达到追诉标准"})
    propose(fresh(case), handler, lead, co)
    _refused(review, handler, "本案已按审核意见提出涉嫌犯罪案件移送，不能再提出不同意见（R-REV-009）")


def test_r_rev_009_a_decided_dispute_is_not_raised_again(case, handler, head, reviewer):
    review = services.take_legal_review(actor=reviewer, review=submit(case, handler))
    review = conclude(review, reviewer, "supplement", problems={"evidence_sufficient": "缺少检验报告"})
    review = services.dispute_legal_review(actor=handler, review=review, reason="检验报告已在卷")
    review = services.resolve_legal_review_dispute(
        actor=head, review=review, resolution="review_upheld", reason="检验报告不完整，应补充"
    )
    assert (review.state, fresh(case).state) == ("returned", "under_case_review")
    _refused(review, handler, "该审核意见的分歧已由负责人（集体讨论）作出决定，不能再次提出（R-REV-009）")


def test_r_rev_009_the_opinion_in_force_is_disputed(case, handler, reviewer):
    review = _amended(case, handler, reviewer)
    assert services.dispute_refusal(review) == ""
    review = services.dispute_legal_review(actor=handler, review=review, reason="当事人拒不改正，不应从轻")
    assert (review.state, fresh(case).state, review.disputed_on) == ("disputed", "under_legal_review", date(2026, 3, 2))
