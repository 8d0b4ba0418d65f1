"""裁量 through the API (R-DIS-004/005/013/015): the proposal's discretion inputs, the case's discretion read, the
柔性执法 measure, and the 同事不同罚 endpoint — each with who may and may not, and nothing changed on a refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.cases.discretion_support import STEP_DAY, decided
from tests.discretion.factories import published_benchmark
from zhifa.cases import services
from zhifa.cases.models import FlexibleMeasure, PenaltyCase

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.discretion_fixtures"]  # fines, discussion


@pytest.fixture
def benchmark(item):
    return published_benchmark(item)


@pytest.fixture
def investigated(filed_case, handler, lead, co):
    services.record_investigative_step(
        actor=handler,
        case=filed_case,
        kind="site_inspection",
        performed_on=STEP_DAY,
        place="后厨",
        summary="检查",
        officers=[lead, co],
    )
    return filed_case


def _url(case, verb=""):
    return f"/api/v1/penalty-cases/{case.pk}/{verb}"


def test_r_dis_004_report_with_circumstances_through_the_api(api_client, handler, investigated, benchmark):
    api_client.force_authenticate(handler)
    body = {
        "report": "事实清楚",
        "proposed_kinds": ["warning", "fine"],
        "proposed_fine_amount": "40000.00",
        "circumstances": {"goods_value": "10000.00", "first_violation": False},
        "deviation_reason": "",
    }
    response = api_client.post(_url(investigated, "submit-investigation-report/"), body, format="json")
    assert response.status_code == 200, response.json()
    case = PenaltyCase.objects.get(pk=investigated.pk)
    # 初次违法 is looked up, whatever the client sent (R-DIS-012)
    assert (case.circumstances, case.matched_tier) == ({"goods_value": "10000.00", "first_violation": True}, "heavier")
    assert (case.benchmark_id, case.proposed_tier, case.benchmark_deviation) == (benchmark.pk, "heavier", False)


def test_r_dis_005_report_refused_names_the_field_and_saves_nothing(api_client, handler, investigated, benchmark):
    api_client.force_authenticate(handler)
    body = {
        "report": "事实清楚",
        "proposed_kinds": ["fine"],
        "proposed_fine_amount": "30000",
        "circumstances": {"repeat_violation": True},
    }
    response = api_client.post(_url(investigated, "submit-investigation-report/"), body, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "code": "case_refused",
        "field": "deviation_reason",
        "message": "拟罚款30,000.00元不在从重阶次幅度（35,000.00元至50,000.00元）内（R-DIS-005）。请填写裁量理由",
    }
    assert PenaltyCase.objects.get(pk=investigated.pk).state == "investigating"


def test_case_discretion_read_shows_the_benchmark_and_the_check(api_client, handler, investigated, benchmark):
    services.submit_investigation_report(
        actor=handler,
        case=investigated,
        report="事实清楚",
        proposed_kinds=["fine"],
        proposed_fine_amount=Decimal("20000"),
        circumstances={},
    )
    api_client.force_authenticate(handler)
    data = api_client.get(_url(investigated, "discretion/")).json()
    assert [b["id"] for b in data["benchmarks"]] == [benchmark.pk]
    assert [t["tier"] for t in data["benchmarks"][0]["tiers"]] == ["no_penalty", "lighter", "standard", "heavier"]
    assert data["proposal"][-1] == "拟罚款20,000.00元在一般阶次幅度（15,000.00元至35,000.00元）内"
    assert (data["earlier"], data["discussion_needed"], data["flexible_measures"]) == ([], False, [])
    assert (data["benchmark"], data["matched_tier"], data["proposed_tier"], data["applied_benchmark"]) == (
        benchmark.pk,
        "standard",
        "standard",
        None,
    )


def test_flexible_measure_by_handler_201_others_refused(api_client, handler, head, other_agency_handler, filed_case):
    body = {"kind": "interview", "performed_on": "2026-03-02", "content": "约谈负责人，当事人承诺整改"}
    api_client.force_authenticate(head)
    assert api_client.post(_url(filed_case, "flexible-measures/"), body, format="json").status_code == 403
    api_client.force_authenticate(other_agency_handler)
    assert api_client.post(_url(filed_case, "flexible-measures/"), body, format="json").status_code == 404
    assert FlexibleMeasure.objects.count() == 0
    api_client.force_authenticate(handler)
    response = api_client.post(_url(filed_case, "flexible-measures/"), body, format="json")
    assert response.status_code == 201
    assert [(m["kind_display"], m["performed_on"]) for m in response.json()["flexible_measures"]] == [
        ("约谈", "2026-03-02")
    ]


def test_anonymous_gets_401(api_client, filed_case):
    assert api_client.get(_url(filed_case, "discretion/")).status_code == 401
    assert api_client.get("/api/v1/discretion-consistency/").status_code == 401


def test_r_dis_015_consistency_endpoint_for_supervisors_and_heads_in_their_scope(
    api_client, fines, supervisor, head, handler, other_region_supervisor, other_agency
):
    for amount in ("20000", "20000", "21000", "22000", "20000"):
        decided(fines, "own", amount)
    odd = decided(fines, "other", "40000")
    url = "/api/v1/discretion-consistency/"
    seen = {}
    for user in (supervisor, head, other_region_supervisor):
        api_client.force_authenticate(user)
        seen[user.username] = sorted(r["case_number"] for r in api_client.get(url).json()["results"])
    assert [len(seen[u]) for u in ("supervisor", "head", "other_supervisor")] == [6, 5, 0]
    api_client.force_authenticate(handler)
    assert api_client.get(url).status_code == 403
    api_client.force_authenticate(supervisor)
    flagged = api_client.get(url, {"outliers": "true"}).json()["results"]
    assert [(r["case_number"], r["agency_name"], r["group_size"], r["group_median"]) for r in flagged] == [
        (odd.case_number, other_agency.name, 6, "20500.00")
    ]
    assert (flagged[0]["measure"], flagged[0]["value"], "officer_name" in flagged[0]) == ("amount", "40000.00", False)
    assert api_client.get(url + "excluded/").json()["results"] == []
    api_client.force_authenticate(handler)
    assert api_client.get(url + "excluded/").status_code == 403
