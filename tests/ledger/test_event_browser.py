"""R-REC-007 / R-SUP-008: supervisors see who read what and when; the browser is scoped and role-gated."""

import pytest
from django.urls import reverse

from tests.personnel.factories import OfficerFactory
from zhifa.ledger.models import Event
from zhifa.ledger.services import record, record_view

pytestmark = pytest.mark.django_db


def test_r_rec_007_supervisor_sees_reads_of_the_region(client, supervisor, agency, other_agency, neighbour_agency):
    officer = OfficerFactory(agency=agency)
    record_view(viewer=supervisor, subject=officer, agency=agency)
    record(event_type="agency.changed", agency=neighbour_agency, subject=neighbour_agency)
    client.force_login(supervisor)
    response = client.get(reverse("ledger:event-list"), {"kind": "reads"})
    assert response.status_code == 200
    rows = list(response.context["page"].object_list)
    assert [(e.event_type, e.actor_id) for e in rows] == [("officer.viewed", supervisor.pk)]
    assert "执法人员 · 调阅" in response.content.decode()


def test_neighbour_region_events_are_not_visible(supervisor, neighbour_agency, agency):
    record(event_type="agency.changed", agency=neighbour_agency, subject=neighbour_agency)
    record(event_type="agency.changed", agency=agency, subject=agency)
    assert list(Event.objects.visible_to(supervisor).values_list("agency_id", flat=True)) == [agency.pk]


def test_agency_users_do_not_see_installation_wide_events(agency_admin, agency, supervisor):
    record(event_type="law.registered")
    record(event_type="agency.changed", agency=agency, subject=agency)
    assert Event.objects.visible_to(agency_admin).count() == 1
    assert Event.objects.visible_to(supervisor).count() == 2


def test_handlers_may_not_browse_the_record(client, handler):
    client.force_login(handler)
    response = client.get(reverse("ledger:event-list"))
    assert response.status_code == 403


def test_filter_by_subject(client, supervisor, agency, other_agency):
    record(event_type="agency.changed", agency=agency, subject=agency)
    record(event_type="agency.changed", agency=other_agency, subject=other_agency)
    client.force_login(supervisor)
    response = client.get(reverse("ledger:event-list"), {"subject": f"org.agency:{other_agency.pk}"})
    assert [e.subject_id for e in response.context["page"].object_list] == [str(other_agency.pk)]


def test_admin_shows_the_record_read_only(client, system_admin):
    record(event_type="test.recorded")
    client.force_login(system_admin)
    event = Event.objects.get()
    assert client.get("/admin/ledger/event/").status_code == 200
    page = client.get(f"/admin/ledger/event/{event.sequence}/change/")
    assert page.status_code == 200
    assert client.post(f"/admin/ledger/event/{event.sequence}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/ledger/event/add/").status_code == 403
    assert Event.objects.count() == 1
