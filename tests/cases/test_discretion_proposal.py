"""调查终结 with 裁量 (R-DIS-004/005/007/008/011/012/014): the benchmark in force, the ticked circumstances, the tier
and the check of the proposal are recorded with it; what the law forbids is refused and nothing is saved."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.conftest import investigate
from tests.cases.discretion_support import report
from tests.discretion.factories import published_benchmark, published_list
from tests.parties.factories import PartyFactory, make_id_number
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase

pytestmark = pytest.mark.django_db


@pytest.fixture
def benchmark(item):
    return published_benchmark(item)


def _unchanged(case):
    fresh = PenaltyCase.objects.get(pk=case.pk)
    assert (fresh.state, fresh.benchmark_id, fresh.circumstances, fresh.proposed_kinds) == (
        "investigating",
        None,
        {},
        [],
    )


def test_r_dis_004_proposal_records_the_benchmark_the_circumstances_and_the_tier(
    filed_case, handler, lead, co, benchmark
):
    case = report(filed_case, handler, lead, co, fine="10000", circumstances={"cooperative": True})
    assert (case.benchmark_id, case.matched_tier, case.proposed_tier) == (benchmark.pk, "lighter", "lighter")
    assert case.circumstances == {"cooperative": True, "first_violation": True}  # 初次违法 from the record
    assert case.benchmark_deviation is False
    assert case.discretion_notes == [
        "适用餐具饮具未洗净消毒裁量基准（第1版）（2026年1月1日起施行）",
        "符合从轻阶次条件：积极配合调查，如实陈述违法事实或主动消除或者减轻违法行为危害后果或货值金额1,000.00元以下",
        "情节对应阶次：从轻（R-DIS-004）",
        "拟罚款10,000.00元在法定幅度（5,000.00元至50,000.00元）内",
        "拟罚款10,000.00元在从轻阶次幅度（5,000.00元至15,000.00元）内",
    ]


@pytest.mark.parametrize(("fine", "fits"), [("5000.00", True), ("15000.00", True), ("15000.01", False)])
def test_r_dis_005_proposal_outside_the_tier_needs_a_reason(filed_case, handler, lead, co, benchmark, fine, fits):
    if fits:
        case = report(filed_case, handler, lead, co, fine=fine, circumstances={"cooperative": True})
        assert case.benchmark_deviation is False
        return
    with pytest.raises(CaseError) as refused:
        report(filed_case, handler, lead, co, fine=fine, circumstances={"cooperative": True})
    assert refused.value.field == "deviation_reason"
    assert refused.value.message == (
        f"拟罚款{Decimal(fine):,.2f}元不在从轻阶次幅度（5,000.00元至15,000.00元）内（R-DIS-005）。请填写裁量理由"
    )
    _unchanged(filed_case)


def test_r_dis_005_deviation_with_a_reason_is_recorded_as_a_deviation(filed_case, handler, lead, co, benchmark):
    case = report(
        filed_case,
        handler,
        lead,
        co,
        fine="20000",
        circumstances={"cooperative": True},
        deviation_reason="涉案餐具数量大、受众为学生，从轻阶次明显不当",
    )
    assert (case.proposed_tier, case.benchmark_deviation) == ("lighter", True)
    assert case.deviation_reason == "涉案餐具数量大、受众为学生，从轻阶次明显不当"


def test_r_dis_007_mitigated_without_a_statutory_ground_is_refused(filed_case, handler, lead, co, benchmark):
    with pytest.raises(CaseError) as refused:
        report(filed_case, handler, lead, co, fine="3000", proposed_tier="mitigated", deviation_reason="经营困难")
    assert "减轻处罚须有法定减轻情节，请勾选相应情节（R-DIS-007）" in refused.value.message
    _unchanged(filed_case)


def test_r_dis_011_first_violation_on_a_list_item_punished_needs_a_reason(filed_case, handler, lead, co, item, bureau):
    """The item has a 首违不罚 entry and no benchmark: the no-penalty rules run on the punishing proposal although
    the handler named neither a tier nor the entry; 初次违法 comes from the record."""
    entry = published_list(bureau, item)
    ticked = {"slight_harm": True, "corrected_in_time": True}
    with pytest.raises(CaseError) as refused:
        report(filed_case, handler, lead, co, fine="20000", circumstances=ticked)
    assert refused.value.field == "deviation_reason"
    assert refused.value.message == (
        "当事人初次违法、危害后果轻微并及时改正，依法可以不予行政处罚；仍拟给予处罚的，须说明理由（R-DIS-011）；"
        f"符合免罚清单“{entry}”（首违不罚：首次被发现个别餐具使用前未经消毒），建议不予行政处罚；"
        "仍拟给予处罚的，须说明理由（R-DIS-011、R-DIS-014）。请填写裁量理由"
    )
    _unchanged(filed_case)
    case = report(filed_case, handler, lead, co, fine="20000", circumstances=ticked, deviation_reason="拒不整改")
    assert (case.benchmark_id, case.benchmark_deviation, case.exemption_entry_id) == (None, False, None)
    assert case.circumstances == {**ticked, "first_violation": True}
    assert case.discretion_notes[-1].startswith(f"符合免罚清单“{entry}”（首违不罚")


def test_r_dis_011_mandatory_no_penalty_list_entry_blocks_a_punishing_proposal(
    filed_case, handler, lead, co, item, bureau
):
    entry = published_list(bureau, item, kind="minor_violation")
    ticked = {"slight_harm": True, "corrected_in_time": True}
    with pytest.raises(CaseError) as refused:
        report(filed_case, handler, lead, co, fine="20000", circumstances=ticked, deviation_reason="屡教不改")
    assert refused.value.message == (
        f"符合免罚清单“{entry}”（轻微不罚：首次被发现个别餐具使用前未经消毒），依法应当不予行政处罚，"
        "不得给予处罚（R-DIS-011、R-DIS-014）"
    )
    _unchanged(filed_case)


def test_r_dis_014_matching_entry_is_suggested_when_not_punishing(filed_case, handler, lead, co, item, bureau):
    entry = published_list(bureau, item)
    ticked = {"slight_harm": True, "corrected_in_time": True}
    case = report(filed_case, handler, lead, co, kinds=(), fine="0", circumstances=ticked)
    assert case.discretion_notes == [
        f"符合免罚清单“{entry}”（首违不罚：首次被发现个别餐具使用前未经消毒）的适用条件，可以适用该清单事项（R-DIS-014）"
    ]


def test_r_dis_012_first_violation_refused_when_the_party_was_punished_within_two_years(
    filed_case, head, agency, company, item, lead, co, handler, benchmark
):
    earlier = services.file_case(
        actor=head,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="餐具未消毒",
        act_on=date(2025, 2, 1),
        discovered_on=date(2025, 2, 3),
        lead_handler=lead,
        co_handlers=[co],
        filed_on=date(2025, 2, 5),
    )
    PenaltyCase.objects.filter(pk=earlier.pk).update(decision_kind="penalty", decided_on=date(2025, 3, 1))
    with pytest.raises(CaseError) as refused:
        report(filed_case, handler, lead, co, kinds=(), fine="0", circumstances={"first_violation": True})
    assert refused.value.message == (
        f"当事人于2025年3月1日已因同一违法行为在案件{earlier.case_number}中受到处理，24个月内不属于初次违法（R-DIS-012）"
    )


def test_r_dis_008_a_party_under_14_at_the_act_date_may_not_be_punished(
    head, agency, item, lead, co, handler, colleague, county, benchmark
):
    child = PartyFactory(
        region=county, natural_person=True, id_number=make_id_number(7, birth="20120211"), birth_on=date(2012, 2, 11)
    )
    case = services.file_case(
        actor=head,
        agency=agency,
        party=child,
        enforcement_item=item,
        cause="违法行为",
        act_on=date(2026, 2, 10),  # one day before the 14th birthday
        discovered_on=date(2026, 2, 26),
        lead_handler=lead,
        co_handlers=[co],
    )
    services.declare_no_conflict(actor=handler, case=case)
    services.declare_no_conflict(actor=colleague, case=case)
    with pytest.raises(CaseError) as refused:
        report(case, handler, lead, co, fine="5000")
    assert refused.value.message == "依法应当不予行政处罚，不得给予处罚（R-DIS-008、R-DIS-009、R-DIS-011）"


def test_r_dis_014_list_entry_needs_its_circumstances_and_no_penalty(filed_case, handler, lead, co, item, bureau):
    entry = published_list(bureau, item)
    with pytest.raises(CaseError) as missing:
        report(
            filed_case,
            handler,
            lead,
            co,
            kinds=(),
            fine="0",
            circumstances={"first_violation": True},
            exemption_entry=entry,
        )
    assert missing.value.message == f"适用“{entry}”须具备以下情节：及时改正、危害后果轻微（R-DIS-014）"
    ticked = {"first_violation": True, "slight_harm": True, "corrected_in_time": True}
    with pytest.raises(CaseError) as punished:
        report(filed_case, handler, lead, co, fine="5000", circumstances=ticked, exemption_entry=entry)
    assert punished.value.message == f"适用“{entry}”（首违不罚）的，应当拟不予行政处罚（处罚法第33条）"
    case = report(filed_case, handler, lead, co, kinds=(), fine="0", circumstances=ticked, exemption_entry=entry)
    assert (case.exemption_entry_id, case.proposed_tier, case.benchmark_id) == (entry.pk, "no_penalty", None)


def test_unknown_circumstance_is_refused_naming_it(filed_case, handler, lead, co, benchmark):
    with pytest.raises(CaseError) as refused:
        report(filed_case, handler, lead, co, circumstances={"lucky": True})
    assert (refused.value.field, refused.value.message) == ("circumstances", "裁量情节“lucky”不存在")


def test_item_without_a_benchmark_keeps_the_plain_proposal(filed_case, handler, lead, co):
    case = investigate(filed_case, handler, lead, co)
    assert (case.benchmark_id, case.proposed_tier, case.discretion_notes) == (None, "", [])


@pytest.mark.parametrize(
    ("birth", "computed", "tier"),
    [
        (date(2012, 2, 11), {"under_14": True}, "no_penalty"),  # 13 on the act date
        (date(2012, 2, 10), {"minor_14_to_18": True}, "lighter"),  # 14 on the act date
        (date(2008, 2, 11), {"minor_14_to_18": True}, "lighter"),  # one day short of 18
        (date(2008, 2, 10), {}, "standard"),  # 18 on the act date
    ],
)
def test_r_dis_008_age_on_the_act_date_is_computed_from_the_birth_date(
    head, agency, item, lead, co, handler, colleague, county, benchmark, birth, computed, tier
):
    person = PartyFactory(region=county, natural_person=True, id_number=make_id_number(9), birth_on=birth)
    case = services.file_case(
        actor=head,
        agency=agency,
        party=person,
        enforcement_item=item,
        cause="违法行为",
        act_on=date(2026, 2, 10),
        discovered_on=date(2026, 2, 26),
        lead_handler=lead,
        co_handlers=[co],
    )
    services.declare_no_conflict(actor=handler, case=case)
    services.declare_no_conflict(actor=colleague, case=case)
    case = report(case, handler, lead, co, kinds=(), fine="0", proposed_tier=tier, deviation_reason="依法裁量")
    assert (case.circumstances, case.matched_tier) == ({**computed, "first_violation": True}, tier)
