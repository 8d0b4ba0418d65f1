"""Finding 17: a concurrent duplicate create (or revision) is the same Chinese field error, never a 500."""

from __future__ import annotations

import pytest

from tests.catalog.factories import EnforcementItemFactory
from zhifa.catalog import services
from zhifa.catalog.choices import ItemKind
from zhifa.catalog.errors import CatalogError, ItemStateConflict
from zhifa.catalog.models import EnforcementItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def lost_race(monkeypatch):
    """What a second request sees when the first commits between its check and its insert: the check and the
    model's constraint validation pass, the database's unique constraint refuses."""
    monkeypatch.setattr(services, "_code_in_use", lambda agency, code: False)
    monkeypatch.setattr(EnforcementItem, "validate_constraints", lambda self, exclude=None: None)


def test_concurrent_duplicate_code_is_the_code_field_error(agency_admin, agency, lost_race):
    item = EnforcementItemFactory(agency=agency, in_force=True)
    with pytest.raises(CatalogError) as raised:
        services.create_item(
            user=agency_admin, agency=agency, sector=item.sector, code=item.code, name="重复", kind=ItemKind.INSPECTION
        )
    assert (raised.value.field, raised.value.message) == (
        "code",
        f"{agency.name}已有事项编码为“{item.code}”的事项，请修订该事项",
    )
    assert EnforcementItem.objects.filter(code=item.code).count() == 1


def test_concurrent_revision_is_a_conflict(agency_admin, agency, monkeypatch):
    item = EnforcementItemFactory(agency=agency, in_force=True, kind=ItemKind.INSPECTION)
    EnforcementItemFactory(agency=agency, code=item.code, version=2, kind=ItemKind.INSPECTION, sector=item.sector)
    monkeypatch.setattr(EnforcementItem, "validate_constraints", lambda self, exclude=None: None)
    real_filter = EnforcementItem.objects.filter

    def no_draft_seen(*args, **kwargs):
        qs = real_filter(*args, **kwargs)
        return qs.none() if kwargs.get("state") == "draft" else qs

    monkeypatch.setattr(EnforcementItem.objects, "filter", no_draft_seen)
    with pytest.raises(ItemStateConflict) as raised:
        services.revise_item(user=agency_admin, item=item)
    assert raised.value.message == "该事项已有待发布的修订草稿"
    monkeypatch.undo()
    assert EnforcementItem.objects.filter(code=item.code).count() == 2
