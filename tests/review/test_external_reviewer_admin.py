"""R-REV-005: who appoints an agency's external reviewers (外部法制审核人员: 司法局, 法律顾问, 公职律师) in the admin —
the agency's head or administrator for their own agency, the 司法局's administrator for the agencies of its region;
nobody else: not a staff user holding the model permission, not the superuser, not a handler, not another region's
bureau. An appointment is ended (在任 unticked), never deleted. A refused request changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
import rules
from django.contrib.auth.models import Permission

from tests.org.factories import UserFactory
from zhifa.org.choices import Role
from zhifa.review.models import ExternalReviewer

pytestmark = pytest.mark.django_db
ADD = "/admin/review/externalreviewer/add/"


@pytest.fixture
def lawyer(db):
    """A 法律顾问 of no agency (R-REV-005)."""
    return UserFactory(username="lawyer", name="陆律师", agency=None)


def _staff(user):
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def _form(agency, lawyer, **extra):
    return {
        "agency": agency.pk,
        "user": lawyer.pk,
        "capacity": "legal_adviser",
        "has_legal_professional_qualification": "on",
        "appointed_on": "2026-03-02",
        "is_active": "on",
    } | extra


@pytest.mark.parametrize(
    ("persona", "own", "other", "neighbour"),
    [
        ("head", True, False, False),
        ("agency_admin", True, False, False),
        ("bureau_admin", True, True, False),  # the county's 司法局: every agency of the county
        ("handler", False, False, False),
        ("supervisor", False, False, False),
        ("system_admin", False, False, False),
    ],
)
def test_r_rev_005_who_may_appoint_for_which_agency(
    request, persona, own, other, neighbour, agency, other_agency, neighbour_agency, lawyer
):
    user = request.getfixturevalue(persona)
    appointment = ExternalReviewer(agency=agency, user=lawyer, capacity="legal_adviser", appointed_on=date(2026, 3, 2))
    assert rules.has_perm("review.change_externalreviewer", user, appointment) is own
    assert rules.has_perm("review.add_externalreviewer", user, other_agency) is other
    assert rules.has_perm("review.add_externalreviewer", user, neighbour_agency) is neighbour
    assert rules.has_perm("review.delete_externalreviewer", user, appointment) is False


def test_the_head_appoints_a_lawyer_for_the_own_agency_only(client, head, agency, other_agency, lawyer):
    client.force_login(_staff(head))
    page = client.get(ADD)
    assert page.status_code == 200
    assert list(page.context["adminform"].form.fields["agency"].queryset) == [agency]
    refused = client.post(ADD, _form(other_agency, lawyer))
    assert refused.status_code == 200 and "agency" in refused.context["adminform"].form.errors
    assert ExternalReviewer.objects.count() == 0
    response = client.post(ADD, _form(agency, lawyer))
    assert response.status_code == 302
    appointment = ExternalReviewer.objects.get()
    assert (appointment.agency, appointment.user, appointment.has_legal_professional_qualification) == (
        agency,
        lawyer,
        True,
    )


def test_the_bureau_admin_appoints_within_its_region(client, bureau_admin, agency, neighbour_agency, lawyer):
    client.force_login(_staff(bureau_admin))
    refused = client.post(ADD, _form(neighbour_agency, lawyer))
    assert refused.status_code == 200 and ExternalReviewer.objects.count() == 0
    assert client.post(ADD, _form(agency, lawyer)).status_code == 302
    assert ExternalReviewer.objects.get().agency == agency


@pytest.mark.parametrize("persona", ["staff_with_model_permission", "system_admin", "handler"])
def test_a_staff_user_without_the_role_is_refused(client, request, persona, agency, lawyer):
    if persona == "staff_with_model_permission":
        user = _staff(UserFactory(username="clerk", agency=agency, roles=[Role.HANDLER]))
        user.user_permissions.add(*Permission.objects.filter(codename__endswith="_externalreviewer"))
    else:
        user = _staff(request.getfixturevalue(persona))
    client.force_login(user)
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, _form(agency, lawyer)).status_code == 403
    assert ExternalReviewer.objects.count() == 0


def test_an_appointment_is_ended_never_deleted(client, head, agency, lawyer):
    appointment = ExternalReviewer.objects.create(
        agency=agency, user=lawyer, capacity="legal_adviser", appointed_on=date(2026, 3, 2)
    )
    client.force_login(_staff(head))
    url = f"/admin/review/externalreviewer/{appointment.pk}/"
    assert client.post(f"{url}delete/", {"post": "yes"}).status_code == 403
    response = client.post(f"{url}change/", _form(agency, lawyer, is_active=""))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.is_active is False


def test_another_agencys_appointment_is_out_of_reach(client, head, other_agency, lawyer):
    appointment = ExternalReviewer.objects.create(
        agency=other_agency, user=lawyer, capacity="legal_adviser", appointed_on=date(2026, 3, 2)
    )
    client.force_login(_staff(head))
    response = client.post(f"/admin/review/externalreviewer/{appointment.pk}/change/", _form(other_agency, lawyer))
    assert response.status_code == 302 and response.url == "/admin/"  # not in the head's data scope
    appointment.refresh_from_db()
    assert appointment.has_legal_professional_qualification is False
