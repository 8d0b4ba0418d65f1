"""How import rows find an existing party: only inside the importer's scope (finding 8), individual businesses
without USCC by their operator's ID (finding 16)."""

from __future__ import annotations

import pytest

from tests.parties.factories import PartyFactory, make_id_number, make_party_uscc
from tests.parties.test_import import COMPANY, PERSON, SHOP, _xlsx
from zhifa.core.excel import ImportFailed, get_spec, import_workbook
from zhifa.parties.models import Party

pytestmark = pytest.mark.django_db

SHOP_WITHOUT_USCC = [*SHOP[:2], "", *SHOP[3:]]


def _import(user, *rows):
    return import_workbook(get_spec("parties"), _xlsx(*rows), user=user)


def test_r_prv_006_a_person_registered_outside_the_scope_is_neither_revealed_nor_touched(
    handler, county, neighbour_person
):
    result = _import(handler, [*PERSON[:4], neighbour_person.id_number, *PERSON[5:]])
    assert result.rows == 1
    assert sorted(
        Party.objects.filter(id_number=neighbour_person.id_number).values_list("region__code", flat=True)
    ) == [
        "430198",
        "430199",
    ]
    neighbour_person.refresh_from_db()
    assert neighbour_person.name == "邻县居民"


def test_a_company_outside_the_scope_gets_the_plain_duplicate_message(handler, county, neighbour_county):
    PartyFactory(region=neighbour_county, uscc=make_party_uscc(1), name="邻县某公司")
    with pytest.raises(ImportFailed) as raised:
        _import(handler, COMPANY)
    messages = [(e.column, e.message) for e in raised.value.errors]
    assert messages == [("统一社会信用代码", f"统一社会信用代码{make_party_uscc(1)}已登记，请勿重复登记")]
    assert Party.objects.get().name == "邻县某公司"


def test_reimporting_an_individual_business_without_uscc_updates_it(handler, county):
    _import(handler, SHOP_WITHOUT_USCC)
    _import(handler, [*SHOP_WITHOUT_USCC[:11], "高"])
    shop = Party.objects.get()
    assert (shop.kind, shop.id_number, shop.risk_level) == ("individual_business", make_id_number(5), "high")


def test_an_individual_business_gets_its_uscc_on_reimport(handler, county):
    _import(handler, SHOP_WITHOUT_USCC)
    _import(handler, SHOP)
    assert list(Party.objects.values_list("uscc", flat=True)) == [make_party_uscc(2, prefix="92")]


def test_two_businesses_of_one_operator_without_uscc_ask_for_the_uscc(handler, county):
    for name in ("甲店", "乙店"):
        PartyFactory(
            individual_business=True, region=county, name=name, uscc="", id_number=make_id_number(5, birth="19900101")
        )
    with pytest.raises(ImportFailed) as raised:
        _import(handler, SHOP_WITHOUT_USCC)
    assert [(e.column, e.message) for e in raised.value.errors] == [
        ("证件号码", "该证件号码在您的数据范围内对应多个相对人，请填写统一社会信用代码以区分")
    ]
    assert Party.objects.count() == 2
