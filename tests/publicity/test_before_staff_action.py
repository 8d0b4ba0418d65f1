"""The staff action "更新事前公示": the agency's head or admin refreshes; a handler may not (R-PUB-001)."""

from __future__ import annotations

import pytest

from tests.publicity.before_support import current
from zhifa.publicity.choices import PublicationKind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lead", "co", "item")]


def test_head_refreshes_from_the_staff_page(client, agency, head):
    client.force_login(head)
    assert "更新事前公示" in client.get("/publications/before/").content.decode()
    response = client.post(f"/publications/before/{agency.pk}/refresh/")
    assert response.status_code == 302
    assert current(agency, PublicationKind.AGENCY).approved_by == head


def test_handler_may_not_refresh(client, agency, handler):
    client.force_login(handler)
    client.post(f"/publications/before/{agency.pk}/refresh/")
    assert current(agency, PublicationKind.AGENCY) is None
