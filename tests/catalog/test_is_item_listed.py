"""R-PEN-003 清单之外无执法: an item is enforceable only while on its agency's list."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.catalog.factories import EnforcementItemFactory
from zhifa.catalog import services

pytestmark = pytest.mark.django_db


def test_r_pen_003_listed_from_the_effective_day(agency):
    item = EnforcementItemFactory(agency=agency, in_force=True)
    assert services.is_item_listed(agency=agency, item=item, on=date(2023, 12, 31)) is False
    assert services.is_item_listed(agency=agency, item=item, on=date(2024, 1, 1)) is True


def test_r_pen_003_another_agency_cannot_use_the_item(agency, other_agency):
    item = EnforcementItemFactory(agency=agency, in_force=True)
    assert services.is_item_listed(agency=other_agency, item=item, on=date(2024, 6, 1)) is False


def test_r_pen_003_draft_and_suspended_items_are_not_listed(agency_admin, agency):
    draft = EnforcementItemFactory(agency=agency)
    assert services.is_item_listed(agency=agency, item=draft, on=date(2024, 6, 1)) is False
    item = EnforcementItemFactory(agency=agency, in_force=True)
    services.suspend_item(user=agency_admin, item=item)
    assert services.is_item_listed(agency=agency, item=item, on=date(2024, 6, 1)) is False


def test_r_pen_003_abolished_item_is_listed_until_the_day_before_abolition(agency_admin, agency):
    item = EnforcementItemFactory(agency=agency, in_force=True)
    services.abolish_item(user=agency_admin, item=item, on=date(2025, 6, 30))
    assert services.is_item_listed(agency=agency, item=item, on=date(2025, 6, 29)) is True
    assert services.is_item_listed(agency=agency, item=item, on=date(2025, 6, 30)) is False


def test_r_pen_003_superseded_version_covers_acts_before_the_revision(agency_admin, agency, duty_article):
    item = EnforcementItemFactory(agency=agency, in_force=True, kind="inspection", establishing_basis=[duty_article])
    revision = services.revise_item(user=agency_admin, item=item)
    services.publish_item(user=agency_admin, item=revision, effective_on=date(2025, 1, 1))
    assert services.is_item_listed(agency=agency, item=item, on=date(2024, 12, 31)) is True
    assert services.is_item_listed(agency=agency, item=item, on=date(2025, 1, 1)) is False
    assert services.is_item_listed(agency=agency, item=revision, on=date(2025, 1, 1)) is True


def test_items_for_defaults_to_today(agency):
    item = EnforcementItemFactory(agency=agency, in_force=True)
    with time_machine.travel(date(2023, 12, 31), tick=False):
        assert list(services.items_for(agency=agency)) == []
    with time_machine.travel(date(2024, 1, 1), tick=False):
        assert list(services.items_for(agency=agency)) == [item]
