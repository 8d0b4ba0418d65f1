"""裁量 in the staff UI: the case page shows the matching benchmark and the proposal's check; the report form takes
the circumstances as checkboxes (R-DIS-004); a refused proposal says why next to the reason field; the 同事不同罚
page is for supervisors and heads (R-DIS-015)."""

from __future__ import annotations

import pytest

from tests.cases.discretion_support import STEP_DAY, decided
from tests.discretion.factories import published_benchmark
from zhifa.cases import services
from zhifa.cases.models import PenaltyCase

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.discretion_fixtures"]  # fines


@pytest.fixture
def investigated(filed_case, handler, lead, co, item):
    published_benchmark(item)
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


def _report(client, case, **fields):
    data = {f"submit-investigation-report-{k}": v for k, v in fields.items()}
    return client.post(f"/cases/{case.pk}/steps/submit-investigation-report/", data)


def test_r_dis_004_case_page_shows_the_benchmark_tiers_and_the_circumstance_checkboxes(client, handler, investigated):
    client.force_login(handler)
    html = client.get(f"/cases/{investigated.pk}/").content.decode()
    assert "餐具饮具未洗净消毒裁量基准" in html
    assert 'id="benchmark-tiers"' in html
    assert 'name="submit-investigation-report-c_cooperative"' in html
    assert 'name="submit-investigation-report-c_goods_value"' in html
    assert 'name="submit-investigation-report-c_under_14"' not in html  # computed from the birth date (R-DIS-008)
    assert "追溯期内未查到当事人因同一违法行为受到处理的记录" in html


def test_r_dis_004_report_form_posts_the_ticked_circumstances(client, handler, investigated):
    client.force_login(handler)
    response = _report(
        client,
        investigated,
        report="事实清楚",
        proposed_kinds=["warning", "fine"],
        proposed_fine_amount="8000",
        proposed_confiscation_amount="0",
        c_cooperative="on",
        c_goods_value="",
    )
    assert response.status_code == 302
    case = PenaltyCase.objects.get(pk=investigated.pk)
    assert (case.circumstances, case.proposed_tier, case.benchmark_deviation) == (
        {"cooperative": True, "first_violation": True},
        "lighter",
        False,
    )
    html = client.get(f"/cases/{case.pk}/").content.decode()
    assert "拟罚款8,000.00元在从轻阶次幅度（5,000.00元至15,000.00元）内" in html
    assert "本案适用" in html


def test_r_dis_005_refused_report_shows_why_next_to_the_reason(client, handler, investigated):
    client.force_login(handler)
    response = _report(
        client,
        investigated,
        report="事实清楚",
        proposed_kinds=["fine"],
        proposed_fine_amount="40000",
        proposed_confiscation_amount="0",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "拟罚款40,000.00元不在一般阶次幅度（15,000.00元至35,000.00元）内（R-DIS-005）。请填写裁量理由" in html
    assert PenaltyCase.objects.get(pk=investigated.pk).state == "investigating"


def test_r_dis_015_consistency_page_for_supervisors_and_heads(client, fines, supervisor, head, handler):
    for amount in ("20000", "20000", "21000", "22000", "20000"):
        decided(fines, "own", amount)
    odd = decided(fines, "other", "40000")
    client.force_login(handler)
    assert client.get("/discretion-consistency/").status_code == 403
    client.force_login(head)
    assert [r.case_number for r in client.get("/discretion-consistency/").context["page"]] == [
        c.case_number for c in PenaltyCase.objects.filter(agency=head.agency).order_by("decided_on", "id")
    ]
    client.force_login(supervisor)
    response = client.get("/discretion-consistency/", {"outliers": "1"})
    assert [r.case_number for r in response.context["page"]] == [odd.case_number]
    html = response.content.decode()
    assert "畸重：罚款40,000.00元偏离同类案件中位数20,500.00元" in html
    # R-DAT-005: no figures per officer or agency, no officer column
    assert "<th>承办人</th>" not in html and "各执法单位" not in html and "各承办人" not in html


def test_r_dis_013_list_entry_case_offers_the_measure_step_and_records_it(client, handler, investigated, item, bureau):
    from tests.discretion.factories import published_list

    entry = published_list(bureau, item)
    services.submit_investigation_report(
        actor=handler,
        case=investigated,
        report="首违",
        proposed_kinds=[],
        circumstances={"first_violation": True, "slight_harm": True, "corrected_in_time": True},
        exemption_entry=entry,
    )
    client.force_login(handler)
    page = client.get(f"/cases/{investigated.pk}/")
    assert ("flexible-measures", "") in [(p.step.action, p.step.blocked) for p in page.context["panels"]]
    assert "作出决定前须记录教育等柔性执法措施" in page.content.decode()
    response = client.post(
        f"/cases/{investigated.pk}/steps/flexible-measures/",
        {
            "flexible-measures-kind": "guidance",
            "flexible-measures-performed_on": "2026-03-02",
            "flexible-measures-content": "指导建立餐具消毒记录",
        },
    )
    assert response.status_code == 302
    assert [(m.kind, m.content) for m in investigated.flexible_measures.all()] == [("guidance", "指导建立餐具消毒记录")]
    assert "作出决定前须记录教育等柔性执法措施" not in client.get(f"/cases/{investigated.pk}/").content.decode()
