"""Discretion API: every signed-in user reads the published benchmarks and lists of their region; the bureau and
agency administrators write (``discretion.rules``); a refused write changes nothing."""

from __future__ import annotations

import pytest

from tests.discretion.factories import food_tiers, published_benchmark, published_list
from zhifa.discretion.models import DiscretionBenchmark, ExemptionList, ExemptionListEntry

pytestmark = pytest.mark.django_db
URL = "/api/v1/discretion-benchmarks/"
ENTRIES = "/api/v1/no-penalty-entries/"


def _tier_json(tier):
    return {
        "tier": tier.tier,
        "conditions_text": tier.conditions_text,
        "match_mode": tier.match_mode,
        "fine_min_amount": str(tier.fine_min_amount) if tier.fine_min_amount is not None else None,
        "fine_max_amount": str(tier.fine_max_amount) if tier.fine_max_amount is not None else None,
        "allowed_kinds": list(tier.allowed_kinds),
        "conditions": [
            {"circumstance": c.circumstance, "min_value": c.min_value, "max_value": c.max_value}
            for c in tier.conditions
        ],
    }


def _body(item, article):
    return {
        "enforcement_item": item.pk,
        "penalty_article": article.pk,
        "title": "餐具消毒裁量基准",
        "legal_fine_min_amount": "5000",
        "legal_fine_max_amount": "50000",
        "tiers": [_tier_json(t) for t in food_tiers()],
    }


def test_anonymous_gets_401(api_client, item, article):
    assert api_client.get(URL).status_code == 401
    assert api_client.post(URL, _body(item, article), format="json").status_code == 401
    assert api_client.get(ENTRIES).status_code == 401


def test_handler_reads_published_benchmarks_but_may_not_write(api_client, handler, item, article, neighbour_agency):
    from tests.catalog.factories import EnforcementItemFactory
    from tests.discretion.factories import penalty_article

    live = published_benchmark(item, article=article)
    neighbour_item = EnforcementItemFactory(agency=neighbour_agency, in_force=True)
    published_benchmark(neighbour_item, article=penalty_article(neighbour_item, number=127))
    api_client.force_authenticate(handler)
    rows = api_client.get(URL).json()["results"]
    assert [(r["id"], r["state"], [t["tier"] for t in r["tiers"]]) for r in rows] == [
        (live.pk, "in_force", ["no_penalty", "lighter", "standard", "heavier"])
    ]
    assert api_client.post(f"{URL}{live.pk}/suspend/").status_code == 403
    assert api_client.post(URL, {**_body(item, article), "title": "另一个"}, format="json").status_code == 403
    assert DiscretionBenchmark.objects.get(pk=live.pk).state == "in_force"


def test_drafts_are_seen_only_by_whoever_sees_the_agency(api_client, agency_admin, other_agency_handler, item, article):
    api_client.force_authenticate(agency_admin)
    response = api_client.post(URL, _body(item, article), format="json")
    assert response.status_code == 201, response.json()
    draft = response.json()
    assert (draft["state"], len(draft["tiers"]), draft["tiers"][1]["range_text"]) == (
        "draft",
        4,
        "罚款5,000.00元至15,000.00元",
    )
    api_client.force_authenticate(other_agency_handler)
    assert api_client.get(f"{URL}{draft['id']}/").status_code == 404
    api_client.force_authenticate(agency_admin)
    published = api_client.post(f"{URL}{draft['id']}/publish/", {"effective_on": "2026-03-02"}, format="json")
    assert (published.status_code, published.json()["state"]) == (200, "in_force")
    api_client.force_authenticate(other_agency_handler)
    assert api_client.get(f"{URL}{draft['id']}/").status_code == 200  # published: public in the county (R-PUB-003)


def test_agency_admin_of_another_agency_cannot_create_for_this_item(api_client, other_agency, item, article):
    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role

    api_client.force_authenticate(UserFactory(agency=other_agency, roles=[Role.AGENCY_ADMIN]))
    response = api_client.post(URL, _body(item, article), format="json")
    assert response.status_code == 400
    assert response.json()["enforcement_item"] == [f"执法事项：编号为{item.pk}的记录不存在或不在您的数据范围内"]
    assert DiscretionBenchmark.objects.count() == 0


def test_r_dis_002_invalid_publish_through_the_api_is_400_with_the_rule(api_client, agency_admin, item, article):
    body = _body(item, article)
    body["tiers"] = body["tiers"][:2]  # no 一般 tier
    api_client.force_authenticate(agency_admin)
    draft = api_client.post(URL, body, format="json").json()
    response = api_client.post(f"{URL}{draft['id']}/publish/", {}, format="json")
    assert response.status_code == 400
    assert response.json()["message"] == "裁量基准须有一般阶次（R-DIS-002）；从轻阶次应至法定幅度上限止（R-DIS-002）"


def test_no_penalty_entries_read_by_staff_written_by_the_bureau(
    api_client, handler, bureau_admin, item, bureau, neighbour_handler
):
    entry = published_list(bureau, item)
    api_client.force_authenticate(handler)
    rows = api_client.get(ENTRIES).json()["results"]
    assert [(r["id"], r["kind"], r["required_circumstances"]) for r in rows] == [
        (entry.pk, "first_violation", ["first_violation", "corrected_in_time", "slight_harm"])
    ]
    api_client.force_authenticate(neighbour_handler)
    assert api_client.get(ENTRIES).json()["results"] == []
    body = {"agency": bureau.pk, "name": "第二批免罚清单"}
    api_client.force_authenticate(handler)
    assert api_client.post("/api/v1/exemption-lists/", body, format="json").status_code == 400  # bureau not in scope
    api_client.force_authenticate(bureau_admin)
    created = api_client.post("/api/v1/exemption-lists/", body, format="json")
    assert created.status_code == 201
    entry_body = {
        "exemption_list": created.json()["id"],
        "enforcement_item": item.pk,
        "kind": "minor_violation",
        "violation": "健康证明过期不超过三十日",
        "conditions_text": "违法行为轻微，及时改正，没有造成危害后果",
        "required_circumstances": ["minor_violation", "corrected_in_time", "no_harm"],
        "measures": ["admonition"],
    }
    api_client.force_authenticate(handler)
    refused = api_client.post(ENTRIES, entry_body, format="json")  # the bureau's draft is not the handler's
    assert (refused.status_code, refused.json()["exemption_list"]) == (
        400,
        [f"免罚清单：编号为{created.json()['id']}的记录不存在或不在您的数据范围内"],
    )
    assert ExemptionListEntry.objects.count() == 1
    api_client.force_authenticate(bureau_admin)
    response = api_client.post(ENTRIES, entry_body, format="json")
    assert (response.status_code, response.json()["sequence"]) == (201, 1)
    published = api_client.post(f"/api/v1/exemption-lists/{created.json()['id']}/publish/", {}, format="json")
    assert published.json()["state"] == "in_force"
    assert ExemptionList.objects.filter(state="in_force").count() == 2
