"""R-REC-001: a change made in /admin/ is a ledger event like any service change (field names only)."""

import pytest

from zhifa.core.models import CalendarDay
from zhifa.ledger.services import trail, verify_chain
from zhifa.org.models import Department

pytestmark = pytest.mark.django_db


def test_admin_change_of_an_agency_is_recorded(client, system_admin, agency):
    client.force_login(system_admin)
    url = f"/admin/org/agency/{agency.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in {"sectors"}}
    data.update(
        {
            "region": agency.region_id,
            "phone": "0731-12345678",
            "departments-TOTAL_FORMS": "1",
            "departments-INITIAL_FORMS": "0",
            "departments-0-name": "执法大队",
            "departments-0-is_legal_unit": "",
        }
    )
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert [(e.event_type, e.actor_id, e.data) for e in trail(agency)] == [
        ("agency.changed", system_admin.pk, {"fields": ["phone"], "via": "admin"})
    ]
    department = Department.objects.get(agency=agency)
    assert [e.event_type for e in trail(department)] == ["department.created"]
    assert verify_chain().ok


def test_admin_calendar_edit_is_recorded_without_values(client, system_admin):
    client.force_login(system_admin)
    response = client.post(
        "/admin/core/calendarday/add/",
        {"date": "2027-01-01", "is_working_day": "", "name": "元旦", "region_code": ""},
    )
    assert response.status_code == 302
    day = CalendarDay.objects.get(date="2027-01-01")
    assert [(e.event_type, e.data) for e in trail(day)] == [
        ("calendar_day.created", {"fields": ["date", "name"], "via": "admin"})
    ]
