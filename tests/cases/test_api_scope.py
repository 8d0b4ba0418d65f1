"""Data scope of the cases API (``visible_to``): own agency 200, other agency / neighbour region 404, the county's
supervisor reads (200) but may not act (403, nothing changed); list filters; constant query counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases import services
from zhifa.cases.models import CaseSource, PenaltyCase
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("handler", 200),
        ("head", 200),
        ("other_agency_handler", 404),
        ("neighbour_handler", 404),
        ("supervisor", 200),
        ("city_supervisor", 200),
        ("other_region_supervisor", 404),
        ("system_admin", 404),  # no case data by default
    ],
)
def test_retrieve_scope_matrix(api_client, request, filed_case, persona, status):
    api_client.force_authenticate(request.getfixturevalue(persona))
    response = api_client.get(f"/api/v1/penalty-cases/{filed_case.pk}/")
    assert response.status_code == status
    listed = [row["id"] for row in api_client.get("/api/v1/penalty-cases/").json()["results"]]
    assert listed == ([filed_case.pk] if status == 200 else [])


@pytest.mark.parametrize(("persona", "status"), [("other_agency_handler", 404), ("neighbour_handler", 404)])
def test_acting_outside_the_scope_is_404_and_nothing_changes(api_client, request, filed_case, persona, status):
    api_client.force_authenticate(request.getfixturevalue(persona))
    events = Event.objects.count()
    response = api_client.post(f"/api/v1/penalty-cases/{filed_case.pk}/archive/")
    assert response.status_code == status
    assert (PenaltyCase.objects.get(pk=filed_case.pk).state, Event.objects.count()) == ("filed", events)


def test_supervisor_reads_but_may_not_act(api_client, supervisor, filed_case, lead, co):
    api_client.force_authenticate(supervisor)
    data = api_client.get(f"/api/v1/penalty-cases/{filed_case.pk}/").json()
    assert (data["case_number"], data["next_steps"]) == (filed_case.case_number, [])
    events = Event.objects.count()
    response = api_client.post(
        f"/api/v1/penalty-cases/{filed_case.pk}/investigative-steps/",
        {
            "kind": "inquiry",
            "performed_on": "2026-03-02",
            "place": "现场",
            "summary": "询问",
            "officers": [lead.pk, co.pk],
        },
        format="json",
    )
    assert (response.status_code, response.json()["message"]) == (403, "只有本案承办人可以记录调查取证")
    response = api_client.post(f"/api/v1/penalty-cases/{filed_case.pk}/declare-no-conflict/")
    assert (response.status_code, response.json()["message"]) == (403, "只有本案承办人可以作出回避声明")
    assert (PenaltyCase.objects.get(pk=filed_case.pk).state, Event.objects.count()) == ("filed", events)
    assert filed_case.investigative_steps.count() == 0


def test_supervisor_may_not_register_a_source(api_client, supervisor):
    api_client.force_authenticate(supervisor)
    response = api_client.post(
        "/api/v1/case-sources/",
        {"channel": "complaint", "received_on": "2026-03-02", "summary": "投诉"},
        format="json",
    )
    assert (response.status_code, response.json()["message"]) == (403, "只有本单位的承办人或负责人可以登记案源")
    assert CaseSource.objects.count() == 0


def test_source_scope(api_client, handler, other_agency_handler, supervisor, agency):
    source = services.register_source(
        actor=handler, agency=agency, channel="inspection", received_on=date(2026, 3, 2), summary="检查发现"
    )
    for user, status in ((handler, 200), (supervisor, 200), (other_agency_handler, 404)):
        api_client.force_authenticate(user)
        assert api_client.get(f"/api/v1/case-sources/{source.pk}/").status_code == status
    api_client.force_authenticate(supervisor)
    assert api_client.post(f"/api/v1/case-sources/{source.pk}/verify/").status_code == 403
    assert CaseSource.objects.get(pk=source.pk).state == "registered"


def test_list_filters_state_procedure_overdue_and_mine(api_client, handler, head, filed_case):
    api_client.force_authenticate(head)

    def ids(**params):
        return [row["id"] for row in api_client.get("/api/v1/penalty-cases/", params).json()["results"]]

    assert ids(state="filed") == [filed_case.pk]
    assert ids(state="closed") == []
    assert ids(procedure="simple") == []
    assert ids(overdue="true") == []
    assert ids(mine="true") == []  # the head handles no case
    PenaltyCase.objects.filter(pk=filed_case.pk).update(decision_deadline=date(2026, 3, 1))
    assert ids(overdue="true") == [filed_case.pk]
    row = api_client.get("/api/v1/penalty-cases/").json()["results"][0]
    assert (row["is_overdue"], row["party_name"]) == (True, "示范县好味道餐饮有限公司")
    api_client.force_authenticate(handler)
    assert ids(mine="true") == [filed_case.pk]


def _bulk_cases(agency, party, item, count, start):
    PenaltyCase.objects.bulk_create(
        [
            PenaltyCase(
                agency=agency,
                case_number=f"Q{start + i:05d}",
                party=party,
                enforcement_item=item,
                cause="批量",
                act_on=date(2026, 2, 1),
                discovered_on=date(2026, 2, 2),
                filed_on=date(2026, 2, 3),
                decision_deadline=date(2026, 5, 4),
            )
            for i in range(count)
        ]
    )


def _sources(head, agency, count, start):
    for i in range(count):
        services.register_source(
            actor=head, agency=agency, channel="complaint", received_on=date(2026, 3, 2), summary=f"投诉{start + i}"
        )


def _count(api_client, url):
    api_client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = api_client.get(url)
    assert response.status_code == 200
    return len(ctx), response.json()["count"]


def test_list_query_counts_are_the_same_for_5_and_50_rows(api_client, head, agency, company, item):
    api_client.force_authenticate(head)
    _bulk_cases(agency, company, item, 5, 0)
    _sources(head, agency, 5, 0)
    five = (_count(api_client, "/api/v1/penalty-cases/"), _count(api_client, "/api/v1/case-sources/"))
    _bulk_cases(agency, company, item, 45, 100)
    _sources(head, agency, 45, 100)
    fifty = (_count(api_client, "/api/v1/penalty-cases/"), _count(api_client, "/api/v1/case-sources/"))
    assert [n for _, n in five] == [5, 5]
    assert [n for _, n in fifty] == [50, 50]
    assert [q for q, _ in five] == [q for q, _ in fifty]
