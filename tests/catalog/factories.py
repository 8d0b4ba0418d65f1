"""Factories for catalog models: deterministic defaults; traits for states."""

from __future__ import annotations

from datetime import date

import factory

from tests.org.factories import AgencyFactory, SectorFactory
from zhifa.catalog.choices import EnforcementItemState, ItemKind, ItemLevel
from zhifa.catalog.models import EnforcementItem


class EnforcementItemFactory(factory.django.DjangoModelFactory):
    """A draft penalty item. ``in_force=True`` publishes it (effective 2024-01-01)."""

    class Meta:
        model = EnforcementItem
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"43019911CF{n + 1:04d}")
    name = factory.Sequence(lambda n: f"对违法行为{n}的行政处罚")
    kind = ItemKind.PENALTY
    agency = factory.SubFactory(AgencyFactory)
    sector = factory.SubFactory(SectorFactory)
    item_level = ItemLevel.COUNTY
    state = EnforcementItemState.DRAFT

    class Params:
        in_force = factory.Trait(state=EnforcementItemState.IN_FORCE, effective_on=date(2024, 1, 1))

    @factory.post_generation
    def add_sector(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.agency.sectors.add(self.sector)

    @factory.post_generation
    def establishing_basis(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.establishing_basis.set(extracted)

    @factory.post_generation
    def penalty_basis(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.penalty_basis.set(extracted)
