"""R-PRV-006: full personal values only to the roles that need them, and every full view recorded."""

from __future__ import annotations

import pytest

from zhifa.core.errors import PermissionDenied
from zhifa.parties.errors import PartyError
from zhifa.parties.models import PersonalDataAccess
from zhifa.parties.services import reveal_personal_data

pytestmark = pytest.mark.django_db

ALLOWED = ["handler", "head", "legal_reviewer", "agency_admin", "other_agency_handler"]
REFUSED = ["supervisor", "auditor", "bureau_admin", "system_admin", "city_supervisor"]


@pytest.mark.parametrize("persona", ALLOWED)
def test_r_prv_006_roles_that_need_it_see_the_full_value_and_the_view_is_logged(request, person, persona):
    user = request.getfixturevalue(persona)
    value = reveal_personal_data(person, field="id_number", user=user, purpose="案件调查核实身份")
    assert value == "430181199203150020"
    access = PersonalDataAccess.objects.get()
    assert (access.user_id, access.party_id, access.field, access.purpose) == (
        user.pk,
        person.pk,
        "id_number",
        "案件调查核实身份",
    )


@pytest.mark.parametrize("persona", REFUSED)
def test_r_prv_006_supervisors_auditors_and_admins_are_refused_and_nothing_logged(request, person, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied) as exc:
        reveal_personal_data(person, field="id_number", user=user, purpose="监督检查")
    assert exc.value.status == 403
    assert PersonalDataAccess.objects.count() == 0


def test_r_prv_006_case_reviewer_may_reveal(person, agency):
    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role

    reviewer = UserFactory(username="reviewer", agency=agency, roles=[Role.CASE_REVIEWER])
    assert reveal_personal_data(person, field="phone", user=reviewer, purpose="案件审核") == "13812345678"


def test_r_prv_006_evaluator_is_refused(person, bureau):
    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role

    evaluator = UserFactory(username="evaluator", agency=bureau, roles=[Role.EVALUATOR])
    with pytest.raises(PermissionDenied):
        reveal_personal_data(person, field="phone", user=evaluator, purpose="评查")
    assert PersonalDataAccess.objects.count() == 0


def test_handler_of_another_region_is_refused(neighbour_handler, person):
    with pytest.raises(PermissionDenied):
        reveal_personal_data(person, field="id_number", user=neighbour_handler, purpose="办案")
    assert PersonalDataAccess.objects.count() == 0


def test_non_personal_field_is_refused(handler, company):
    with pytest.raises(PartyError) as exc:
        reveal_personal_data(company, field="phone", user=handler, purpose="办案")
    assert (exc.value.field, exc.value.message) == ("field", "该字段不是个人信息字段，无需申请查看")
    assert PersonalDataAccess.objects.count() == 0


def test_legal_representative_id_number_of_a_company_is_revealable(handler, company):
    value = reveal_personal_data(company, field="legal_representative_id_number", user=handler, purpose="送达核实")
    assert value == "430181199203150020"
    assert PersonalDataAccess.objects.get().field == "legal_representative_id_number"


def test_purpose_is_required(handler, person):
    with pytest.raises(PartyError) as exc:
        reveal_personal_data(person, field="id_number", user=handler, purpose="  ")
    assert (exc.value.field, exc.value.message) == ("purpose", "请填写查看用途")
    assert PersonalDataAccess.objects.count() == 0


def test_access_log_is_append_only(handler, person):
    reveal_personal_data(person, field="id_number", user=handler, purpose="办案")
    access = PersonalDataAccess.objects.get()
    access.purpose = "改写"
    with pytest.raises(Exception, match="只能新增"):
        access.save()
    with pytest.raises(Exception, match="不能删除"):
        access.delete()
    assert PersonalDataAccess.objects.get().purpose == "办案"


def test_r_prv_006_a_reveal_is_a_ledger_event_without_the_value(handler, person):
    from zhifa.ledger.models import Event
    from zhifa.parties.services import reveal_personal_data

    value = reveal_personal_data(person, field="id_number", user=handler, purpose="执法办案需要")
    event = Event.objects.get(event_type="party.personal_data_viewed")
    assert (event.actor_id, event.subject_id, event.data) == (
        handler.pk,
        str(person.pk),
        {"field": "id_number", "purpose": "执法办案需要"},
    )
    assert value not in event.payload


def test_r_prv_006_there_is_no_system_caller_for_a_full_view(person):
    """``core.permissions.require`` lets ``user=None`` through for trusted jobs; a full view is always someone's."""
    with pytest.raises(PermissionDenied):
        reveal_personal_data(person, field="id_number", user=None, purpose="批处理")
    assert PersonalDataAccess.objects.count() == 0
