"""The admin shows cases read-only, inside the viewer's case-data scope; it never changes a case."""

from __future__ import annotations

import pytest

from tests.org.factories import UserFactory
from zhifa.org.choices import Role

pytestmark = pytest.mark.django_db


def test_system_admin_sees_no_case_data_and_cannot_add(client, system_admin, filed_case):
    client.force_login(system_admin)
    response = client.get("/admin/cases/penaltycase/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    assert client.get("/admin/cases/penaltycase/add/").status_code == 403
    assert client.get(f"/admin/cases/penaltycase/{filed_case.pk}/change/").status_code == 302  # not in scope


def test_staff_of_the_agency_views_the_case_read_only(client, agency, filed_case):
    staff = UserFactory(username="agency_super", agency=agency, roles=[Role.HEAD], is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get("/admin/cases/penaltycase/").context["cl"].result_count == 1
    response = client.get(f"/admin/cases/penaltycase/{filed_case.pk}/change/")
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    response = client.post(f"/admin/cases/penaltycase/{filed_case.pk}/change/", {"state": "archived"})
    assert response.status_code == 403
    filed_case.refresh_from_db()
    assert filed_case.state == "filed"
    assert client.post(f"/admin/cases/penaltycase/{filed_case.pk}/delete/").status_code == 403


def test_execution_records_show_read_only_in_the_case_admin(client, agency, notified_case, handler, head):
    """执行 records (催告 here) appear in the case's admin page, with no way to add, change or delete them."""
    from datetime import date

    from tests.cases.execution_support import decide_and_serve, demand

    case = decide_and_serve(notified_case, handler, head)
    demand(case, handler, date(2026, 4, 2), date(2026, 4, 13))
    staff = UserFactory(username="agency_super", agency=agency, roles=[Role.HEAD], is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get(f"/admin/cases/penaltycase/{case.pk}/change/")
    assert response.status_code == 200
    inline = next(f for f in response.context["inline_admin_formsets"] if f.opts.model.__name__ == "DemandNotice")
    assert len(inline.formset.forms) == 1
    assert (inline.has_add_permission, inline.has_change_permission, inline.has_delete_permission) == (
        False,
        False,
        False,
    )
