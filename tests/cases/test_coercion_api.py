"""``/api/v1/coercive-measures/``: a measure walked through the API, refusals as {code, field, message} with
nothing changed, data scope through the case's agency (other agency 404), constant list query count."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cases.coercion_support import SEAL_BASIS, apply, attach_av, coercion_item
from zhifa.cases.models import CoerciveMeasure, InventoryItem
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.coercion_fixtures"]  # fixtures: approved_measure, started_measure …
URL = "/api/v1/coercive-measures/"


def _post(api_client, user, url, data=None):
    api_client.force_authenticate(user)
    return api_client.post(url, data or {}, format="json")


def test_anonymous_gets_401(api_client, approved_measure):
    assert api_client.get(URL).status_code == 401
    assert api_client.post(f"{URL}{approved_measure.pk}/approve/").status_code == 401
    assert api_client.post(URL, {}, format="json").status_code == 401


def test_a_measure_walked_through_the_api(memory_storage, api_client, filed_case, handler, head, lead, co):
    response = _post(
        api_client,
        handler,
        URL,
        {
            "penalty_case": filed_case.pk,
            "kind": "seizure",
            "enforcement_item": coercion_item(filed_case).pk,
            "place": "后厨仓库",
            "reason": "涉嫌生产经营超过保质期的食品",
            "legal_basis": SEAL_BASIS,
        },
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    assert (response.json()["state"], response.json()["state_display"]) == ("pending_approval", "待批准")
    response = _post(
        api_client, handler, f"{URL}{pk}/inventory-items/", {"name": "过期牛奶", "quantity": "12", "unit": "盒"}
    )
    assert response.status_code == 201
    assert [(i["name"], i["quantity"], i["unit"]) for i in response.json()["inventory_items"]] == [
        ("过期牛奶", "12.000", "盒")
    ]
    assert _post(api_client, head, f"{URL}{pk}/approve/").json()["decided_on"] == "2026-03-02"
    response = _post(api_client, handler, f"{URL}{pk}/start/", {"officers": [lead.pk, co.pk]})
    assert (response.status_code, response.json()) == (
        409,
        {
            "code": "av_record_missing",
            "field": "evidence",
            "message": "“查封扣押”须有全程音像记录，请先上传录音录像再完成此环节（R-REC-003）",
        },
    )
    attach_av(CoerciveMeasure.objects.get(pk=pk), handler)
    response = _post(api_client, handler, f"{URL}{pk}/start/", {"officers": [lead.pk, co.pk]})
    assert (response.status_code, response.json()["state"], response.json()["term_deadline"]) == (
        200,
        "in_force",
        "2026-04-01",
    )
    response = _post(api_client, head, f"{URL}{pk}/extend/", {"days": 30, "reason": "案情复杂"})
    assert (response.json()["state"], response.json()["due_on"]) == ("extended", "2026-05-01")
    response = _post(api_client, head, f"{URL}{pk}/release/", {"ground": "no_violation", "reason": "无违法行为"})
    assert (response.status_code, response.json()["state"], response.json()["release_ground_display"]) == (
        200,
        "released",
        "当事人没有违法行为",
    )
    assert list(
        Event.objects.filter(subject_id=str(pk), event_type__startswith="coercive_measure.")
        .order_by("sequence")
        .values_list("event_type", flat=True)
    ) == [
        "coercive_measure.applied",
        "coercive_measure.inventory_item_added",
        "coercive_measure.approved",
        "coercive_measure.started",
        "coercive_measure.extended",
        "coercive_measure.released",
    ]


def test_emergency_and_retro_approval_through_the_api(memory_storage, api_client, filed_case, handler, head, lead, co):
    response = _post(
        api_client,
        handler,
        f"{URL}emergency/",
        {
            "penalty_case": filed_case.pk,
            "kind": "seizure",
            "enforcement_item": coercion_item(filed_case).pk,
            "place": "农贸市场",
            "reason": "当事人正在转移涉案食品",
            "legal_basis": SEAL_BASIS,
            "officers": [lead.pk, co.pk],
        },
    )
    assert (response.status_code, response.json()["state"], response.json()["retro_approval_deadline"]) == (
        201,
        "awaiting_retro_approval",
        "2026-03-03T10:00:00+08:00",
    )
    pk = response.json()["id"]
    _post(api_client, handler, f"{URL}{pk}/inventory-items/", {"name": "过期牛奶", "quantity": "3", "unit": "箱"})
    attach_av(CoerciveMeasure.objects.get(pk=pk), handler)
    response = _post(api_client, head, f"{URL}{pk}/retro-approve/")
    assert (response.status_code, response.json()["state"]) == (200, "in_force")


def test_refusal_is_400_naming_the_field_and_nothing_changes(api_client, started_measure, head):
    events = Event.objects.count()
    response = _post(api_client, head, f"{URL}{started_measure.pk}/extend/", {"days": 31, "reason": "案情复杂"})
    assert (response.status_code, response.json()) == (
        400,
        {"code": "case_refused", "field": "days", "message": "延长期限应为1至30日（R-COE-007）"},
    )
    assert (CoerciveMeasure.objects.get(pk=started_measure.pk).state, Event.objects.count()) == ("in_force", events)


def test_handler_may_not_approve_403_and_nothing_changes(api_client, approved_measure, filed_case, handler):
    measure = apply(filed_case, handler)
    events = Event.objects.count()
    response = _post(api_client, handler, f"{URL}{measure.pk}/approve/")
    assert (response.status_code, response.json()["message"]) == (
        403,
        "只有本单位负责人可以批准采取行政强制措施（R-COE-002）",
    )
    assert (CoerciveMeasure.objects.get(pk=measure.pk).approved_by_id, Event.objects.count()) == (None, events)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("handler", 200), ("head", 200), ("supervisor", 200), ("other_agency_handler", 404), ("neighbour_handler", 404)],
)
def test_retrieve_and_list_scope(api_client, request, approved_measure, persona, status):
    api_client.force_authenticate(request.getfixturevalue(persona))
    assert api_client.get(f"{URL}{approved_measure.pk}/").status_code == status
    listed = [row["id"] for row in api_client.get(URL).json()["results"]]
    assert listed == ([approved_measure.pk] if status == 200 else [])


def test_acting_from_another_agency_is_404_and_nothing_changes(api_client, approved_measure, other_agency_handler):
    events = Event.objects.count()
    response = _post(
        api_client,
        other_agency_handler,
        f"{URL}{approved_measure.pk}/inventory-items/",
        {"name": "x", "quantity": "1", "unit": "个"},
    )
    assert response.status_code == 404
    assert (InventoryItem.objects.filter(measure=approved_measure).count(), Event.objects.count()) == (1, events)


def test_applying_for_a_case_of_another_agency_is_400(api_client, filed_case, other_agency_handler):
    response = _post(
        api_client,
        other_agency_handler,
        URL,
        {"penalty_case": filed_case.pk, "kind": "sealing", "place": "x", "reason": "x", "legal_basis": SEAL_BASIS},
    )
    assert response.status_code == 400
    assert CoerciveMeasure.objects.count() == 0


def _measures(case, user, lead, co, count):
    for n in range(count):
        measure = CoerciveMeasure.objects.create(
            penalty_case=case,
            kind="sealing",
            place=f"仓库{n}",
            reason="理由",
            legal_basis=SEAL_BASIS,
            applied_by=user,
            applied_on=date(2026, 3, 2),
        )
        InventoryItem.objects.create(measure=measure, name="牛奶", quantity=1, unit="盒")
        measure.officers.set([lead, co])


def test_list_query_count_is_constant(api_client, filed_case, handler, lead, co):
    api_client.force_authenticate(handler)
    api_client.get(URL)  # warm-up: per-process caches
    counts = []
    for total in (5, 50):
        _measures(filed_case, handler, lead, co, total - CoerciveMeasure.objects.count())
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(URL)
        assert response.json()["count"] == total
        counts.append(len(queries))
    assert counts[0] == counts[1]
