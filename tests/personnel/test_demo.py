"""The demo officers: about 60, with the shapes the demo is meant to show."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from zhifa.core.validators import validate_id_number
from zhifa.demo import org, personnel
from zhifa.demo.context import DemoContext
from zhifa.personnel.choices import CertificateState, OfficerKind
from zhifa.personnel.models import Certificate, Officer
from zhifa.personnel.services import agency_figures, can_enforce, training_shortfall

pytestmark = pytest.mark.django_db
ON = date(2026, 10, 1)


@pytest.fixture
def ctx():
    context = DemoContext()
    org.load(context)
    personnel.load(context)
    return context


def test_demo_shapes(ctx):
    officers = list(Officer.objects.all())
    assert 55 <= len(officers) <= 70
    for officer in officers:
        validate_id_number(officer.id_number)
    assert Officer.objects.filter(kind=OfficerKind.AUXILIARY).count() == 8
    assert Officer.objects.filter(kind=OfficerKind.AUXILIARY, certificates__isnull=False).count() == 0
    assert Certificate.objects.filter(state=CertificateState.VALID, expires_on__lt=ON).count() == 3
    cancelled = Certificate.objects.get(state=CertificateState.CANCELLED)
    assert (cancelled.officer.is_on_post, cancelled.officer.left_post_reason, cancelled.state_reason) == (
        False,
        "retirement",
        "离岗收回注销",
    )
    assert Certificate.objects.filter(state=CertificateState.SUSPENDED).count() == 1
    assert len(ctx.officers) == len(officers)


def test_demo_accounts_are_linked_and_certified(ctx):
    for username in ("scjg_handler", "scjg_handler2", "scjg_head", "cgzf_handler", "sfj_supervisor"):
        assert ctx.users[username].officer.name == ctx.users[username].name
    assert ctx.users["scjg_reviewer"].officer.kind == OfficerKind.LEGAL_REVIEWER
    assert can_enforce(ctx.users["scjg_handler"].officer, on=ON, sector="market_regulation") is True


def test_demo_reviewer_ratio_under_five_percent_only_at_transport(ctx):
    with time_machine.travel("2026-10-01 09:00 +0800", tick=False):
        figures = agency_figures(ctx.agencies.values(), on=ON)
    under = [f.agency.name for f in figures if not f.reviewer_ratio.meets_minimum]
    assert under == ["示范县交通运输局"]


def test_demo_has_training_shortfalls(ctx):
    short = sum(len(training_shortfall(agency, year=2026)) for agency in ctx.agencies.values())
    assert 3 <= short <= 15


def test_demo_status_history_answers_for_past_days(ctx):
    retired = Certificate.objects.get(state=CertificateState.CANCELLED)
    suspended = Certificate.objects.get(state=CertificateState.SUSPENDED)
    assert [(c.state, c.from_on) for c in retired.status_changes.all()] == [("cancelled", date(2026, 3, 31))]
    assert [(c.state, c.from_on) for c in suspended.status_changes.all()] == [("suspended", date(2026, 9, 1))]
    # R-PER-001 on the date of a past act: the retired officer could enforce before leaving the post.
    assert can_enforce(retired.officer, on=date(2026, 3, 30)) is True
    assert can_enforce(retired.officer, on=date(2026, 3, 31)) is False
    assert can_enforce(suspended.officer, on=date(2026, 8, 31)) is True
    assert can_enforce(suspended.officer, on=ON) is False
