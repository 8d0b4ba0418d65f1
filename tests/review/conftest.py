"""Legal review tests: the case fixtures of ``tests/cases`` (today frozen at Monday 2 March 2026), a legal unit
with a qualified reviewer, and helpers that take a case to the point of review (``review_support``)."""

import pytest

from tests.cases.conftest import _today, co, company, filed_case, item, lead, person, sector  # noqa: F401
from tests.org.factories import UserFactory
from tests.review.approvals import SHORT_NAME, deputy_head, legal_unit_of, qualified_reviewer
from zhifa.cases.services import _common
from zhifa.org.choices import Role
from zhifa.review.services import legal_review_check


@pytest.fixture(autouse=True)
def _gate_installed():
    """The review app's check is installed: the tests of this package go through the real gate (R-REV-004)."""
    assert _common._registered_checks[f"{legal_review_check.__module__}.{legal_review_check.__qualname__}"] is (
        legal_review_check
    )


@pytest.fixture(autouse=True)
def _short_name(db, agency):
    """The 机关代字 of the agency's 文号 (示市监法审〔2026〕1号)."""
    agency.short_name = SHORT_NAME
    agency.save(update_fields=["short_name"])


@pytest.fixture
def legal_unit(agency):
    return legal_unit_of(agency)


@pytest.fixture
def reviewer_officer(legal_unit, legal_reviewer):
    """冯法制: a legal reviewer of the agency's legal unit who holds 法律职业资格 (R-REV-005)."""
    return qualified_reviewer(legal_reviewer)


@pytest.fixture
def reviewer(reviewer_officer, legal_reviewer):
    return legal_reviewer


@pytest.fixture
def second_reviewer(agency, legal_unit):
    """A second qualified reviewer of the legal unit (round 2 may be reviewed by someone else)."""
    user = UserFactory(username="reviewer2", name="何法审", agency=agency, roles=[Role.LEGAL_REVIEWER])
    qualified_reviewer(user)
    return user


@pytest.fixture
def deputy(agency):
    return deputy_head(agency)
