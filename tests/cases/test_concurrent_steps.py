"""Two people act on the same case at once: exactly one wins, the other gets a clear conflict (row lock)."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from zhifa.cases import services
from zhifa.cases.errors import CaseStateConflict
from zhifa.cases.models import PenaltyCase
from zhifa.ledger.models import Event

from .conftest import investigate


@pytest.mark.django_db(transaction=True)
def test_concurrent_notice_service_one_wins(filed_case, handler, colleague, head, lead, co):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are exercised on PostgreSQL; SQLite serialises writers itself")
    investigate(filed_case, handler, lead, co)
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="")
    barrier = threading.Barrier(2)
    outcomes = []

    def serve(actor):
        try:
            barrier.wait()
            services.serve_prior_notice(actor=actor, case=filed_case, served_on=date(2026, 3, 2))
            outcomes.append("served")
        except CaseStateConflict as exc:
            outcomes.append(exc.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=serve, args=(user,)) for user in (handler, colleague)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["served", "案件当前状态为“已告知”，不能送达事先告知书"]
    assert PenaltyCase.objects.get(pk=filed_case.pk).state == "notified"
    assert Event.objects.filter(event_type="penalty_case.notified").count() == 1
