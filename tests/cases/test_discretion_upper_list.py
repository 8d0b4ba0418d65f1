"""R-DIS-014 in the case: the city's 免罚清单 entry for the county item's catalog code (四级四同) is matched like the
county's own — suggested, named by the proposal, and a punished 首违 entry needs a written reason."""

from __future__ import annotations

import pytest

from tests.cases.discretion_support import report
from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import published_list
from tests.org.factories import AgencyFactory
from zhifa.cases.errors import CaseError

pytestmark = pytest.mark.django_db
TICKED = {"slight_harm": True, "corrected_in_time": True}


@pytest.fixture
def city_entry(city, item):
    city_agency = AgencyFactory(region=city, name="长沙市市场监督管理局")
    return published_list(city_agency, EnforcementItemFactory(agency=city_agency, in_force=True, code=item.code))


def test_r_dis_014_the_city_entry_is_named_by_a_no_penalty_proposal(filed_case, handler, lead, co, city_entry):
    case = report(filed_case, handler, lead, co, kinds=(), fine="0", circumstances=TICKED, exemption_entry=city_entry)
    assert (case.exemption_entry_id, case.proposed_tier) == (city_entry.pk, "no_penalty")


def test_r_dis_014_punishing_a_matching_city_first_violation_entry_needs_a_reason(
    filed_case, handler, lead, co, city_entry
):
    with pytest.raises(CaseError) as refused:
        report(filed_case, handler, lead, co, fine="20000", circumstances=TICKED)
    assert refused.value.field == "deviation_reason"
    assert f"符合免罚清单“{city_entry}”（首违不罚" in refused.value.message
    case = report(filed_case, handler, lead, co, fine="20000", circumstances=TICKED, deviation_reason="拒不整改")
    assert case.discretion_notes[-1].startswith(f"符合免罚清单“{city_entry}”（首违不罚")
