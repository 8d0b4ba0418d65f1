"""Fixtures of the case-discretion tests (``pytest_plugins = ["tests.cases.discretion_fixtures"]``)."""

from __future__ import annotations

import pytest

from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import penalty_article, published_benchmark
from tests.personnel.factories import OfficerFactory
from zhifa.cases.services import discretion as case_discretion


@pytest.fixture
def discussion(monkeypatch):
    """A stand-in for the review app's check: ``discussion["approved"]`` says whether the discussion approved."""
    state = {"approved": True, "asked": []}

    def check(case, topic):
        state["asked"].append((case.pk, topic))
        return state["approved"]

    monkeypatch.setattr(case_discretion, "_discussion_checks", {"tests.discussion": check})
    return state


@pytest.fixture
def fines(agency, other_agency, item, company):
    """The same penalty article enforced by two agencies, each with its benchmark and officers."""
    article = penalty_article(item)
    other_item = EnforcementItemFactory(agency=other_agency, in_force=True, penalty_basis=[article])
    return {
        "article": article,
        "own": (item, published_benchmark(item, article=article)),
        "other": (other_item, published_benchmark(other_item, article=article)),
        "officers": {
            agency.pk: [OfficerFactory(agency=agency, name=n) for n in ("甲", "乙")],
            other_agency.pk: [OfficerFactory(agency=other_agency, name="丙")],
        },
        "party": company,
    }
