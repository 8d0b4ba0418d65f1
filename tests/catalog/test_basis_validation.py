"""Finding 14: one basis validator for create, revise and publish (R-PEN-002)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.catalog.factories import EnforcementItemFactory
from zhifa.catalog import services
from zhifa.catalog.choices import EnforcementItemState, ItemKind
from zhifa.catalog.errors import BasisInvalid, CatalogError
from zhifa.catalog.models import EnforcementItem

pytestmark = pytest.mark.django_db


def test_revise_refuses_a_penalty_basis_on_a_non_penalty_item(agency_admin, agency, duty_article, penalty_article):
    item = EnforcementItemFactory(
        agency=agency, kind=ItemKind.INSPECTION, in_force=True, establishing_basis=[duty_article]
    )
    with pytest.raises(CatalogError) as raised:
        services.revise_item(user=agency_admin, item=item, penalty_basis=[penalty_article])
    assert (raised.value.field, raised.value.message) == ("penalty_basis", "只有行政处罚事项才填写处罚依据")
    assert EnforcementItem.objects.filter(code=item.code).count() == 1


def test_r_pen_002_create_refuses_a_normative_document_as_penalty_basis(agency_admin, agency, normative_article):
    sector = EnforcementItemFactory(agency=agency).sector
    with pytest.raises(BasisInvalid) as raised:
        services.create_item(
            user=agency_admin,
            agency=agency,
            sector=sector,
            code="CF9",
            name="对摆摊的行政处罚",
            kind=ItemKind.PENALTY,
            penalty_basis=[normative_article],
        )
    assert raised.value.field == "penalty_basis"
    assert EnforcementItem.objects.filter(code="CF9").count() == 0


def test_create_checks_the_establishing_basis_is_in_force_on_the_effective_day(agency_admin, agency, duty_article):
    sector = EnforcementItemFactory(agency=agency).sector
    with pytest.raises(BasisInvalid) as raised:
        services.create_item(
            user=agency_admin,
            agency=agency,
            sector=sector,
            code="JC9",
            name="某监督检查",
            kind=ItemKind.INSPECTION,
            establishing_basis=[duty_article],
            effective_on=date(2021, 7, 14),
        )
    assert (raised.value.field, raised.value.message) == (
        "establishing_basis",
        "《行政处罚法》第九条（2021年修订）在2021年7月14日不是现行有效版本",
    )
    assert EnforcementItem.objects.filter(code="JC9").count() == 0


def test_publish_checks_the_establishing_basis_is_in_force(agency_admin, agency, duty_article):
    item = EnforcementItemFactory(agency=agency, kind=ItemKind.INSPECTION, establishing_basis=[duty_article])
    with pytest.raises(BasisInvalid) as raised:
        services.publish_item(user=agency_admin, item=item, effective_on=date(2021, 7, 14))
    assert raised.value.field == "establishing_basis"
    assert EnforcementItem.objects.get(pk=item.pk).state == EnforcementItemState.DRAFT
    published = services.publish_item(user=agency_admin, item=item, effective_on=date(2021, 7, 15))
    assert published.state == EnforcementItemState.IN_FORCE


def test_revise_checks_the_bases_on_its_effective_day(agency_admin, agency, duty_article, penalty_article):
    item = EnforcementItemFactory(
        agency=agency, in_force=True, establishing_basis=[duty_article], penalty_basis=[penalty_article]
    )
    with pytest.raises(BasisInvalid) as raised:
        services.revise_item(user=agency_admin, item=item, effective_on=date(2020, 1, 1))
    assert raised.value.field == "establishing_basis"
    revision = services.revise_item(user=agency_admin, item=item, effective_on=date(2025, 1, 1))
    assert (revision.version, list(revision.penalty_basis.all())) == (2, [penalty_article])
