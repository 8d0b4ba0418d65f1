"""Who exports which 双公示 records (R-PUB-012): an agency's head or administrator its own agency, in full (the
non-public 证件 columns included: a personal-data export recorded in the ledger with who, when and the filters); a
司法局 supervisor every agency of its region, personal fields masked (R-PRV-006); nobody else. Same on the API."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.parties.factories import PartyFactory
from tests.publicity.credit_support import csv_rows, published_penalty
from tests.publicity.test_credit_export_fields import R_PUB_012_HEADERS
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db
URL = reverse("publicity:credit-export")
API = "/api/v1/publications/credit-export/"
ID_NUMBER = R_PUB_012_HEADERS.index("证件号码")


@pytest.fixture
def records(agency, other_agency, neighbour_agency, county, neighbour_county):
    person = PartyFactory(region=county, natural_person=True, name="刘小明")
    own = published_penalty(agency, person)
    own.snapshot["party"]["name"] = "刘某"  # as the redaction shows a natural person (R-PRV-003)
    own.save(update_fields=["snapshot"])
    return {
        "own": own,
        "other": published_penalty(other_agency, PartyFactory(region=county, name="他局当事人有限公司")),
        "neighbour": published_penalty(neighbour_agency, PartyFactory(region=neighbour_county, name="邻县有限公司")),
        "person": person,
    }


def _export(user, **query):
    client = Client()
    client.force_login(user)
    return client.get(URL, {"file_format": "csv", **query})


def _event() -> tuple[str, dict]:
    event = Event.objects.filter(event_type__startswith="publication.").order_by("-sequence").first()
    assert event is not None
    return event.event_type, json.loads(event.payload)


def test_an_agency_head_exports_only_its_agency_in_full(head, agency, records):
    rows = csv_rows(_export(head))
    assert [r[0] for r in rows[1:]] == ["刘小明"]
    assert rows[1][ID_NUMBER] == records["person"].id_number  # exchanged with 信用中国, not public (R-PUB-012)
    event_type, payload = _event()
    assert event_type == "publication.personal_data_exported"
    assert (payload["rows"], payload["personal_data"], payload["file_format"], payload["agency"]) == (
        1,
        True,
        "csv",
        None,
    )
    event = Event.objects.get(event_type=event_type)
    assert (event.actor_id, event.agency_id) == (head.pk, agency.pk)


def test_an_agency_admin_exports_too(agency_admin, records):
    assert [r[0] for r in csv_rows(_export(agency_admin))[1:]] == ["刘小明"]


def test_an_agency_user_cannot_name_another_agency(head, other_agency, records):
    before = Event.objects.count()
    response = _export(head, agency=other_agency.pk)
    assert response.status_code == 403 and response.context["errors"] == {
        "file_format": "无权导出该执法单位的双公示数据"
    }
    assert Event.objects.count() == before  # nothing exported, nothing recorded


def test_a_supervisor_exports_its_region_masked(supervisor, records):
    rows = csv_rows(_export(supervisor))
    assert sorted(r[0] for r in rows[1:]) == sorted(["刘某", "他局当事人有限公司"])  # not the neighbour county
    person_row = next(r for r in rows[1:] if r[0] == "刘某")
    assert person_row[ID_NUMBER] == records["person"].masked_id_number
    assert records["person"].id_number not in "".join(",".join(r) for r in rows)
    event_type, payload = _event()
    assert (event_type, payload["personal_data"], payload["rows"]) == ("publication.credit_exported", False, 2)


def test_a_supervisor_filters_by_agency(supervisor, other_agency, records):
    assert [r[0] for r in csv_rows(_export(supervisor, agency=other_agency.pk))[1:]] == ["他局当事人有限公司"]


@pytest.mark.parametrize("who", ["handler", "auditor", "other_region_supervisor_outside"])
def test_others_are_refused_or_see_nothing_of_the_county(request, who, records, other_region_supervisor):
    if who == "other_region_supervisor_outside":
        rows = csv_rows(_export(other_region_supervisor))
        assert [r[0] for r in rows[1:]] == ["邻县有限公司"]
        return
    user = request.getfixturevalue(who)
    response = _export(user)
    assert response.status_code == 403 and response.context["allowed"] is False
    assert not Event.objects.filter(
        event_type__in=["publication.personal_data_exported", "publication.credit_exported"]
    )


def test_api_exports_with_the_same_rules(api_client, head, supervisor, records):
    api_client.force_authenticate(head)
    response = api_client.get(API, {"file_format": "csv"})
    assert response.status_code == 200
    assert [r[0] for r in csv_rows(response)[1:]] == ["刘小明"]
    refused = api_client.get(API, {"file_format": "pdf"})
    assert refused.status_code == 400
    api_client.force_authenticate(supervisor)
    assert len(csv_rows(api_client.get(API, {"file_format": "csv"}))) == 3


def test_api_refuses_a_handler(api_client, handler, records):
    api_client.force_authenticate(handler)
    response = api_client.get(API, {"file_format": "xlsx"})
    assert response.status_code == 403
    assert (
        response.json()["message"] == "只有本单位负责人、执法单位管理员或司法局监督人员可以导出双公示数据（R-PUB-012）"
    )
