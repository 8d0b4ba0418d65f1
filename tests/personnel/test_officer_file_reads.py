"""R-REC-007 调阅留痕: reading an officer's file from outside the officer's agency is recorded."""

import pytest
from django.urls import reverse

from tests.personnel.factories import OfficerFactory
from zhifa.ledger.services import trail

pytestmark = pytest.mark.django_db


def test_r_rec_007_supervisor_read_is_recorded_own_agency_read_is_not(client, agency, supervisor, handler):
    officer = OfficerFactory(agency=agency)
    client.force_login(handler)
    assert client.get(reverse("personnel:officer-detail", args=[officer.pk])).status_code == 200
    assert list(trail(officer).filter(event_type="officer.viewed")) == []
    client.force_login(supervisor)
    assert client.get(reverse("personnel:officer-detail", args=[officer.pk])).status_code == 200
    reads = [(e.actor_id, e.agency_id, e.data) for e in trail(officer).filter(event_type="officer.viewed")]
    assert reads == [(supervisor.pk, agency.pk, {"viewer_agency_id": supervisor.agency_id})]


def test_a_refused_read_is_not_recorded(client, agency, neighbour_handler):
    officer = OfficerFactory(agency=agency)
    client.force_login(neighbour_handler)
    assert client.get(reverse("personnel:officer-detail", args=[officer.pk])).status_code == 404
    assert list(trail(officer)) == []
