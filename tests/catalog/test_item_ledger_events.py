"""R-REC-001: every change of the item list is a ledger event, in the transaction of the change."""

from datetime import date

import pytest

from zhifa.catalog import services
from zhifa.catalog.choices import ItemKind
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event
from zhifa.ledger.services import trail, verify_chain
from zhifa.org.models import Sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def sector(agency):
    sector = Sector.objects.create(code="market_regulation", name="市场监管")
    agency.sectors.add(sector)
    return sector


def test_r_rec_001_item_life_is_on_the_record(agency_admin, agency, sector, penalty_article, duty_article):
    item = services.create_item(
        user=agency_admin,
        agency=agency,
        sector=sector,
        code="43019911CF0001",
        name="对某违法行为的行政处罚",
        kind=ItemKind.PENALTY,
        establishing_basis=[duty_article],
        penalty_basis=[penalty_article],
    )
    services.publish_item(user=agency_admin, item=item, effective_on=date(2024, 1, 1))
    revision = services.revise_item(user=agency_admin, item=item, name="对某违法行为的行政处罚（修订）")
    services.publish_item(user=agency_admin, item=revision, effective_on=date(2025, 1, 1))
    assert [(e.event_type, e.actor_id, e.data["version"]) for e in trail(item)] == [
        ("enforcement_item.created", agency_admin.pk, 1),
        ("enforcement_item.published", agency_admin.pk, 1),
        ("enforcement_item.superseded", agency_admin.pk, 1),
    ]
    assert [e.event_type for e in trail(revision)] == ["enforcement_item.revised", "enforcement_item.published"]
    assert verify_chain().ok


def test_refused_publication_leaves_no_event(agency, sector, penalty_article, duty_article, other_agency_handler):
    item = services.create_item(
        user=None,
        agency=agency,
        sector=sector,
        code="X1",
        name="某事项",
        kind=ItemKind.INSPECTION,
        establishing_basis=[duty_article],
    )
    before = Event.objects.count()
    with pytest.raises(PermissionDenied):
        services.publish_item(user=other_agency_handler, item=item)
    assert Event.objects.count() == before
