"""R-DIS-005, second half: deviating from an upper-level benchmark (the city's, applied directly to the county item,
R-DIS-003) needs its issuer's approval — given by a head of the issuing agency, recorded with who, which agency, when
and why — besides the written reason and the approved collective discussion; the decision gate refuses without it.
A deviation from the county's own refinement needs no such approval."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from tests.cases.discretion_support import report, to_decision
from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import penalty_article, published_benchmark
from tests.org.factories import AgencyFactory, UserFactory
from zhifa.cases import services
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import PenaltyCase, UpperBenchmarkApproval
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.discretion_fixtures"]  # discussion
DAY = date(2026, 3, 2)


@pytest.fixture
def city_agency(city):
    return AgencyFactory(region=city, name="长沙市市场监督管理局")


@pytest.fixture
def city_benchmark(city_agency, item):
    article = penalty_article(item)
    city_item = EnforcementItemFactory(agency=city_agency, in_force=True, code=item.code, penalty_basis=[article])
    return published_benchmark(city_item, article=article)


@pytest.fixture
def city_head(city_agency):
    return UserFactory(agency=city_agency, name="市局局长", roles=["head"])


@pytest.fixture
def deviating(filed_case, handler, head, lead, co, city_benchmark, discussion):
    """Proposed 20,000元 with 从轻 circumstances (从轻 is 5,000–15,000元): a deviation, with a reason; the
    collective discussion approved it."""
    report(filed_case, handler, lead, co, fine="20000", circumstances={"cooperative": True}, deviation_reason="理由")
    return to_decision(filed_case, handler, head)


def _decide(case, head):
    return services.decide_case(
        actor=head,
        case=case,
        decision_kind="penalty",
        decided_on=DAY,
        penalty_kinds=["warning", "fine"],
        fine_amount=Decimal("20000"),
    )


def _approve(case, user, *, approved_on=DAY, reason="当事人主动消除影响，同意在一般阶次处罚"):
    return services.approve_upper_deviation(actor=user, case=case, approved_on=approved_on, reason=reason)


def test_r_dis_005_upper_level_deviation_refused_without_the_issuers_approval(deviating, head, city_benchmark):
    with pytest.raises(CaseError) as refused:
        _decide(deviating, head)
    assert refused.value.field == "upper_approval"
    assert refused.value.message == (
        "处理决定偏离上级长沙市市场监督管理局制定的裁量基准“餐具饮具未洗净消毒裁量基准（第1版）”"
        "（拟罚款20,000.00元不在从轻阶次幅度（5,000.00元至15,000.00元）内（R-DIS-005）），"
        "除书面说明理由和集体讨论外，还须经该基准制定机关批准（R-DIS-005）"
    )
    assert PenaltyCase.objects.get(pk=deviating.pk).decided_on is None


def test_r_dis_005_the_issuers_head_approves_and_the_decision_is_made(deviating, head, city_head, city_benchmark):
    approval = _approve(deviating, city_head)
    assert (approval.benchmark_id, approval.issuing_agency_id, approval.approved_by_id, approval.approved_on) == (
        city_benchmark.pk,
        city_benchmark.enforcement_item.agency_id,
        city_head.pk,
        DAY,
    )
    event = Event.objects.filter(event_type="penalty_case.upper_benchmark_deviation_approved").get()
    assert json.loads(event.payload)["benchmark_id"] == city_benchmark.pk
    case = _decide(deviating, head)
    assert (case.state, case.benchmark_deviation, case.applied_benchmark_id) == ("decided", True, city_benchmark.pk)


def test_r_dis_005_the_approval_does_not_replace_the_collective_discussion(deviating, head, city_head, discussion):
    _approve(deviating, city_head)
    discussion["approved"] = False
    with pytest.raises(CaseError) as refused:
        _decide(deviating, head)
    assert refused.value.field == "benchmark_deviation"


@pytest.mark.parametrize("who", ["county_head", "city_handler", "other_city_head"])
def test_r_dis_005_only_a_head_of_the_issuing_agency_approves(deviating, head, city_agency, city, who):
    user = {
        "county_head": head,
        "city_handler": UserFactory(agency=city_agency, roles=["handler"]),
        "other_city_head": UserFactory(agency=AgencyFactory(region=city), roles=["head"]),
    }[who]
    with pytest.raises(PermissionDenied):
        _approve(deviating, user)
    assert not UpperBenchmarkApproval.objects.exists()


def test_r_dis_005_approval_needs_a_reason_a_date_within_the_case_and_is_given_once(deviating, city_head):
    with pytest.raises(CaseError) as refused:
        _approve(deviating, city_head, reason="  ")
    assert refused.value.field == "reason"
    with pytest.raises(CaseError) as refused:
        _approve(deviating, city_head, approved_on=date(2026, 3, 3))  # tomorrow
    assert refused.value.field == "approved_on"
    with pytest.raises(CaseError) as refused:
        _approve(deviating, city_head, approved_on=date(2026, 1, 6))  # the day before filing (7 January)
    assert refused.value.field == "approved_on"
    _approve(deviating, city_head, approved_on=deviating.filed_on)
    with pytest.raises(CaseStateConflict):
        _approve(deviating, city_head)
    assert UpperBenchmarkApproval.objects.count() == 1


def test_r_dis_005_no_approval_for_a_proposal_that_does_not_deviate(
    filed_case, handler, head, lead, co, city_benchmark, city_head
):
    report(filed_case, handler, lead, co, fine="10000", circumstances={"cooperative": True})
    with pytest.raises(CaseError) as refused:
        _approve(PenaltyCase.objects.get(pk=filed_case.pk), city_head)
    assert refused.value.field == "benchmark"


def test_r_dis_005_deviating_from_the_countys_own_refinement_needs_no_issuer_approval(
    filed_case, handler, head, lead, co, item, city_benchmark, discussion
):
    published_benchmark(item, article=city_benchmark.penalty_article)
    report(filed_case, handler, lead, co, fine="20000", circumstances={"cooperative": True}, deviation_reason="理由")
    case = _decide(to_decision(filed_case, handler, head), head)
    assert (case.state, case.benchmark_deviation) == ("decided", True)


def test_r_dis_005_approval_through_the_api_and_shown_on_the_case(api_client, deviating, handler, city_head):
    url = f"/api/v1/penalty-cases/{deviating.pk}/upper-approval/"
    api_client.force_authenticate(handler)
    assert api_client.post(url, {"approved_on": "2026-03-02", "reason": "同意"}, format="json").status_code == 403
    api_client.force_authenticate(city_head)
    response = api_client.post(url, {"approved_on": "2026-03-02", "reason": ""}, format="json")
    assert (response.status_code, response.json()["field"]) == (400, "reason")
    response = api_client.post(url, {"approved_on": "2026-03-02", "reason": "同意"}, format="json")
    assert response.status_code == 201, response.json()
    assert (response.json()["approved_by_name"], response.json()["issuing_agency_name"]) == (
        "市局局长",
        "长沙市市场监督管理局",
    )
    assert api_client.get(f"/api/v1/penalty-cases/{deviating.pk}/discretion/").status_code == 404  # not its case
    api_client.force_authenticate(handler)
    shown = api_client.get(f"/api/v1/penalty-cases/{deviating.pk}/discretion/").json()
    assert shown["upper_approval_needed"] is True
    assert [a["reason"] for a in shown["upper_approvals"]] == ["同意"]


def test_r_dis_005_staff_form_for_the_issuers_head_only(client, deviating, handler, city_head):
    url = f"/cases/{deviating.pk}/upper-benchmark-approval/"
    client.force_login(handler)
    assert client.get(url).status_code == 404
    html = client.get(f"/cases/{deviating.pk}/").content.decode()
    assert "还须经该基准制定机关批准（R-DIS-005）：尚未批准" in html
    client.force_login(city_head)
    assert "批准偏离上级裁量基准" in client.get(url).content.decode()
    response = client.post(url, {"approved_on": "2026-03-02", "reason": ""})
    assert response.status_code == 400
    assert "请填写批准理由" in response.content.decode()
    response = client.post(url, {"approved_on": "2026-03-02", "reason": "同意偏离"})
    assert response.status_code == 302
    client.force_login(handler)
    html = client.get(f"/cases/{deviating.pk}/").content.decode()
    assert "负责人市局局长于2026年3月2日批准偏离“餐具饮具未洗净消毒裁量基准（第1版）”：同意偏离" in html
