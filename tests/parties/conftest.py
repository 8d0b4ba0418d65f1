from __future__ import annotations

import pytest

from tests.parties.factories import PartyFactory


@pytest.fixture
def company(county):
    return PartyFactory(
        region=county, name="示范县鑫源餐饮有限公司", legal_representative_id_number="430181199203150020"
    )


@pytest.fixture
def person(county):
    return PartyFactory(
        natural_person=True,
        region=county,
        name="刘某某",
        id_number="430181199203150020",
        phone="13812345678",
        address="湖南省长沙市示范县青山村3组12号",
    )


@pytest.fixture
def neighbour_person(neighbour_county):
    return PartyFactory(natural_person=True, region=neighbour_county, name="邻县居民", id_number="11010519491231002X")
