"""R-REC-007 调阅留痕: opening a case file by anyone but its handlers is recorded; handlers' reads are not."""

import pytest
from django.urls import reverse

from zhifa.ledger.services import trail

pytestmark = pytest.mark.django_db


def test_r_rec_007_supervisor_read_is_recorded_handler_read_is_not(client, api_client, filed_case, handler, supervisor):
    client.force_login(handler)
    assert client.get(reverse("cases:case-detail", args=[filed_case.pk])).status_code == 200
    api_client.force_authenticate(supervisor)
    assert api_client.get(reverse("penalty-case-detail", args=[filed_case.pk])).status_code == 200
    reads = [(e.actor_id, e.event_type) for e in trail(filed_case) if e.event_type.endswith("viewed")]
    assert reads == [(supervisor.pk, "penalty_case.viewed")]
