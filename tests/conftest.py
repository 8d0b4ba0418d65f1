"""Personas shared by every app's tests (STYLE §9): a county with two agencies, its judicial bureau,
a neighbouring county with its own bureau and agency, and the city bureau above both.

    city (430100) ── county (430199): bureau, agency, other_agency
                 └─ neighbour county (430198): neighbour_bureau, neighbour_agency
"""

from __future__ import annotations

import pytest

from tests.org.factories import AgencyFactory, RegionFactory, UserFactory
from zhifa.org.choices import RegionLevel, Role


@pytest.fixture
def province(db):
    return RegionFactory(code="430000", name="湖南省", level=RegionLevel.PROVINCIAL)


@pytest.fixture
def city(province):
    return RegionFactory(code="430100", name="长沙市", level=RegionLevel.MUNICIPAL, parent=province)


@pytest.fixture
def county(city):
    return RegionFactory(code="430199", name="示范县", level=RegionLevel.COUNTY, parent=city)


@pytest.fixture
def neighbour_county(city):
    return RegionFactory(code="430198", name="邻县", level=RegionLevel.COUNTY, parent=city)


@pytest.fixture
def city_bureau(city):
    return AgencyFactory(region=city, name="长沙市司法局", judicial_bureau=True)


@pytest.fixture
def bureau(county):
    return AgencyFactory(region=county, name="示范县司法局", judicial_bureau=True)


@pytest.fixture
def agency(county):
    return AgencyFactory(region=county, name="示范县市场监督管理局")


@pytest.fixture
def other_agency(county):
    return AgencyFactory(region=county, name="示范县交通运输局")


@pytest.fixture
def neighbour_bureau(neighbour_county):
    return AgencyFactory(region=neighbour_county, name="邻县司法局", judicial_bureau=True)


@pytest.fixture
def neighbour_agency(neighbour_county):
    return AgencyFactory(region=neighbour_county, name="邻县市场监督管理局")


@pytest.fixture
def handler(agency):
    return UserFactory(username="handler", name="李承办", agency=agency, roles=[Role.HANDLER])


@pytest.fixture
def colleague(agency):
    return UserFactory(username="colleague", name="周协办", agency=agency, roles=[Role.HANDLER])


@pytest.fixture
def agency_admin(agency):
    return UserFactory(username="agency_admin", name="吴管理", agency=agency, roles=[Role.AGENCY_ADMIN])


@pytest.fixture
def head(agency):
    return UserFactory(username="head", name="郑负责", agency=agency, roles=[Role.HEAD])


@pytest.fixture
def legal_reviewer(agency):
    return UserFactory(username="legal_reviewer", name="冯法制", agency=agency, roles=[Role.LEGAL_REVIEWER])


@pytest.fixture
def other_agency_handler(other_agency):
    return UserFactory(username="other_handler", name="陈他局", agency=other_agency, roles=[Role.HANDLER])


@pytest.fixture
def neighbour_handler(neighbour_agency):
    return UserFactory(username="neighbour_handler", name="褚邻县", agency=neighbour_agency, roles=[Role.HANDLER])


@pytest.fixture
def supervisor(bureau):
    return UserFactory(username="supervisor", name="卫监督", agency=bureau, roles=[Role.SUPERVISOR])


@pytest.fixture
def bureau_admin(bureau):
    return UserFactory(username="bureau_admin", name="蒋司管", agency=bureau, roles=[Role.BUREAU_ADMIN])


@pytest.fixture
def auditor(bureau):
    return UserFactory(username="auditor", name="沈审计", agency=bureau, roles=[Role.AUDITOR])


@pytest.fixture
def evaluator(bureau):
    return UserFactory(username="evaluator", name="尤评查", agency=bureau, roles=[Role.EVALUATOR])


@pytest.fixture
def agency_evaluator(agency):
    """An evaluator role held inside an ordinary agency: reads only that agency, never the region."""
    return UserFactory(username="agency_evaluator", name="许自评", agency=agency, roles=[Role.EVALUATOR])


@pytest.fixture
def city_supervisor(city_bureau):
    return UserFactory(username="city_supervisor", name="韩市监", agency=city_bureau, roles=[Role.SUPERVISOR])


@pytest.fixture
def other_region_supervisor(neighbour_bureau):
    return UserFactory(username="other_supervisor", name="杨邻监", agency=neighbour_bureau, roles=[Role.SUPERVISOR])


@pytest.fixture
def system_admin(db):
    return UserFactory(
        username="sysadmin", name="朱系统", agency=None, roles=[Role.SYSTEM_ADMIN], is_staff=True, is_superuser=True
    )


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture(autouse=True)
def _ledger_flushable(request):
    """Transactional tests end with a flush (DELETE/TRUNCATE); the ledger's append-only triggers refuse it.

    For those tests only, drop the triggers at teardown, before pytest-django flushes. Tests that check the
    triggers call ``zhifa.ledger.db.create_triggers`` first (the ``append_only`` fixture).
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(marker and marker.kwargs.get("transaction"))
    yield
    if transactional:
        from django.db import connection

        from zhifa.ledger.db import drop_triggers

        drop_triggers(connection)


@pytest.fixture
def append_only(db):
    """Make sure the ledger's triggers exist (a transactional test earlier may have dropped them)."""
    from django.db import connection

    from zhifa.ledger.db import create_triggers

    create_triggers(connection)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters and other cached values never leak from one test into another."""
    from django.core.cache import cache

    cache.clear()
    yield
