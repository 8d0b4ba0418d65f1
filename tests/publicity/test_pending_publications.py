"""Pending publications (R-PUB-005): every general-procedure penalty decision opens one when it is recorded;
simple-procedure, warning-only and no-penalty decisions do not; ``zhifa tick`` opens any that are missing, once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.publicity.support import decide
from zhifa.cases import services as case_services
from zhifa.cases.services import decision_hooks
from zhifa.ledger.models import Event
from zhifa.publicity import services
from zhifa.publicity.choices import PublicationKind, PublicationState, PublicityPhase
from zhifa.publicity.models import Publication
from zhifa.publicity.services.creation import open_publication_for_decision

pytestmark = pytest.mark.django_db


def test_r_pub_005_the_decision_opens_its_pending_publication_in_the_same_step(notified_case, handler, head):
    case = decide(notified_case, handler, head)
    publication = Publication.objects.get(penalty_case=case)
    assert (
        publication.kind,
        publication.phase,
        publication.state,
        publication.agency_id,
        publication.decided_on,
        publication.publication_deadline,
        publication.snapshot,
    ) == (
        PublicationKind.PENALTY_DECISION,
        PublicityPhase.AFTER,
        PublicationState.PENDING,
        case.agency_id,
        date(2026, 3, 2),
        date(2026, 3, 11),
        {},
    )
    event = Event.objects.get(event_type="publication.created")
    assert (event.actor_id, event.subject_id) == (head.pk, str(publication.pk))


def test_the_hook_is_registered_by_the_publicity_app():
    key = f"{open_publication_for_decision.__module__}.{open_publication_for_decision.__qualname__}"
    assert decision_hooks._hooks[key] is open_publication_for_decision


def test_r_pub_005_a_warning_only_decision_is_not_published_one_by_one(notified_case, handler, head):
    notified_case.notified_kinds = ["warning"]
    notified_case.notified_fine_amount = Decimal("0")
    notified_case.save(update_fields=["notified_kinds", "notified_fine_amount"])
    case = decide(notified_case, handler, head, kinds=("warning",), fine=Decimal("0"))
    assert case.decided_on == date(2026, 3, 2)
    assert Publication.objects.count() == 0
    assert services.open_missing_publications(date(2026, 3, 2)) == []


def test_r_pub_005_a_no_penalty_decision_is_not_published(notified_case, handler, head):
    case_services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    case_services.submit_for_decision(actor=handler, case=notified_case)
    case_services.decide_case(actor=head, case=notified_case, decision_kind="no_penalty", reasoning="首违不罚")
    assert Publication.objects.count() == 0


def test_r_pub_005_a_simple_procedure_decision_is_not_published(agency, handler, lead, co, company, item):
    case = case_services.decide_on_the_spot(
        actor=handler,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="占道经营",
        facts="在人行道摆摊",
        place="人民路",
        officers=[lead, co],
        penalty_kinds=["fine"],
        fine_amount=Decimal("50.00"),
        statement_heard=True,
    )
    assert case.procedure == "simple"
    assert services.open_missing_publications(date(2026, 3, 2)) == []
    assert Publication.objects.count() == 0


def test_r_pub_005_tick_opens_a_missing_publication_once(decided_case):
    decided_case.publications.all().delete()  # as if decided before the publicity app was installed
    opened = services.open_missing_publications(date(2026, 3, 2))
    assert [p.penalty_case_id for p in opened] == [decided_case.pk]
    assert services.open_missing_publications(date(2026, 3, 3)) == []
    assert Publication.objects.filter(penalty_case=decided_case).count() == 1


def test_tick_does_not_reopen_a_withdrawn_publication_of_the_same_decision(publication):
    Publication.objects.filter(pk=publication.pk).update(state=PublicationState.WITHDRAWN)
    assert services.open_missing_publications(date(2026, 3, 5)) == []


def test_zhifa_tick_runs_the_publicity_jobs():
    from zhifa.core.scheduled import jobs

    names = [name for name in jobs() if name.startswith("publicity.")]
    assert names == [
        "publicity.before",
        "publicity.certificate_codes",
        "publicity.deadlines",
        "publicity.expire",
        "publicity.open_missing",
    ]
