"""R-REV-002: every applicable row of the agency's 重大执法决定法制审核目录清单 decides whether the decision is major —
较大数额罚款或没收 exactly at, below and above its threshold (inclusive, R-TIME-006), 责令停产停业, 吊销许可证件, the
agency's row before the region's before the national default, an inactive row switching a default off, a row of
another sector not applying; each reason a sentence naming the row. With the hearing row on (the default) the
hearing reason already states the amount or the kind, and the row adds no second sentence."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.cases.conftest import investigate
from tests.org.factories import SectorFactory
from zhifa.cases import services as case_services
from zhifa.cases.services.investigation import legal_review_reasons
from zhifa.cases.services.major_decision import enforcement_review_reasons
from zhifa.catalog.choices import CriterionKind as K
from zhifa.catalog.models import MajorDecisionCriterion

pytestmark = pytest.mark.django_db
ORG_ROW = "目录清单：较大数额罚款或没收（单位≥50,000.00元）"


def _reviewed(case, handler, head, lead, co, fine="0", kinds=("fine",)):
    investigate(case, handler, lead, co, fine=Decimal(fine), kinds=kinds)
    return case_services.complete_case_review(actor=head, case=case, route="penalty", facts_clear=True, opinion="同意")


def _switch_off(agency, kind, **kwargs):
    """The agency's own row of ``kind`` (same party category and sector as the default), switched off."""
    return MajorDecisionCriterion.objects.create(kind=kind, agency=agency, is_active=False, **kwargs)


@pytest.mark.parametrize(
    ("fine", "reasons"),
    [("49999.99", []), ("50000.00", [ORG_ROW]), ("50000.01", [ORG_ROW])],
    ids=["below", "at", "above"],
)
def test_r_rev_002_the_large_fine_row_names_itself_when_the_hearing_row_is_off(
    filed_case, handler, head, lead, co, agency, fine, reasons
):
    _switch_off(agency, K.HEARING_ELIGIBLE_PENALTY)
    case = _reviewed(filed_case, handler, head, lead, co, fine)
    assert (case.requires_legal_review, case.legal_review_reasons) == (bool(reasons), reasons)


@pytest.mark.parametrize(("fine", "major"), [("4999.99", False), ("5000.00", True)], ids=["below", "at"])
def test_r_rev_002_the_citizen_row_of_the_large_fine(filed_case, handler, head, lead, co, person, agency, fine, major):
    _switch_off(agency, K.HEARING_ELIGIBLE_PENALTY)
    filed_case.party = person
    filed_case.save(update_fields=["party"])
    case = _reviewed(filed_case, handler, head, lead, co, fine)
    assert case.legal_review_reasons == (["目录清单：较大数额罚款或没收（公民≥5,000.00元）"] if major else [])


def test_r_rev_002_with_the_hearing_row_on_the_amount_is_stated_once(filed_case, handler, head, lead, co):
    case = _reviewed(filed_case, handler, head, lead, co, "60000.00")
    assert case.legal_review_reasons == ["听证类处罚：拟罚款60000.00元，达到较大数额50000.00元"]


@pytest.mark.parametrize(("fine", "major"), [("19999.99", False), ("20000.00", True), ("20000.01", True)])
def test_r_rev_002_the_agency_row_overrides_the_region_and_the_national_default(
    filed_case, handler, head, lead, co, agency, fine, major
):
    _switch_off(agency, K.HEARING_ELIGIBLE_PENALTY)
    for code, amount in (("430100", "100000"), ("430199", "80000")):  # the city, then the county (deeper)
        MajorDecisionCriterion.objects.create(
            kind=K.LARGE_FINE, party_category="organization", region_code=code, threshold_amount=Decimal(amount)
        )
    MajorDecisionCriterion.objects.create(
        kind=K.LARGE_FINE, party_category="organization", agency=agency, threshold_amount=Decimal("20000")
    )
    case = _reviewed(filed_case, handler, head, lead, co, fine)
    assert case.legal_review_reasons == (["目录清单：较大数额罚款或没收（单位≥20,000.00元）"] if major else [])


def test_r_rev_002_the_deepest_region_overrides_the_national_default(filed_case, handler, head, lead, co, agency):
    _switch_off(agency, K.HEARING_ELIGIBLE_PENALTY)
    MajorDecisionCriterion.objects.create(
        kind=K.LARGE_FINE, party_category="organization", region_code="430199", threshold_amount=Decimal("80000")
    )
    assert _reviewed(filed_case, handler, head, lead, co, "79999.99").requires_legal_review is False


def test_r_rev_002_an_inactive_agency_row_switches_the_default_off(filed_case, handler, head, lead, co, agency):
    _switch_off(agency, K.LARGE_FINE, party_category="organization", threshold_amount=Decimal("50000"))
    case = _reviewed(filed_case, handler, head, lead, co, "60000.00")
    assert (case.requires_legal_review, case.requires_hearing_notice, case.legal_review_reasons) == (False, False, [])


@pytest.mark.parametrize(
    ("kind", "row", "label"),
    [
        ("suspend_operations", K.SUSPEND_OPERATIONS, "目录清单：责令停产停业"),
        ("revoke_license", K.REVOKE_LICENSE, "目录清单：吊销许可证件"),
    ],
)
def test_r_rev_002_kind_rows(filed_case, handler, head, lead, co, agency, kind, row, label):
    _switch_off(agency, K.HEARING_ELIGIBLE_PENALTY)
    case = _reviewed(filed_case, handler, head, lead, co, kinds=(kind,))
    assert case.legal_review_reasons == [label]


def test_r_rev_002_a_kind_row_switched_off_with_the_hearing_row(filed_case, handler, head, lead, co, agency):
    _switch_off(agency, K.HEARING_ELIGIBLE_PENALTY)
    _switch_off(agency, K.SUSPEND_OPERATIONS)
    case = _reviewed(filed_case, handler, head, lead, co, kinds=("suspend_operations",))
    assert (case.requires_legal_review, case.requires_hearing_notice) == (False, True)  # R-HEA-001 still applies


def test_r_rev_002_with_the_hearing_row_on_a_kind_is_stated_once(filed_case, handler, head, lead, co):
    case = _reviewed(filed_case, handler, head, lead, co, kinds=("revoke_license",))
    assert case.legal_review_reasons == ["听证类处罚：拟作出吊销许可证件"]


def test_r_rev_002_a_row_of_another_sector_does_not_apply(filed_case, handler, head, lead, co, agency):
    _switch_off(agency, K.HEARING_ELIGIBLE_PENALTY)
    _switch_off(agency, K.SUSPEND_OPERATIONS)
    other = SectorFactory(code="transport", name="交通运输")
    MajorDecisionCriterion.objects.create(kind=K.SUSPEND_OPERATIONS, agency=agency, sector=other)
    case = _reviewed(filed_case, handler, head, lead, co, kinds=("suspend_operations",))
    assert case.legal_review_reasons == []
    MajorDecisionCriterion.objects.create(
        kind=K.SUSPEND_OPERATIONS, agency=agency, sector=filed_case.enforcement_item.sector
    )
    assert legal_review_reasons(case, hearing_reasons=[]) == ["目录清单：责令停产停业"]


def test_r_rev_002_the_enforcement_rows(filed_case, agency):
    """行政强制执行决定 is major by default, 强制拆除 when the enforcement is a demolition; the agency may switch
    either off."""
    assert enforcement_review_reasons(filed_case, demolition=False) == ["目录清单：行政强制执行决定"]
    assert enforcement_review_reasons(filed_case, demolition=True) == [
        "目录清单：行政强制执行决定",
        "目录清单：强制拆除",
    ]
    _switch_off(agency, K.COERCIVE_ENFORCEMENT)
    assert enforcement_review_reasons(filed_case, demolition=True) == ["目录清单：强制拆除"]
    _switch_off(agency, K.FORCED_DEMOLITION)
    assert enforcement_review_reasons(filed_case, demolition=True) == []
