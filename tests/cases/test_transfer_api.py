"""``/api/v1/criminal-transfers/``: a whole transfer through the API, refusals as {code, field, message}, the data
scope through the case's agency (other agency 404), and a constant list-query budget."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.models import CriminalTransfer, PenaltyCase
from zhifa.ledger.models import Event

from .transfer_support import (
    ALL_MATERIALS,
    CHARGE,
    fixture_approved,  # noqa: F401
    fixture_crime_case,  # noqa: F401
    fixture_proposed,  # noqa: F401
    returned_rows,
)

pytestmark = pytest.mark.django_db
URL = "/api/v1/criminal-transfers/"


def _post(api_client, user, url, data=None):
    api_client.force_authenticate(user)
    return api_client.post(url, data or {}, format="json")


def test_anonymous_gets_401_and_nothing_changes(api_client, proposed):
    assert api_client.get(URL).status_code == 401
    assert api_client.post(f"{URL}{proposed.pk}/approve/").status_code == 401
    assert CriminalTransfer.objects.get(pk=proposed.pk).state == "proposed"


def test_whole_transfer_declined_reconsidered_and_resumed_through_the_api(
    api_client, crime_case, handler, head, lead, co
):
    response = _post(
        api_client,
        handler,
        URL,
        {"penalty_case": crime_case.pk, "charge": CHARGE, "facts": "销售过期食品3吨", "team": [lead.pk, co.pk]},
    )
    assert response.status_code == 201
    body = response.json()
    pk = body["id"]
    assert (body["state"], body["state_display"], body["team_names"], body["head_decision_deadline"]) == (
        "proposed",
        "拟移送",
        ["周协办", "李承办"],
        "2026-03-05",
    )
    body = _post(api_client, head, f"{URL}{pk}/approve/").json()
    assert (body["state"], body["transfer_deadline"], body["approved_by_name"]) == (
        "approved",
        "2026-03-03T10:00:00+08:00",
        "郑负责",
    )
    body = _post(
        api_client,
        handler,
        f"{URL}{pk}/transfer/",
        {"public_security": "示范县公安局", "materials": ALL_MATERIALS, "copied_to_procuratorate_on": "2026-03-02"},
    ).json()
    assert (body["state"], body["is_transfer_late"], body["police_reply_deadline"]) == (
        "transferred",
        False,
        "2026-03-05",
    )
    body = _post(
        api_client,
        handler,
        f"{URL}{pk}/police-decision/",
        {"decision": "declined", "decided_on": "2026-03-02", "reason": "未达立案追诉标准"},
    ).json()
    assert (body["state"], body["reconsideration_deadline"]) == ("declined", "2026-03-05")
    body = _post(api_client, handler, f"{URL}{pk}/reconsideration/", {"requested_on": "2026-03-02"}).json()
    assert body["reconsideration_reply_deadline"] == "2026-03-05"
    body = _post(
        api_client,
        handler,
        f"{URL}{pk}/police-decision/",
        {"decision": "declined", "decided_on": "2026-03-02", "reason": "维持不予立案"},
    ).json()
    assert (body["state"], body["reconsideration_answered_on"]) == ("declined", "2026-03-02")
    response = _post(api_client, head, f"{URL}{pk}/resume-case/", {"reason": "依法给予行政处罚"})
    assert (response.status_code, response.json()["case_resumed_at"]) == (200, "2026-03-02T10:00:00+08:00")
    case = PenaltyCase.objects.get(pk=crime_case.pk)
    assert (case.state, case.crime_suspected) == ("under_case_review", False)
    assert list(
        Event.objects.filter(subject_type="cases.criminaltransfer", subject_id=str(pk)).values_list(
            "event_type", flat=True
        )
    ) == [
        "criminal_transfer.proposed",
        "criminal_transfer.approved",
        "criminal_transfer.transferred",
        "criminal_transfer.declined",
        "criminal_transfer.reconsideration_requested",
        "criminal_transfer.declined",
    ]


def test_refusal_reaches_the_client_with_code_field_and_message(api_client, head, handler, proposed):
    _post(api_client, head, f"{URL}{proposed.pk}/approve/")
    events = Event.objects.count()
    response = _post(
        api_client,
        handler,
        f"{URL}{proposed.pk}/transfer/",
        {
            "public_security": "示范县公安局",
            "materials": ["transfer_letter"],
            "copied_to_procuratorate_on": "2026-03-02",
        },
    )
    assert (response.status_code, response.json()) == (
        400,
        {
            "code": "case_refused",
            "field": "materials",
            "message": "移送材料不全，缺少：涉嫌犯罪案件情况的调查报告、涉案物品清单、有关检验报告或者鉴定意见（R-TRN-006）",
        },
    )
    assert (CriminalTransfer.objects.get(pk=proposed.pk).state, Event.objects.count()) == ("approved", events)


def test_handler_may_not_approve_403(api_client, handler, proposed):
    response = _post(api_client, handler, f"{URL}{proposed.pk}/approve/")
    assert (response.status_code, response.json()["message"]) == (403, "只有本单位负责人可以批准移送")
    assert CriminalTransfer.objects.get(pk=proposed.pk).state == "proposed"


def test_out_of_order_step_is_409(api_client, handler, proposed):
    response = _post(
        api_client, handler, f"{URL}{proposed.pk}/police-decision/", {"decision": "filed", "decided_on": "2026-03-02"}
    )
    assert (response.status_code, response.json()) == (
        409,
        {
            "code": "case_state_conflict",
            "field": "state",
            "message": "移送记录当前状态为“拟移送”，不能登记公安机关的决定",
        },
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("handler", 200),
        ("head", 200),
        ("supervisor", 200),
        ("other_agency_handler", 404),
        ("neighbour_handler", 404),
        ("other_region_supervisor", 404),
        ("system_admin", 404),
    ],
)
def test_retrieve_scope_matrix(api_client, request, proposed, persona, status):
    api_client.force_authenticate(request.getfixturevalue(persona))
    assert api_client.get(f"{URL}{proposed.pk}/").status_code == status
    listed = [row["id"] for row in api_client.get(URL).json()["results"]]
    assert listed == ([proposed.pk] if status == 200 else [])


def test_other_agency_acting_gets_404_and_nothing_changes(api_client, other_agency_handler, proposed):
    events = Event.objects.count()
    response = _post(api_client, other_agency_handler, f"{URL}{proposed.pk}/refuse/", {"reason": "不移送"})
    assert response.status_code == 404
    assert (CriminalTransfer.objects.get(pk=proposed.pk).state, Event.objects.count()) == ("proposed", events)


def test_other_agency_cannot_propose_on_a_case_outside_its_scope(api_client, other_agency_handler, crime_case):
    response = _post(
        api_client,
        other_agency_handler,
        URL,
        {"penalty_case": crime_case.pk, "charge": CHARGE, "facts": "事实", "team": []},
    )
    assert (response.status_code, response.json()["penalty_case"]) == (
        400,
        [f"案件：编号为{crime_case.pk}的记录不存在或不在您的数据范围内"],
    )
    assert CriminalTransfer.objects.count() == 0


def test_supervisor_reads_but_may_not_act(api_client, supervisor, proposed):
    response = _post(api_client, supervisor, f"{URL}{proposed.pk}/approve/")
    assert (response.status_code, response.json()["message"]) == (403, "只有本单位负责人可以批准移送")
    assert CriminalTransfer.objects.get(pk=proposed.pk).state == "proposed"


def _list_queries(api_client, user):
    api_client.force_authenticate(user)
    api_client.get(URL)  # warm the user's cached agency and region
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(URL, {"page_size": 100})
    return response.json()["count"], len(queries)


def test_list_query_budget_is_constant(api_client, crime_case, handler, lead, co):
    returned_rows(crime_case, handler, [lead, co], 5)
    count5, queries5 = _list_queries(api_client, handler)
    returned_rows(crime_case, handler, [lead, co], 45)
    count50, queries50 = _list_queries(api_client, handler)
    assert (count5, count50, queries50) == (5, 50, queries5)
