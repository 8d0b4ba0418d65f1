"""我的案件 (who sees which cases, filters, constant queries), 案源 list/register/detail, 立案 and 当场处罚 forms."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases import services
from zhifa.cases.models import CaseSource, PenaltyCase

pytestmark = pytest.mark.django_db


def _listed(client, user, **params):
    client.force_login(user)
    response = client.get("/cases/", params)
    assert response.status_code == 200
    return [c.case_number for c in response.context["page"].object_list]


def test_anonymous_is_sent_to_login(client):
    for url in ("/cases/", "/case-sources/", "/cases/on-the-spot/", "/cases/new/"):
        assert client.get(url).status_code == 302


def test_my_cases_for_handler_head_supervisor_and_others(
    client, filed_case, handler, head, supervisor, other_agency_handler, other_region_supervisor, agency
):
    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role

    unassigned = UserFactory(username="unassigned", agency=agency, roles=[Role.HANDLER])
    number = filed_case.case_number
    assert _listed(client, handler) == [number]
    assert _listed(client, unassigned) == []  # a handler sees the cases they handle
    assert _listed(client, head) == [number]  # the head sees the agency's
    assert _listed(client, supervisor) == [number]  # the supervisor the region's
    assert _listed(client, other_agency_handler) == []
    assert _listed(client, other_region_supervisor) == []


def test_filters_and_overdue_badge(client, handler, filed_case):
    assert _listed(client, handler, state="investigating") == []
    assert _listed(client, handler, state="filed", procedure="general") == [filed_case.case_number]
    assert _listed(client, handler, overdue="1") == []
    PenaltyCase.objects.filter(pk=filed_case.pk).update(decision_deadline=date(2026, 3, 1))
    assert _listed(client, handler, overdue="1") == [filed_case.case_number]
    rows = client.get("/cases/", HTTP_HX_REQUEST="true").content.decode()
    assert '<span class="badge bad">已超期</span>' in rows
    assert "<html" not in rows


def test_list_buttons_follow_the_roles(client, handler, head):
    client.force_login(handler)
    html = client.get("/cases/").content.decode()
    assert ('href="/cases/new/"' in html, 'href="/cases/on-the-spot/"' in html) == (False, True)
    client.force_login(head)
    assert 'href="/cases/new/"' in client.get("/cases/").content.decode()


def _bulk(agency, party, item, count, start):
    PenaltyCase.objects.bulk_create(
        [
            PenaltyCase(
                agency=agency,
                case_number=f"B{start + i:05d}",
                party=party,
                enforcement_item=item,
                cause="批量",
                act_on=date(2026, 2, 1),
                discovered_on=date(2026, 2, 2),
                filed_on=date(2026, 2, 3),
                decision_deadline=date(2026, 3, 1),
            )
            for i in range(count)
        ]
    )


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return len(ctx), response.context["page"].paginator.count


def test_list_pages_query_count_is_the_same_for_5_and_50_rows(client, head, agency, company, item):
    client.force_login(head)
    _bulk(agency, company, item, 5, 0)
    for i in range(5):
        services.register_source(
            actor=head, agency=agency, channel="complaint", received_on=date(2026, 3, 2), summary=f"投诉{i}"
        )
    five = [_queries(client, "/cases/"), _queries(client, "/case-sources/")]
    _bulk(agency, company, item, 45, 100)
    for i in range(45):
        services.register_source(
            actor=head, agency=agency, channel="complaint", received_on=date(2026, 3, 2), summary=f"更多{i}"
        )
    fifty = [_queries(client, "/cases/"), _queries(client, "/case-sources/")]
    assert [n for _, n in five] == [5, 5]
    assert [n for _, n in fifty] == [50, 50]
    assert [q for q, _ in five] == [q for q, _ in fifty]


def test_register_a_source_then_verify_propose_and_file_it(client, handler, head, company, item, lead, co):
    client.force_login(handler)
    response = client.post(
        "/case-sources/new/",
        {
            "channel": "complaint",
            "received_on": "2026-02-26",
            "summary": "消费者投诉：售卖过期食品",
            "party": company.pk,
            "enforcement_item": item.pk,
        },
    )
    source = CaseSource.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/case-sources/{source.pk}/")
    assert [p.step.action for p in client.get(f"/case-sources/{source.pk}/").context["panels"]] == ["verify"]
    client.post(f"/case-sources/{source.pk}/steps/verify/")
    client.post(f"/case-sources/{source.pk}/steps/propose-filing/")
    panels = client.get(f"/case-sources/{source.pk}/").context["panels"]
    assert [(p.step.action, p.step.blocked) for p in panels] == [
        ("file", "需由本单位负责人批准或决定"),
        ("decline-filing", "需由本单位负责人批准或决定"),
    ]
    client.force_login(head)
    form = client.get(f"/case-sources/{source.pk}/").context["panels"][0].form
    assert (form["party"].value(), form["discovered_on"].value()) == (company.pk, date(2026, 2, 26))
    response = client.post(
        f"/case-sources/{source.pk}/steps/file/",
        {
            "file-party": company.pk,
            "file-enforcement_item": item.pk,
            "file-cause": "销售超过保质期的食品",
            "file-act_on": "2026-02-20",
            "file-discovered_on": "2026-02-26",
            "file-lead_handler": lead.pk,
            "file-co_handlers": [co.pk],
        },
    )
    case = PenaltyCase.objects.get()
    assert (response.status_code, response["Location"], case.source_id) == (302, f"/cases/{case.pk}/", source.pk)
    assert CaseSource.objects.get().state == "filed"


def test_register_refusal_is_shown_next_to_the_field(client, handler):
    client.force_login(handler)
    response = client.post("/case-sources/new/", {"channel": "complaint", "received_on": "2026-03-03", "summary": "x"})
    assert response.status_code == 400
    assert response.context["form"].errors == {"received_on": ["收到日期不能晚于今天"]}
    assert CaseSource.objects.count() == 0


def test_supervisor_gets_no_register_form(client, supervisor):
    client.force_login(supervisor)
    assert client.get("/case-sources/").context["form"] is None


def test_file_a_case_without_source_refusal_then_success(client, head, company, item, lead, co):
    client.force_login(head)
    data = {
        "party": company.pk,
        "enforcement_item": item.pk,
        "cause": "销售过期食品",
        "act_on": "2023-01-01",
        "discovered_on": "2026-03-02",
        "lead_handler": lead.pk,
        "co_handlers": [co.pk],
    }
    response = client.post("/cases/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "discovered_on": ["违法行为在二年内未被发现，2025年1月1日后不再给予行政处罚，不能立案（R-PEN-008）"]
    }
    assert PenaltyCase.objects.count() == 0
    response = client.post("/cases/new/", {**data, "act_on": "2026-02-20"})
    case = PenaltyCase.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/cases/{case.pk}/")


def test_on_the_spot_form_refuses_above_the_limit_and_decides_within(client, handler, person, item, lead, co):
    client.force_login(handler)
    form = client.get("/cases/on-the-spot/").context["form"]
    assert [v for v, _ in form.fields["penalty_kinds"].choices] == ["warning", "fine"]
    data = {
        "party": person.pk,
        "enforcement_item": item.pk,
        "cause": "占道经营",
        "place": "人民路12号",
        "officers": [lead.pk, co.pk],
        "penalty_kinds": ["fine"],
        "fine_amount": "200.01",
        "statement_heard": "on",
    }
    response = client.post("/cases/on-the-spot/", data)
    assert response.status_code == 400
    assert "对公民（含个体工商户）当场罚款不得超过200.00元（本案200.01元）" in response.content.decode()
    assert PenaltyCase.objects.count() == 0
    response = client.post("/cases/on-the-spot/", {**data, "fine_amount": "200.00"})
    case = PenaltyCase.objects.get()
    assert (response.status_code, case.procedure, case.state) == (302, "simple", "executing")
    panels = client.get(f"/cases/{case.pk}/").context["panels"]
    assert [(p.step.action, p.step.blocked) for p in panels] == [
        ("lodge", ""),
        ("payments", ""),
        ("apply-payment-plan", ""),  # 执行 (R-PEN-025, R-COE-010): the 15 days to pay run until 17 March
        (
            "serve-demand-notice",
            "当事人尚未逾期不履行：缴款期限至2026年3月17日，届满仍未缴纳的方可催告（R-COE-010、R-PEN-025），最早2026年3月18日",
        ),
        ("remedies", ""),
    ]


def test_other_agency_officer_cannot_be_chosen_on_the_spot(client, handler, other_agency, person, item, lead):
    from tests.personnel.factories import OfficerFactory

    stranger = OfficerFactory(agency=other_agency, name="韩他局")
    client.force_login(handler)
    response = client.post(
        "/cases/on-the-spot/",
        {
            "party": person.pk,
            "enforcement_item": item.pk,
            "cause": "占道经营",
            "place": "人民路12号",
            "officers": [lead.pk, stranger.pk],
            "penalty_kinds": ["warning"],
            "fine_amount": "0",
            "statement_heard": "on",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "officers": [f"执法人员（至少2人）：编号为{stranger.pk}的记录不存在或不在您的数据范围内"]
    }
