"""Publicity tests: the case fixtures of ``tests/cases`` (today frozen at Monday 2 March 2026) and a penalty
decided that day (warning + 10,000元 against a company), whose pending publication the decision hook opened."""

import pytest

from tests.cases.conftest import (  # noqa: F401
    _today,
    co,
    company,
    filed_case,
    item,
    lead,
    notified_case,
    person,
    sector,
)
from tests.publicity.support import decide


@pytest.fixture
def decided_case(notified_case, handler, head):  # noqa: F811 - the imported fixture
    return decide(notified_case, handler, head)


@pytest.fixture
def publication(decided_case):
    return decided_case.publications.get()
