"""Registering and changing parties: kind-dependent required fields, identifier checks, nothing saved on error."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.parties.factories import make_id_number, make_party_uscc
from zhifa.core.errors import PermissionDenied
from zhifa.parties.choices import IdKind, PartyKind
from zhifa.parties.errors import PartyError
from zhifa.parties.models import Party
from zhifa.parties.services import register_party, update_party

pytestmark = pytest.mark.django_db


def _register(user, region, **kwargs):
    values = {"kind": PartyKind.LEGAL_PERSON, "name": "示范县恒达建筑工程有限公司", "legal_representative": "张三"}
    values.update(kwargs)
    return register_party(user=user, region=region, **values)


def _register_person(user, region, **kwargs):
    values = {
        "kind": PartyKind.NATURAL_PERSON,
        "name": "刘某",
        "legal_representative": "",
        "id_kind": IdKind.RESIDENT_ID,
    }
    values.update(kwargs)
    return register_party(user=user, region=region, **values)


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


def test_legal_person_registered_with_uppercased_uscc(handler, county):
    party = _register(handler, county, uscc="91430181ma4l00011x", phone="+86 138 1234 5678")
    party.refresh_from_db()
    assert (party.uscc, party.phone, party.region_id) == ("91430181MA4L00011X", "13812345678", county.pk)


def test_wrong_uscc_check_character_is_refused_and_nothing_saved(handler, county):
    with pytest.raises(ValidationError) as exc:
        _register(handler, county, uscc="91430181MA4L00011Y")
    assert _errors(exc) == {"uscc": ["统一社会信用代码校验位错误，请核对"]}
    assert Party.objects.count() == 0


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        (PartyKind.LEGAL_PERSON, "法人必须填写统一社会信用代码"),
        (PartyKind.OTHER_ORGANIZATION, "其他组织必须填写统一社会信用代码"),
    ],
)
def test_organizations_require_uscc(handler, county, kind, message):
    with pytest.raises(ValidationError) as exc:
        _register(handler, county, kind=kind)
    assert _errors(exc)["uscc"] == [message]


def test_individual_business_uscc_is_optional(handler, county):
    party = _register(
        handler,
        county,
        kind=PartyKind.INDIVIDUAL_BUSINESS,
        name="示范县李记粉面馆",
        id_number=make_id_number(7),
        id_kind=IdKind.RESIDENT_ID,
    )
    assert (party.uscc, party.birth_on) == ("", date(1990, 1, 1))


def test_individual_business_requires_operator_name(handler, county):
    with pytest.raises(ValidationError) as exc:
        _register(handler, county, kind=PartyKind.INDIVIDUAL_BUSINESS, legal_representative="")
    assert _errors(exc) == {"legal_representative": ["个体工商户必须填写经营者姓名"]}


def test_natural_person_requires_id_number(handler, county):
    with pytest.raises(ValidationError) as exc:
        _register(handler, county, kind=PartyKind.NATURAL_PERSON, name="刘某", legal_representative="")
    assert _errors(exc) == {"id_number": ["自然人必须填写证件号码"]}
    assert Party.objects.count() == 0


def test_natural_person_fifteen_digit_id_is_refused_with_its_message(handler, county):
    with pytest.raises(ValidationError) as exc:
        _register_person(handler, county, id_number="430181920315002")
    assert _errors(exc) == {"id_number": ["不接受15位旧身份证号码，请填写18位公民身份号码"]}


def test_natural_person_birth_date_derived_from_id_number(handler, county):
    party = _register_person(handler, county, id_number="11010519491231002x")
    assert (party.id_number, party.birth_on) == ("11010519491231002X", date(1949, 12, 31))


def test_hk_residence_permit_is_accepted(handler, county):
    party = _register_person(
        handler, county, name="陈某", id_kind=IdKind.RESIDENCE_PERMIT, id_number="810000199408230021"
    )
    assert party.birth_on == date(1994, 8, 23)


def test_passport_number_is_not_checked_as_resident_id(handler, county):
    party = _register_person(handler, county, name="John Smith", id_kind=IdKind.PASSPORT, id_number="E12345678")
    assert (party.id_number, party.birth_on) == ("E12345678", None)


def test_id_number_without_id_kind_is_refused(handler, county):
    with pytest.raises(ValidationError) as exc:
        _register_person(handler, county, id_kind="", id_number=make_id_number(1))
    assert _errors(exc) == {"id_kind": ["填写证件号码时必须选择证件类型"]}


def test_natural_person_cannot_have_uscc(handler, county):
    with pytest.raises(ValidationError) as exc:
        _register_person(handler, county, id_number=make_id_number(1), uscc=make_party_uscc(1))
    assert _errors(exc) == {"uscc": ["自然人没有统一社会信用代码，请清空该项或改选类别"]}


def test_legal_representative_id_number_is_validated(handler, county):
    with pytest.raises(ValidationError) as exc:
        _register(handler, county, uscc=make_party_uscc(1), legal_representative_id_number="430181199203150021")
    assert _errors(exc) == {"legal_representative_id_number": ["公民身份号码校验位错误，请核对"]}


def test_duplicate_uscc_is_refused_naming_the_field(handler, county):
    _register(handler, county, uscc=make_party_uscc(1))
    with pytest.raises(ValidationError) as exc:
        _register(handler, county, name="另一家公司", uscc=make_party_uscc(1).lower())
    assert _errors(exc) == {"uscc": [f"统一社会信用代码{make_party_uscc(1)}已登记，请勿重复登记"]}
    assert Party.objects.count() == 1


def test_several_parties_without_uscc_may_coexist(handler, county):
    for serial in (1, 2):
        _register_person(handler, county, name=f"刘某{serial}", id_number=make_id_number(serial))
    assert list(Party.objects.values_list("uscc", flat=True)) == ["", ""]


def test_bad_phone_is_refused(handler, county):
    with pytest.raises(ValidationError) as exc:
        _register(handler, county, uscc=make_party_uscc(1), phone="12345678901234")
    assert list(_errors(exc)) == ["phone"]


class TestWritePermission:
    @pytest.mark.parametrize("persona", ["handler", "agency_admin", "bureau_admin", "system_admin"])
    def test_writers_may_register(self, request, county, persona):
        user = request.getfixturevalue(persona)
        party = _register(user, county, uscc=make_party_uscc(1))
        assert Party.objects.get().pk == party.pk

    @pytest.mark.parametrize("persona", ["supervisor", "auditor", "head", "legal_reviewer"])
    def test_other_roles_may_not_register(self, request, county, persona):
        user = request.getfixturevalue(persona)
        with pytest.raises(PermissionDenied) as exc:
            _register(user, county, uscc=make_party_uscc(1))
        assert exc.value.message == "您没有登记行政相对人的权限"
        assert Party.objects.count() == 0

    def test_handler_may_not_register_in_another_region(self, handler, neighbour_county):
        with pytest.raises(PermissionDenied) as exc:
            _register(handler, neighbour_county, uscc=make_party_uscc(1))
        assert (exc.value.field, exc.value.message) == ("region", "所属行政区划不在您的数据范围内")
        assert Party.objects.count() == 0

    def test_update_changes_fields(self, handler, company):
        party = update_party(user=handler, party=company, changes={"risk_level": "high", "credit_rating": "C"})
        company.refresh_from_db()
        assert (party.risk_level, company.risk_level, company.credit_rating) == ("high", "high", "C")

    def test_update_outside_scope_is_refused_and_nothing_changes(self, neighbour_handler, company):
        with pytest.raises(PermissionDenied):
            update_party(user=neighbour_handler, party=company, changes={"risk_level": "high"})
        company.refresh_from_db()
        assert company.risk_level == "low"

    def test_update_of_unknown_field_is_refused(self, handler, company):
        with pytest.raises(PartyError) as exc:
            update_party(user=handler, party=company, changes={"birth_on": "2000-01-01"})
        assert (exc.value.field, exc.value.message) == ("birth_on", "不能修改的字段：birth_on")

    def test_update_with_invalid_uscc_saves_nothing(self, handler, company):
        original = company.uscc
        with pytest.raises(ValidationError) as exc:
            update_party(user=handler, party=company, changes={"uscc": "91430181MA4L00011Y", "risk_level": "high"})
        assert _errors(exc) == {"uscc": ["统一社会信用代码校验位错误，请核对"]}
        company.refresh_from_db()
        assert (company.uscc, company.risk_level) == (original, "low")
