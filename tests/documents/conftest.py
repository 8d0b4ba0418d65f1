"""Fixtures of the documents tests: agencies with a 简称 (文号机关代字), a party as the documents' subject,
and helpers that issue documents with a complete context."""

from __future__ import annotations

import copy
from datetime import date

import pytest
import time_machine

from tests.documents.contexts import CONTEXTS
from tests.org.factories import AgencyFactory
from tests.parties.factories import PartyFactory
from zhifa.documents.services import issue_document

TODAY = date(2026, 6, 15)


@pytest.fixture
def agency(county):
    return AgencyFactory(region=county, name="示范县市场监督管理局", short_name="示市监")


@pytest.fixture
def other_agency(county):
    return AgencyFactory(region=county, name="示范县交通运输局", short_name="示交")


@pytest.fixture
def frozen_today():
    """Documents are dated; tests run on a fixed day (2026-06-15, a Monday)."""
    with time_machine.travel(date(2026, 6, 15), tick=False):
        yield TODAY


@pytest.fixture
def party(county):
    return PartyFactory(region=county, name="长沙某某建设工程有限公司")


def context_for(kind: str, **changes) -> dict:
    context = copy.deepcopy(CONTEXTS[kind])
    context.update(changes)
    return context


@pytest.fixture
def issue(handler, agency, party, frozen_today):
    """``issue(kind, numbered=..., **context changes)`` → an issued Document of the handler's agency."""

    def _issue(kind: str, *, numbered: bool = True, actor=None, issued_on=None, year=None, **changes):
        return issue_document(
            kind=kind,
            agency=agency,
            subject=party,
            context=context_for(kind, **changes),
            actor=actor or handler,
            numbered=numbered,
            year=year,
            issued_on=issued_on,
        )

    return _issue
