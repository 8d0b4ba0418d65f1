"""The publication state machine refuses what its state does not allow (409, naming the state) and incomplete
steps (400, naming the field), in Chinese; a refused step changes nothing and records nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.publicity.support import publish
from zhifa.ledger.models import Event
from zhifa.publicity import services
from zhifa.publicity.errors import PublicationError, PublicationStateConflict
from zhifa.publicity.models import Publication

pytestmark = pytest.mark.django_db


def _refused(call, publication, error_class):
    before = (Publication.objects.values().get(pk=publication.pk), Event.objects.count())
    with pytest.raises(error_class) as caught:
        call()
    assert (Publication.objects.values().get(pk=publication.pk), Event.objects.count()) == before
    return caught.value.field, caught.value.message


def test_a_pending_publication_cannot_be_approved_returned_or_withdrawn(publication, head):
    calls = {
        "审核公开": lambda: services.approve_publication(actor=head, publication=publication),
        "退回": lambda: services.return_publication(actor=head, publication=publication, reason="x"),
        "撤下": lambda: services.withdraw_publication(
            actor=head, publication=publication, ground="annulled", reason="x", ground_on=date(2026, 3, 2)
        ),
    }
    for action, call in calls.items():
        assert _refused(call, publication, PublicationStateConflict) == (
            "state",
            f"公示当前状态为“待公示”，不能{action}",
        )


def test_a_submitted_publication_is_not_submitted_again(publication, handler):
    services.submit_publication(actor=handler, publication=publication)
    assert _refused(
        lambda: services.submit_publication(actor=handler, publication=publication),
        publication,
        PublicationStateConflict,
    ) == ("state", "公示当前状态为“待审核”，不能提交")


def test_a_published_publication_cannot_be_exempted_or_resubmitted(publication, handler, head):
    publish(publication, handler, head)
    assert _refused(
        lambda: services.exempt_publication(actor=head, publication=publication, reason="privacy", note_text="x"),
        publication,
        PublicationStateConflict,
    ) == ("state", "公示当前状态为“已公示”，不能批准不予公开")
    assert _refused(
        lambda: services.submit_publication(actor=handler, publication=publication),
        publication,
        PublicationStateConflict,
    ) == ("state", "公示当前状态为“已公示”，不能提交")


def test_a_withdrawn_publication_is_final(publication, handler, head):
    publish(publication, handler, head)
    services.withdraw_publication(
        actor=head, publication=publication, ground="annulled", reason="复议决定撤销", ground_on=date(2026, 3, 2)
    )
    assert _refused(
        lambda: services.approve_publication(actor=head, publication=publication), publication, PublicationStateConflict
    ) == ("state", "公示当前状态为“已撤下”，不能审核公开")


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        (
            {"reason": "", "note_text": "涉及配方"},
            "exemption_reason",
            "不予公开的理由只能是国家秘密、商业秘密或个人隐私（R-PUB-006）",
        ),
        (
            {"reason": "convenience", "note_text": "x"},
            "exemption_reason",
            "不予公开的理由只能是国家秘密、商业秘密或个人隐私（R-PUB-006）",
        ),
        ({"reason": "trade_secret", "note_text": "  "}, "exemption_note", "请写明不予公开的具体理由（R-PUB-006）"),
    ],
)
def test_r_pub_006_not_publishing_needs_a_lawful_reason(publication, head, kwargs, field, message):
    assert _refused(
        lambda: services.exempt_publication(actor=head, publication=publication, **kwargs),
        publication,
        PublicationError,
    ) == (field, message)


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        (
            {"ground": "dislike", "reason": "x", "ground_on": date(2026, 3, 2)},
            "withdrawal_ground",
            "撤下情形“dislike”无效",
        ),
        (
            {"ground": "annulled", "reason": " ", "ground_on": date(2026, 3, 2)},
            "withdrawal_reason",
            "请填写撤下理由（R-PUB-008）",
        ),
        (
            {"ground": "annulled", "reason": "x", "ground_on": date(2026, 3, 3)},
            "ground_on",
            "情形发生日期应在决定日期（2026年3月2日）之后且不晚于今天",
        ),
    ],
)
def test_r_pub_008_a_withdrawal_names_its_ground_reason_and_day(publication, handler, head, kwargs, field, message):
    publish(publication, handler, head)
    assert _refused(
        lambda: services.withdraw_publication(actor=head, publication=publication, **kwargs),
        publication,
        PublicationError,
    ) == (field, message)


def test_returning_needs_a_reason(publication, handler, head):
    services.submit_publication(actor=handler, publication=publication)
    assert _refused(
        lambda: services.return_publication(actor=head, publication=publication, reason=" "),
        publication,
        PublicationError,
    ) == ("reason", "请填写退回理由")
