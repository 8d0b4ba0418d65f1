"""R-REV-001/002: whether a decision is major is computed from the catalog, never ticked — the 较大数额 threshold
(inclusive, R-TIME-006) exactly at, below and above, for organisations and citizens; the locality's
“一般程序处罚决定全部审核” toggle, and a sector row that applies only to its sector."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.cases.conftest import investigate
from tests.org.factories import SectorFactory
from zhifa.cases import services as case_services
from zhifa.catalog.choices import CriterionKind
from zhifa.catalog.models import MajorDecisionCriterion

pytestmark = pytest.mark.django_db


def _reviewed(case, handler, head, lead, co, fine):
    investigate(case, handler, lead, co, fine=Decimal(fine), kinds=("fine",))
    return case_services.complete_case_review(actor=head, case=case, route="penalty", facts_clear=True, opinion="同意")


@pytest.mark.parametrize(
    ("fine", "major"), [("49999.99", False), ("50000.00", True), ("50000.01", True)], ids=["below", "at", "above"]
)
def test_r_rev_002_large_fine_for_an_organisation(filed_case, handler, head, lead, co, fine, major):
    case = _reviewed(filed_case, handler, head, lead, co, fine)
    assert (case.requires_legal_review, case.requires_hearing_notice) == (major, major)


@pytest.mark.parametrize(
    ("fine", "major"), [("4999.99", False), ("5000.00", True), ("5000.01", True)], ids=["below", "at", "above"]
)
def test_r_rev_002_large_fine_for_a_citizen(filed_case, handler, head, lead, co, person, fine, major):
    filed_case.party = person
    filed_case.save(update_fields=["party"])
    case = _reviewed(filed_case, handler, head, lead, co, fine)
    assert case.requires_legal_review is major


def test_r_rev_002_review_all_general_procedure_when_the_locality_switches_it_on(
    filed_case, handler, head, lead, co, agency
):
    MajorDecisionCriterion.objects.create(
        kind=CriterionKind.REVIEW_ALL_GENERAL_PROCEDURE, agency=agency, is_active=True, description="渌口区"
    )
    case = _reviewed(filed_case, handler, head, lead, co, "1000.00")
    assert (case.requires_legal_review, case.requires_hearing_notice, case.legal_review_reasons) == (
        True,
        False,
        ["本地目录清单规定一般程序行政处罚决定均须法制审核"],
    )


def test_r_rev_002_the_toggle_is_off_by_default_and_a_row_of_another_sector_does_not_apply(
    filed_case, handler, head, lead, co, agency
):
    other = SectorFactory(code="transport", name="交通运输")
    MajorDecisionCriterion.objects.create(
        kind=CriterionKind.REVIEW_ALL_GENERAL_PROCEDURE, agency=agency, sector=other, is_active=True
    )
    case = _reviewed(filed_case, handler, head, lead, co, "1000.00")
    assert (case.requires_legal_review, case.legal_review_reasons) == (False, [])
