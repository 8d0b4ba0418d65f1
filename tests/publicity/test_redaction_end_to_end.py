"""Redaction, provably complete (R-PRV-001, R-PRV-003, R-PRV-004): generated personal data is put in every field of
a decision — the party's record, the case's cause, facts, reasons, evidence, and the officer's own lines on the
served 决定书 — the publication is submitted and approved through the services, and none of it appears on any
portal page or in the API; adults appear as surname + 某, minors not at all."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from rest_framework.test import APIClient

from tests.publicity.personal_data import PersonalData, inline_text, personal_data
from tests.publicity.support import portal_text, publish
from zhifa.cases import services as case_services
from zhifa.cases.models import InvestigativeStep, PenaltyCase
from zhifa.core.calendar import add_months
from zhifa.core.validators import birth_date_from_id_number
from zhifa.parties.choices import IdKind, PartyKind
from zhifa.parties.models import Party

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_memory_documents", "item_basis")]
pytest_plugins = ["tests.cases.document_fixtures"]  # the item's basis, in-memory storage
ADULT = PersonalData(
    "欧阳琰", "430181199001010011", "13912345678", "0731-88881234", "6222021234567890", "湖南省示范县槿檀路8号"
)
MINOR = PersonalData(
    "郦骁", "430181201001010011", "13712345678", "010-66668888", "6217001234567890123", "湖南省示范县桦榆路9号"
)
EXAMPLES = settings(
    max_examples=25, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _is_minor(data: PersonalData) -> bool:
    return add_months(birth_date_from_id_number(data.id_number), 18 * 12) > date(2026, 3, 2)


def _put_everywhere(case: PenaltyCase, data: PersonalData) -> None:
    """The party becomes a natural person described by ``data``; every text of the case mentions all of it."""
    text = inline_text(data)
    Party.objects.filter(pk=case.party_id).update(
        kind=PartyKind.NATURAL_PERSON,
        name=data.name,
        uscc="",
        id_kind=IdKind.RESIDENT_ID,
        id_number=data.id_number,
        birth_on=birth_date_from_id_number(data.id_number),
        legal_representative="",
        legal_representative_id_number="",
        phone=data.mobile,
        address=data.address,
    )
    PenaltyCase.objects.filter(pk=case.pk).update(cause=text[:200], facts=text, decision_reasoning=text)
    InvestigativeStep.objects.filter(penalty_case=case).update(place=data.address, summary=text)


def _everything_public(publication, head) -> str:
    api = APIClient()
    api.force_authenticate(head)
    return portal_text(publication) + api.get(f"/api/v1/publications/{publication.pk}/").content.decode("utf-8")


def _check(text: str, data: PersonalData) -> None:
    for secret in data.secrets():
        assert secret not in text
    if _is_minor(data):
        assert data.masked_name not in text
    else:
        assert data.masked_name in text


@EXAMPLES
@given(data=personal_data)
@example(data=ADULT)
@example(data=MINOR)
def test_r_prv_001_nothing_personal_reaches_the_portal_or_the_api(publication, handler, head, data):
    with transaction.atomic():
        _put_everywhere(publication.penalty_case, data)
        published = publish(publication, handler, head)
        _check(_everything_public(published, head), data)
        transaction.set_rollback(True)


@settings(max_examples=5, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=personal_data)
@example(data=MINOR)
def test_r_prv_001_nothing_personal_from_the_served_decision_reaches_the_portal(publication, handler, head, data):
    """The officer's own lines on the 决定书 (case summary, discretion reasons, the payment account) too."""
    with transaction.atomic():
        case = publication.penalty_case
        _put_everywhere(case, data)
        text = inline_text(data)
        extra = {
            "case_summary": text,
            "discretion_reason": text,
            "defense_summary": text,
            "payment_account": data.bank_account,
        }
        document = case_services.issue_case_document(actor=head, case=case, kind="penalty_decision", context=extra)
        receipt = case_services.issue_delivery_receipt(actor=handler, case=case, documents=[document])
        case_services.serve_case_document(
            actor=handler,
            case=case,
            document=document,
            method="direct",
            delivered_on=date(2026, 3, 2),
            receiver_name=data.name,
            receipt_document=receipt,
        )
        published = publish(publication, handler, head)
        assert published.source_document == document
        _check(_everything_public(published, head), data)
        transaction.set_rollback(True)
