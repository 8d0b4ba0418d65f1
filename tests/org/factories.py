"""Factories for org models: deterministic defaults; valid USCCs computed, never random."""

from __future__ import annotations

import factory

from zhifa.core.validators import uscc_check_char
from zhifa.org.choices import RegionLevel, Role
from zhifa.org.models import Agency, Region, RoleGrant, Sector, User


def make_uscc(serial: int, region_code: str = "430199") -> str:
    """A valid 统一社会信用代码: 11 (机关) + region + 9-char serial + check char."""
    body = f"11{region_code}{serial:09d}"
    return body + uscc_check_char(body)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"43{(n % 90) + 10:02d}{(n // 90) % 90 + 10:02d}")
    name = factory.Sequence(lambda n: f"测试县{n}")
    level = RegionLevel.COUNTY
    parent = None


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    code = "market_regulation"
    name = "市场监管"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"测试执法局{n}")
    uscc = factory.Sequence(lambda n: make_uscc(n + 1))
    region = factory.SubFactory(RegionFactory)
    legal_representative = "王局长"
    address = "湖南省长沙市示范县政务中心1号"
    phone = "0731-88880000"
    is_judicial_bureau = False

    class Params:
        judicial_bureau = factory.Trait(is_judicial_bureau=True, name=factory.Sequence(lambda n: f"测试司法局{n}"))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    name = factory.Sequence(lambda n: f"用户{n}")
    agency = factory.SubFactory(AgencyFactory)
    password = factory.django.Password("test-password-123")

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            RoleGrant.objects.bulk_create([RoleGrant(user=self, role=role) for role in extracted])
            self.__dict__.pop("_role_cache", None)


__all__ = ["AgencyFactory", "RegionFactory", "Role", "SectorFactory", "UserFactory", "make_uscc"]
