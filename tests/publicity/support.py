"""Helpers of the publicity tests: one call per step, and the portal's pages as one text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from zhifa.cases import services as case_services
from zhifa.publicity import services


def decide(case, handler, head, *, kinds=("warning", "fine"), fine=Decimal("10000.00"), on=date(2026, 3, 2)):
    """Defence waived, submitted and decided (penalty) on ``on``."""
    case_services.waive_defense(actor=handler, case=case, waived_on=on)
    case_services.submit_for_decision(actor=handler, case=case, on=on)
    return case_services.decide_case(
        actor=head, case=case, decision_kind="penalty", decided_on=on, penalty_kinds=list(kinds), fine_amount=fine
    )


def publish(publication, handler, head, exclusions=None):
    services.submit_publication(actor=handler, publication=publication, exclusions=exclusions or [])
    return services.approve_publication(actor=head, publication=publication)


def portal_text(*publications) -> str:
    """Every portal page an anonymous visitor can reach about ``publications``: home, list, each detail."""
    client = Client()
    pages = [reverse("publicity:portal-home"), reverse("publicity:portal-decisions")]
    pages += [reverse("publicity:portal-decision", args=[p.pk]) for p in publications]
    return "\n".join(client.get(url).content.decode("utf-8") for url in pages)
