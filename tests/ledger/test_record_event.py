"""ledger.record: gapless SM3 chain, canonical payloads, same transaction as the change (R-REC-001, R-REC-006)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction

from zhifa.ledger.canonical import GENESIS_HASH, NotCanonical, chain_hash, event_body
from zhifa.ledger.errors import LedgerError
from zhifa.ledger.models import ChainHead, Event
from zhifa.ledger.services import record, trail

pytestmark = pytest.mark.django_db


def test_r_rec_006_events_form_a_gapless_sm3_chain(handler, agency):
    first = record(event_type="agency.changed", actor=handler, agency=agency, subject=agency, payload={"phone": "1"})
    second = record(event_type="agency.changed", actor=handler, agency=agency, subject=agency, payload={"phone": "2"})
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    body = event_body(
        sequence=2,
        recorded_at_us=second.recorded_at_us,
        event_type="agency.changed",
        actor_id=handler.pk,
        officer_id=None,
        agency_id=agency.pk,
        subject_type="org.agency",
        subject_id=str(agency.pk),
        payload='{"phone":"2"}',
    )
    assert second.hash == chain_hash(first.hash, body)
    assert len(second.hash) == 64
    head = ChainHead.objects.get()
    assert (head.sequence, head.hash) == (2, second.hash)


def test_r_rec_001_event_rolls_back_with_the_change_and_leaves_no_gap(agency):
    with pytest.raises(RuntimeError), transaction.atomic():
        record(event_type="agency.changed", agency=agency, payload={})
        raise RuntimeError("the change failed")
    assert Event.objects.count() == 0
    assert record(event_type="agency.changed", agency=agency).sequence == 1


def test_payload_is_stored_exactly_as_hashed_money_as_strings():
    event = record(event_type="test.recorded", payload={"b": Decimal("10873.00"), "a": date(2026, 3, 31), "n": 3})
    event.refresh_from_db()
    assert event.payload == '{"a":"2026-03-31","b":"10873.00","n":3}'
    assert event.data == {"a": "2026-03-31", "b": "10873.00", "n": 3}


def test_recorded_at_is_the_utc_time_of_the_hashed_microsecond_count():
    import time_machine

    with time_machine.travel("2026-11-24T22:01:02.000123Z", tick=False):
        event = record(event_type="test.recorded")
    assert event.recorded_at_us == 1795557662000123
    assert event.recorded_at.isoformat() == "2026-11-24T22:01:02.000123+00:00"


def test_strings_that_would_need_escaping_are_refused_in_identifiers():
    with pytest.raises(LedgerError):
        record(event_type='test.re"corded')


def test_floats_are_refused():
    with pytest.raises(NotCanonical, match="floats are not allowed"):
        record(event_type="test.recorded", payload={"amount": 1.5})
    assert Event.objects.count() == 0


def test_event_type_must_be_dotted():
    with pytest.raises(LedgerError) as excinfo:
        record(event_type="changed")
    assert excinfo.value.field == "event_type"


def test_trail_lists_one_subjects_events_in_order(agency, other_agency):
    record(event_type="agency.changed", subject=agency, payload={"n": 1})
    record(event_type="agency.changed", subject=other_agency, payload={"n": 2})
    record(event_type="agency.viewed", subject=agency, payload={"n": 3})
    assert [e.data["n"] for e in trail(agency)] == [1, 3]
