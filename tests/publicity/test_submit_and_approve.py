"""提交 and 审核公开 (R-PUB-006, R-PUB-007, R-PUB-010, R-PRV-002): the handler submits the snapshot built from the
decision by redaction only, withholding flagged parts with a reason; only the agency's head publishes it, after
the decision is read again and both digests still match."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.publicity.support import publish
from zhifa.cases import services as case_services
from zhifa.core.errors import DomainError, PermissionDenied
from zhifa.ledger.models import Event
from zhifa.publicity import services
from zhifa.publicity.choices import PublicationState
from zhifa.publicity.models import Publication
from zhifa.publicity.services.sources import snapshot_digest

pytestmark = pytest.mark.django_db


def _refused(call, publication):
    before = (Publication.objects.values().get(pk=publication.pk), Event.objects.count())
    with pytest.raises(DomainError) as caught:
        call()
    assert (Publication.objects.values().get(pk=publication.pk), Event.objects.count()) == before
    return caught.value


def test_r_pub_006_submitted_then_published_by_the_head(publication, handler, head):
    services.submit_publication(actor=handler, publication=publication)
    publication.refresh_from_db()
    assert (publication.state, publication.submitted_by, publication.submitted_on) == (
        PublicationState.AWAITING_APPROVAL,
        handler,
        date(2026, 3, 2),
    )
    assert publication.snapshot_digest == snapshot_digest(publication.snapshot)
    published = services.approve_publication(actor=head, publication=publication)
    # R-PUB-010: warning + 10,000元 is a 较低数额罚款 (default threshold 10,000元 inclusive): 3 months
    assert (published.state, published.published_on, published.publicity_period_months, published.expires_on) == (
        PublicationState.PUBLISHED,
        date(2026, 3, 2),
        3,
        date(2026, 6, 2),
    )
    assert list(Event.objects.filter(subject_type="publicity.publication").values_list("event_type", flat=True)) == [
        "publication.created",
        "publication.submitted",
        "publication.published",
    ]


def test_r_pub_006_the_handler_cannot_publish(publication, handler):
    services.submit_publication(actor=handler, publication=publication)
    error = _refused(lambda: services.approve_publication(actor=handler, publication=publication), publication)
    assert isinstance(error, PermissionDenied)
    assert error.message == "只有本单位负责人可以审核公示（R-PUB-006）"


def test_someone_outside_the_case_cannot_submit(publication, other_agency_handler, legal_reviewer):
    for outsider in (other_agency_handler, legal_reviewer):
        error = _refused(lambda u=outsider: services.submit_publication(actor=u, publication=publication), publication)
        assert error.message == "只有本案承办人可以提交公示内容"


def test_r_pub_010_a_fine_above_the_low_amount_is_published_for_three_years(publication, handler, head, settings):
    settings.PUBLICITY = {"low_fine_amount": "9999.99"}
    published = publish(publication, handler, head)
    assert (published.publicity_period_months, published.expires_on) == (36, date(2029, 3, 2))


def test_r_prv_002_withheld_parts_need_a_reason_and_must_be_in_the_decision(publication, handler):
    cases = [
        (
            services.ExclusionInput(ground="trade_secret", reason="", key="facts"),
            "标注不予公开的内容须写明理由（R-PRV-002）",
        ),
        (services.ExclusionInput(ground="gossip", reason="x", key="facts"), "不予公开的理由“gossip”无效"),
        (services.ExclusionInput(ground="trade_secret", reason="x", key="nope"), "决定书中没有“nope”这一部分"),
        (
            services.ExclusionInput(ground="trade_secret", reason="x", text="不存在的配方"),
            "标注不予公开的文字“不存在的配方”未在决定书中出现",
        ),
    ]
    for exclusion, message in cases:
        error = _refused(
            lambda e=exclusion: services.submit_publication(actor=handler, publication=publication, exclusions=[e]),
            publication,
        )
        assert (error.field, error.message) == ("exclusions", message)


def test_r_prv_002_a_withheld_phrase_is_kept_internally_with_its_reason(publication, handler, head):
    exclusion = services.ExclusionInput(ground="trade_secret", reason="进货渠道属商业秘密", text="超过保质期")
    published = publish(publication, handler, head, exclusions=[exclusion])
    assert published.exclusions == [
        {"key": "", "text": "超过保质期", "ground": "trade_secret", "reason": "进货渠道属商业秘密"}
    ]
    facts = next(s for s in published.snapshot["sections"] if s["key"] == "facts")
    assert facts["text"] == "生产经营（涉及商业秘密，不予公开）的食品"
    assert "进货渠道属商业秘密" not in str(published.snapshot)


def test_r_pub_007_approval_is_refused_when_the_decision_changed_after_submission(publication, handler, head):
    services.submit_publication(actor=handler, publication=publication)
    case = publication.penalty_case
    case.facts = "另查明：当事人还销售了过期饮料"
    case.save(update_fields=["facts"])
    error = _refused(lambda: services.approve_publication(actor=head, publication=publication), publication)
    assert error.field == "source_digest"
    assert "请退回承办人重新提交（R-PUB-007）" in error.message


def test_r_pub_007_approval_is_refused_when_the_snapshot_no_longer_matches(publication, handler, head):
    services.submit_publication(actor=handler, publication=publication)
    Publication.objects.filter(pk=publication.pk).update(
        snapshot={**Publication.objects.get(pk=publication.pk).snapshot, "summary": "罚款1.00元"}
    )
    error = _refused(lambda: services.approve_publication(actor=head, publication=publication), publication)
    assert error.field == "snapshot"


def test_returned_submission_is_resubmitted(publication, handler, head):
    services.submit_publication(actor=handler, publication=publication)
    services.return_publication(actor=head, publication=publication, reason="请标注配方为商业秘密")
    publication.refresh_from_db()
    assert (publication.state, publication.return_reason) == (PublicationState.PENDING, "请标注配方为商业秘密")
    services.submit_publication(actor=handler, publication=publication)
    publication.refresh_from_db()
    assert (publication.state, publication.return_reason) == (PublicationState.AWAITING_APPROVAL, "")


def test_r_pub_010_a_confiscation_is_never_a_minor_penalty(notified_case, handler, head):
    notified_case.notified_kinds = ["fine", "confiscate_gains"]
    notified_case.notified_confiscation_amount = Decimal("100.00")
    notified_case.save(update_fields=["notified_kinds", "notified_confiscation_amount"])
    case_services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    case_services.submit_for_decision(actor=handler, case=notified_case)
    case = case_services.decide_case(
        actor=head,
        case=notified_case,
        decision_kind="penalty",
        penalty_kinds=["fine", "confiscate_gains"],
        fine_amount=Decimal("100.00"),
        confiscated_gains_amount=Decimal("100.00"),
    )
    published = publish(case.publications.get(), handler, head)
    assert published.publicity_period_months == 36
