"""Factories for parties: deterministic, valid identifiers computed (never random)."""

from __future__ import annotations

import factory

from zhifa.core.validators import id_number_check_digit, organization_code_check_char, uscc_check_char
from zhifa.parties.choices import IdKind, PartyKind, RiskLevel
from zhifa.parties.models import Party


def make_party_uscc(serial: int, *, prefix: str = "91", region_code: str = "430199") -> str:
    body = f"MA4T{serial:04d}"
    first17 = f"{prefix}{region_code}{body}{organization_code_check_char(body)}"
    return first17 + uscc_check_char(first17)


def make_id_number(serial: int, *, address: str = "430181", birth: str = "19900101") -> str:
    first17 = f"{address}{birth}{serial % 1000:03d}"
    return first17 + id_number_check_digit(first17)


class PartyFactory(factory.django.DjangoModelFactory):
    """A 法人 by default; traits ``natural_person`` and ``individual_business``. ``region`` must be given."""

    class Meta:
        model = Party

    kind = PartyKind.LEGAL_PERSON
    name = factory.Sequence(lambda n: f"示范县测试{n}餐饮有限公司")
    uscc = factory.Sequence(lambda n: make_party_uscc(n + 1))
    legal_representative = "张三"
    address = "湖南省长沙市示范县人民路1号"
    phone = "0731-88881234"
    industry = "餐饮"
    risk_level = RiskLevel.LOW

    class Params:
        natural_person = factory.Trait(
            kind=PartyKind.NATURAL_PERSON,
            name=factory.Sequence(lambda n: f"刘某{n}"),
            uscc="",
            legal_representative="",
            id_kind=IdKind.RESIDENT_ID,
            id_number=factory.Sequence(lambda n: make_id_number(n + 1)),
            address="湖南省长沙市示范县青山村3组12号",
            phone="13812345678",
            industry="",
        )
        individual_business = factory.Trait(
            kind=PartyKind.INDIVIDUAL_BUSINESS,
            name=factory.Sequence(lambda n: f"示范县测试{n}小吃店"),
            uscc=factory.Sequence(lambda n: make_party_uscc(n + 1, prefix="92")),
            legal_representative="王五",
            id_kind=IdKind.RESIDENT_ID,
            id_number=factory.Sequence(lambda n: make_id_number(n + 1, birth="19850505")),
            phone="13912345678",
        )
