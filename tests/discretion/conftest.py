"""An agency's listed penalty item with its penalty article (the item list of the conftest personas' agency)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import penalty_article


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-03-02T02:00:00Z", tick=False):
        yield


@pytest.fixture
def item(agency):
    return EnforcementItemFactory(agency=agency, in_force=True, name="对餐具、饮具使用前未经洗净、消毒的行政处罚")


@pytest.fixture
def article(item):
    return penalty_article(item)


@pytest.fixture
def other_item(other_agency):
    return EnforcementItemFactory(agency=other_agency, in_force=True)


TODAY = date(2026, 3, 2)
