"""Enforcement item life: draft → in force → suspended/resumed → revised (superseded) → abolished."""

from __future__ import annotations

from datetime import date

import pytest

from tests.catalog.factories import EnforcementItemFactory
from zhifa.catalog import services
from zhifa.catalog.choices import EnforcementItemState, ItemKind
from zhifa.catalog.errors import BasisInvalid, BasisMissing, ItemStateConflict
from zhifa.catalog.models import EnforcementItem
from zhifa.core.errors import PermissionDenied
from zhifa.org.models import Sector

pytestmark = pytest.mark.django_db


def _fresh(item):
    return EnforcementItem.objects.get(pk=item.pk)


def test_agency_admin_creates_and_publishes_an_item(agency_admin, agency, penalty_article, duty_article):
    sector = Sector.objects.create(code="market_regulation", name="市场监管")
    agency.sectors.add(sector)
    item = services.create_item(
        user=agency_admin,
        agency=agency,
        sector=sector,
        code=" 43019911CF0001 ",
        name="对某违法行为的行政处罚",
        kind=ItemKind.PENALTY,
        establishing_basis=[duty_article],
        penalty_basis=[penalty_article],
    )
    assert (item.code, item.state, item.version) == ("43019911CF0001", EnforcementItemState.DRAFT, 1)
    published = services.publish_item(user=agency_admin, item=item, effective_on=date(2024, 1, 1))
    assert (published.state, published.effective_on) == (EnforcementItemState.IN_FORCE, date(2024, 1, 1))


def test_sector_must_be_one_of_the_agency(agency_admin, agency):
    sector = Sector.objects.create(code="transport", name="交通运输")
    with pytest.raises(Exception) as raised:
        services.create_item(
            user=agency_admin, agency=agency, sector=sector, code="X1", name="某事项", kind=ItemKind.INSPECTION
        )
    assert raised.value.message_dict == {"sector": [f"执法领域“交通运输”不在{agency.name}的执法领域内"]}
    assert EnforcementItem.objects.count() == 0


def test_another_agency_admin_may_not_create_for_this_agency(other_agency, agency, penalty_article):
    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role

    other_admin = UserFactory(agency=other_agency, roles=[Role.AGENCY_ADMIN])
    sector = Sector.objects.create(code="market_regulation", name="市场监管")
    agency.sectors.add(sector)
    with pytest.raises(PermissionDenied):
        services.create_item(
            user=other_admin, agency=agency, sector=sector, code="X1", name="某事项", kind=ItemKind.INSPECTION
        )
    assert EnforcementItem.objects.count() == 0


def test_handler_may_not_publish_and_nothing_changes(handler, agency, penalty_article):
    item = EnforcementItemFactory(agency=agency, penalty_basis=[penalty_article])
    with pytest.raises(PermissionDenied):
        services.publish_item(user=handler, item=item)
    assert _fresh(item).state == EnforcementItemState.DRAFT


def test_r_pen_002_penalty_item_needs_a_penalty_basis(agency_admin, agency, duty_article):
    item = EnforcementItemFactory(agency=agency, establishing_basis=[duty_article])
    with pytest.raises(BasisMissing) as raised:
        services.publish_item(user=agency_admin, item=item)
    assert raised.value.message == "行政处罚事项须填写处罚依据（R-PEN-002）"
    assert _fresh(item).state == EnforcementItemState.DRAFT


def test_an_item_without_any_basis_cannot_be_published(agency_admin, agency):
    item = EnforcementItemFactory(agency=agency, kind=ItemKind.INSPECTION)
    with pytest.raises(BasisMissing) as raised:
        services.publish_item(user=agency_admin, item=item)
    assert raised.value.field == "establishing_basis"


def test_r_pen_002_a_normative_document_cannot_set_a_penalty(agency_admin, agency, normative_article):
    item = EnforcementItemFactory(agency=agency, penalty_basis=[normative_article])
    with pytest.raises(BasisInvalid) as raised:
        services.publish_item(user=agency_admin, item=item, effective_on=date(2024, 1, 1))
    assert raised.value.message == "《摊点通知》第五条出自规范性文件，规范性文件不得设定行政处罚（R-PEN-002）"


def test_r_pen_002_penalty_basis_must_be_in_force_on_the_effective_day(agency_admin, agency, penalty_article):
    item = EnforcementItemFactory(agency=agency, penalty_basis=[penalty_article])
    with pytest.raises(BasisInvalid) as raised:
        services.publish_item(user=agency_admin, item=item, effective_on=date(2021, 7, 14))
    assert raised.value.message == "《行政处罚法》第五十一条（2021年修订）在2021年7月14日不是现行有效版本（R-PEN-002）"
    published = services.publish_item(user=agency_admin, item=item, effective_on=date(2021, 7, 15))
    assert published.state == EnforcementItemState.IN_FORCE


def test_suspend_and_resume(agency_admin, agency):
    item = EnforcementItemFactory(agency=agency, in_force=True)
    assert services.suspend_item(user=agency_admin, item=item).state == EnforcementItemState.SUSPENDED
    with pytest.raises(ItemStateConflict) as raised:
        services.suspend_item(user=agency_admin, item=item)
    assert raised.value.message == "事项状态为“暂停”，只有有效事项可以暂停"
    assert services.resume_item(user=agency_admin, item=item).state == EnforcementItemState.IN_FORCE


def test_revision_is_a_draft_until_published_then_supersedes_the_previous_version(
    agency_admin, agency, penalty_article
):
    item = EnforcementItemFactory(agency=agency, in_force=True, penalty_basis=[penalty_article])
    revision = services.revise_item(user=agency_admin, item=item, name="对某违法行为的行政处罚（修订）")
    assert (revision.version, revision.state, revision.previous_version_id) == (2, EnforcementItemState.DRAFT, item.pk)
    assert list(revision.penalty_basis.all()) == [penalty_article]
    assert _fresh(item).state == EnforcementItemState.IN_FORCE
    with pytest.raises(ItemStateConflict):
        services.revise_item(user=agency_admin, item=item)
    services.publish_item(user=agency_admin, item=revision, effective_on=date(2025, 1, 1))
    old = _fresh(item)
    assert (old.state, old.ended_on) == (EnforcementItemState.SUPERSEDED, date(2025, 1, 1))
    assert _fresh(revision).state == EnforcementItemState.IN_FORCE


def test_a_draft_cannot_be_revised_and_abolished_items_stay_abolished(agency_admin, agency):
    draft = EnforcementItemFactory(agency=agency)
    with pytest.raises(ItemStateConflict):
        services.revise_item(user=agency_admin, item=draft)
    item = EnforcementItemFactory(agency=agency, in_force=True)
    abolished = services.abolish_item(user=agency_admin, item=item, on=date(2025, 6, 30))
    assert (abolished.state, abolished.ended_on) == (EnforcementItemState.ABOLISHED, date(2025, 6, 30))
    with pytest.raises(ItemStateConflict):
        services.abolish_item(user=agency_admin, item=item)


def test_the_same_code_cannot_be_created_twice_for_an_agency(agency_admin, agency):
    item = EnforcementItemFactory(agency=agency, in_force=True)
    with pytest.raises(Exception) as raised:
        services.create_item(
            user=agency_admin, agency=agency, sector=item.sector, code=item.code, name="重复", kind=ItemKind.INSPECTION
        )
    assert raised.value.message == f"{agency.name}已有事项编码为“{item.code}”的事项，请修订该事项"
