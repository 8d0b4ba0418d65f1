"""Finding 11: the admin does not go around the services for enforcement items."""

from __future__ import annotations

import pytest
from django.contrib import admin

from tests.catalog.factories import EnforcementItemFactory
from zhifa.catalog.choices import ItemKind
from zhifa.catalog.models import EnforcementItem

pytestmark = pytest.mark.django_db

LOCKED = {"code", "kind", "agency", "establishing_basis", "penalty_basis"}


def _post_change(client, item, **changes):
    data = {
        "name": item.name,
        "code": item.code,
        "kind": item.kind,
        "agency": item.agency_id,
        "sector": item.sector_id,
        "item_level": item.item_level,
        "source_item_code": "",
        "power_list_code": "",
        **changes,
    }
    return client.post(f"/admin/catalog/enforcementitem/{item.pk}/change/", data)


def test_r_pen_002_basis_kind_agency_and_code_of_an_item_in_force_are_read_only(
    client, system_admin, agency, penalty_article, duty_article
):
    item = EnforcementItemFactory(agency=agency, in_force=True, penalty_basis=[penalty_article])
    client.force_login(system_admin)
    response = _post_change(
        client, item, name="改名", code="CHANGED", kind=ItemKind.INSPECTION, penalty_basis=str(duty_article.pk)
    )
    assert response.status_code == 302
    saved = EnforcementItem.objects.get(pk=item.pk)
    assert (saved.name, saved.code, saved.kind) == ("改名", item.code, ItemKind.PENALTY)
    assert list(saved.penalty_basis.all()) == [penalty_article]


def test_a_draft_stays_editable_in_the_admin(rf, system_admin, agency):
    model_admin = admin.site._registry[EnforcementItem]
    request = rf.get("/admin/")
    request.user = system_admin
    draft = EnforcementItemFactory(agency=agency)
    live = EnforcementItemFactory(agency=agency, in_force=True)
    assert LOCKED & set(model_admin.get_readonly_fields(request, draft)) == set()
    assert set(model_admin.get_readonly_fields(request, live)) >= LOCKED


def test_items_cannot_be_deleted_in_the_admin(client, system_admin, agency):
    item = EnforcementItemFactory(agency=agency)
    client.force_login(system_admin)
    response = client.post(f"/admin/catalog/enforcementitem/{item.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert EnforcementItem.objects.filter(pk=item.pk).count() == 1
