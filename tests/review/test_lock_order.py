"""Lock order (PostgreSQL deadlocks): every step that locks a case and a review or discussion of it locks the case
first — as the cases services do, whose hooks then close a review (``review.services._common``). On SQLite the
row lock is not issued, but the order of the reads under ``select_for_update`` is the same, and is checked here."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.review.lifecycle_support import fresh, heads
from tests.review.review_support import conclude, major_case, submit
from zhifa.review import services

pytestmark = pytest.mark.django_db


def _first_locked(queries) -> list[str]:
    """The tables of the case/review/discussion reads, in order (first table after FROM)."""
    wanted = ('"cases_penaltycase"', '"review_legalreview"', '"review_collectivediscussion"')
    tables = []
    for query in queries:
        sql = query["sql"]
        if not sql.startswith("SELECT") or " FROM " not in sql:
            continue
        table = sql.split(" FROM ", 1)[1].split(" ", 1)[0]
        if table in wanted and table not in tables:
            tables.append(table)
    return tables


def test_concluding_a_review_locks_the_case_first(filed_case, handler, head, lead, co, reviewer):
    review = services.take_legal_review(
        actor=reviewer, review=submit(major_case(filed_case, handler, head, lead, co), handler)
    )
    with CaptureQueriesContext(connection) as ctx:
        conclude(review, reviewer)
    assert _first_locked(ctx.captured_queries)[:2] == ['"cases_penaltycase"', '"review_legalreview"']


def test_concluding_a_dispute_discussion_locks_case_discussion_review(
    filed_case, handler, head, deputy, lead, co, reviewer
):
    case = major_case(filed_case, handler, head, lead, co)
    review = services.take_legal_review(actor=reviewer, review=submit(case, handler))
    review = conclude(review, reviewer, "supplement", problems={"evidence_sufficient": "缺少检验报告"})
    review = services.dispute_legal_review(actor=handler, review=review, reason="检验报告已在卷")
    discussion = services.convene_discussion(
        actor=head, case=fresh(case), topic="review_dispute", question="是否维持法制审核意见", legal_review=review
    )
    with CaptureQueriesContext(connection) as ctx:
        services.conclude_discussion(
            actor=head,
            discussion=discussion,
            participants=heads(head, deputy, reviewer),
            conclusion="adopted",
            conclusion_text="维持法制审核意见",
        )
    assert _first_locked(ctx.captured_queries) == [
        '"cases_penaltycase"',
        '"review_collectivediscussion"',
        '"review_legalreview"',
    ]
