"""事前公示 refresh (R-PUB-001, R-PUB-003): a new snapshot only when the content digest changed, the previous one
superseded (kept internally, off the portal); an officer who left post or an abolished item leaves the next snapshot;
an inactive agency loses its publications."""

from __future__ import annotations

from datetime import date

import pytest

from tests.publicity.before_support import current, refresh
from zhifa.catalog import services as catalog_services
from zhifa.ledger.models import Event
from zhifa.publicity.choices import PublicationKind, PublicationState, PublicityPhase
from zhifa.publicity.models import Publication

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lead", "co", "item")]


def test_first_refresh_publishes_each_kind_with_content(agency):
    result = refresh(agency)
    kinds = {p.kind for p in result.published}
    assert {PublicationKind.AGENCY, PublicationKind.OFFICER, PublicationKind.ENFORCEMENT_ITEM} <= kinds
    assert PublicationKind.DISCRETION_BENCHMARK not in kinds  # no benchmark yet: nothing to publish
    assert all(p.state == PublicationState.PUBLISHED and p.phase == PublicityPhase.BEFORE for p in result.published)
    assert Event.objects.filter(event_type="publication.before_published").count() == len(result.published)


def test_unchanged_registry_creates_nothing(agency):
    refresh(agency)
    count = Publication.objects.count()
    assert not refresh(agency).changed
    assert Publication.objects.count() == count


def test_changed_content_supersedes_the_previous_snapshot(agency, lead):
    refresh(agency)
    before = current(agency)
    lead.name = "李新名"
    lead.save(update_fields=["name"])
    result = refresh(agency)
    before.refresh_from_db()
    assert before.state == PublicationState.SUPERSEDED
    assert [p.kind for p in result.published] == [PublicationKind.OFFICER]
    assert "李新名" in [o["name"] for o in current(agency).snapshot["officers"]]


def test_officer_leaving_post_leaves_the_snapshot(agency, co):
    refresh(agency)
    co.is_on_post = False
    co.left_post_on = date(2026, 3, 1)
    co.left_post_reason = "transfer"
    co.save()
    refresh(agency)
    assert [o["name"] for o in current(agency).snapshot["officers"]] == ["李承办"]


def test_abolished_item_leaves_the_item_list(agency, item):
    refresh(agency)
    catalog_services.abolish_item(user=None, item=item)
    result = refresh(agency)
    assert current(agency, PublicationKind.ENFORCEMENT_ITEM) is None
    assert PublicationKind.ENFORCEMENT_ITEM in {p.kind for p in result.superseded}


def test_inactive_agency_loses_every_publication(agency):
    refresh(agency)
    agency.is_active = False
    agency.save(update_fields=["is_active"])
    refresh(agency)
    assert not Publication.objects.filter(agency=agency, state=PublicationState.PUBLISHED).exists()
    assert Publication.objects.filter(agency=agency, state=PublicationState.SUPERSEDED).exists()
