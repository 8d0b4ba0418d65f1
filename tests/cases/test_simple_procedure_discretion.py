"""简易程序 with 裁量 (R-SIM-001..008, R-DIS-004/006): the on-the-spot decision is checked against the benchmark in
force that day and records the version applied and how; with the benchmark suspended, the statutory range and the
statutory circumstances still apply. No collective discussion on the spot (R-SIM-008): a deviation is refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.discretion.factories import penalty_article, published_list
from tests.parties.factories import PartyFactory, make_id_number
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.discretion import services as discretion
from zhifa.discretion.services import ConditionInput, TierInput
from zhifa.ledger.services import trail

pytestmark = pytest.mark.django_db
D = Decimal
KINDS = ("warning", "fine")


@pytest.fixture
def benchmark(item):
    """罚款二千元以下 (《大气污染防治法》 style): 从轻 0–500 (积极配合), 一般 500–1,500, 从重 1,500–2,000 (再次违法)."""
    draft = discretion.create_benchmark(
        user=None,
        enforcement_item=item,
        penalty_article=penalty_article(item, number=119),
        title="占道经营裁量基准",
        legal_fine_min_amount=D("0"),
        legal_fine_max_amount=D("2000"),
        tiers=[
            TierInput(
                "lighter",
                "积极配合",
                "any",
                D("0"),
                D("500"),
                allowed_kinds=KINDS,
                conditions=[ConditionInput("cooperative")],
            ),
            TierInput("standard", "无从轻、从重情节", "any", D("500"), D("1500"), allowed_kinds=KINDS),
            TierInput(
                "heavier",
                "再次违法",
                "any",
                D("1500"),
                D("2000"),
                allowed_kinds=KINDS,
                conditions=[ConditionInput("repeat_violation")],
            ),
        ],
    )
    return discretion.publish_benchmark(user=None, benchmark=draft, effective_on=date(2026, 1, 1))


def _spot(handler, agency, party, item, lead, co, fine, **discretion_inputs):
    return services.decide_on_the_spot(
        actor=handler,
        agency=agency,
        party=party,
        enforcement_item=item,
        cause="占道经营",
        facts="在人行道摆摊",
        place="人民路12号",
        officers=[lead, co],
        penalty_kinds=["warning", "fine"] if D(fine) else ["warning"],
        fine_amount=D(fine),
        statement_heard=True,
        **discretion_inputs,
    )


def test_r_dis_006_on_the_spot_decision_records_the_version_applied_and_how(
    handler, agency, company, item, lead, co, benchmark
):
    case = _spot(handler, agency, company, item, lead, co, "800")
    assert (case.applied_benchmark_id, case.applied_tier, case.benchmark_id) == (benchmark.pk, "standard", benchmark.pk)
    assert case.circumstances == {"first_violation": True}  # computed (R-DIS-012)
    assert case.applied_discretion == [
        "适用占道经营裁量基准（第1版）（2026年1月1日起施行）",
        "未勾选从轻、减轻、从重或不予处罚情节，适用一般阶次",
        "情节对应阶次：一般（R-DIS-004）",
        "拟罚款800.00元在法定幅度（0.00元至2,000.00元）内",
        "拟罚款800.00元在一般阶次幅度（500.00元至1,500.00元）内",
    ]
    event = trail(case).get(event_type="penalty_case.decided_on_the_spot")
    assert (event.data["applied_benchmark_id"], event.data["applied_tier"]) == (benchmark.pk, "standard")


@pytest.mark.parametrize(("fine", "ok"), [("500.00", True), ("500.01", False)])
def test_r_sim_008_a_deviation_on_the_spot_goes_to_the_general_procedure(
    handler, agency, company, item, lead, co, benchmark, fine, ok
):
    """积极配合 → 从轻 0–500元; 500.01元 deviates, which needs a collective discussion the simple procedure lacks."""
    if ok:
        case = _spot(handler, agency, company, item, lead, co, fine, circumstances={"cooperative": True})
        assert case.applied_tier == "lighter"
        return
    with pytest.raises(CaseError) as refused:
        _spot(handler, agency, company, item, lead, co, fine, circumstances={"cooperative": True})
    assert (refused.value.field, refused.value.message) == (
        "fine_amount",
        "当场处罚不符合裁量基准（拟罚款500.01元不在从轻阶次幅度（0.00元至500.00元）内（R-DIS-005））；"
        "偏离裁量基准须经集体讨论，简易程序不能适用，请立案按一般程序办理（R-DIS-005、R-SIM-008）",
    )
    assert PenaltyCase.objects.count() == 0


def test_r_pen_001_on_the_spot_fine_above_the_statutory_maximum_is_refused(
    handler, agency, company, item, lead, co, benchmark
):
    """2,500元 is within the organisation limit of 3,000元 (R-SIM-001) but above the article's 2,000元."""
    with pytest.raises(CaseError) as refused:
        _spot(handler, agency, company, item, lead, co, "2500", circumstances={"repeat_violation": True})
    assert refused.value.message == (
        "拟罚款2,500.00元超出法定幅度（0.00元至2,000.00元），裁量基准和集体讨论均不能突破（R-PEN-001、R-DIS-002）"
    )
    assert PenaltyCase.objects.count() == 0


def test_r_dis_001_suspended_benchmark_on_the_spot_checks_the_statutory_range_and_says_so(
    handler, agency, company, item, lead, co, benchmark
):
    discretion.suspend_benchmark(user=None, benchmark=benchmark)
    with pytest.raises(CaseError):
        _spot(handler, agency, company, item, lead, co, "2000.01")
    case = _spot(handler, agency, company, item, lead, co, "1800")
    assert (case.applied_benchmark_id, case.applied_tier) == (None, "")
    assert case.applied_discretion == [
        "2026年3月2日没有现行有效的裁量基准：“占道经营裁量基准（第1版）”已暂停适用，不能作为裁量依据，"
        "仅按法定幅度和法定情节裁量（R-DIS-001）",
        "拟罚款1,800.00元在法定幅度（0.00元至2,000.00元）内",
    ]


def test_r_dis_008_a_child_is_not_punished_on_the_spot(handler, agency, county, item, lead, co, benchmark):
    child = PartyFactory(
        region=county, natural_person=True, id_number=make_id_number(3, birth="20130101"), birth_on=date(2013, 1, 1)
    )
    with pytest.raises(CaseError) as refused:
        _spot(handler, agency, child, item, lead, co, "100")
    assert refused.value.message == "依法应当不予行政处罚，不得给予处罚（R-DIS-008、R-DIS-009、R-DIS-011）"


def test_r_dis_011_first_violation_list_entry_punished_on_the_spot_needs_a_reason(
    handler, agency, company, item, lead, co, bureau
):
    entry = published_list(bureau, item)
    ticked = {"slight_harm": True, "corrected_in_time": True}
    with pytest.raises(CaseError) as refused:
        _spot(handler, agency, company, item, lead, co, "0", circumstances=ticked)
    assert refused.value.field == "discretion_reason"
    case = _spot(
        handler, agency, company, item, lead, co, "0", circumstances=ticked, discretion_reason="当事人拒不签收整改通知"
    )
    assert (case.applied_benchmark_id, case.deviation_reason) == (None, "当事人拒不签收整改通知")
    assert case.applied_discretion[-1] == "裁量理由：当事人拒不签收整改通知"
    assert f"符合免罚清单“{entry}”" in case.applied_discretion[-2]


def test_on_the_spot_api_takes_the_circumstances(api_client, handler, company, item, lead, co, benchmark):
    api_client.force_authenticate(handler)
    body = {
        "party": company.pk,
        "enforcement_item": item.pk,
        "cause": "占道经营",
        "place": "人民路12号",
        "officers": [lead.pk, co.pk],
        "penalty_kinds": ["fine"],
        "fine_amount": "300.00",
        "statement_heard": True,
        "circumstances": {"cooperative": True},
    }
    response = api_client.post("/api/v1/penalty-cases/on-the-spot/", body, format="json")
    assert response.status_code == 201, response.json()
    case = PenaltyCase.objects.get()
    assert (case.applied_benchmark_id, case.applied_tier) == (benchmark.pk, "lighter")


def test_on_the_spot_form_offers_the_circumstances_and_shows_the_refusal(
    client, handler, company, item, lead, co, benchmark
):
    client.force_login(handler)
    page = client.get("/cases/on-the-spot/").content.decode()
    assert 'value="cooperative"' in page and 'value="first_violation"' not in page  # 初次违法 is looked up
    data = {
        "party": company.pk,
        "enforcement_item": item.pk,
        "cause": "占道经营",
        "place": "人民路12号",
        "officers": [lead.pk, co.pk],
        "penalty_kinds": ["fine"],
        "fine_amount": "600",
        "statement_heard": "on",
        "circumstances": ["cooperative"],
    }
    response = client.post("/cases/on-the-spot/", data)
    assert response.status_code == 400
    assert "当场处罚不符合裁量基准" in response.content.decode()
    data["fine_amount"] = "400"
    assert client.post("/cases/on-the-spot/", data).status_code == 302
    assert PenaltyCase.objects.get().applied_tier == "lighter"
