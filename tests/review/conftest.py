"""Legal review tests: the case fixtures of ``tests/cases`` (today frozen at Monday 2 March 2026), a legal unit
with a qualified reviewer, and helpers that take a case to the point of review (``review_support``)."""

import pytest

from tests.cases.conftest import _today, co, company, filed_case, item, lead, person, sector  # noqa: F401
from tests.org.factories import UserFactory
from tests.personnel.factories import OfficerFactory
from zhifa.cases.services import _common
from zhifa.org.choices import Role
from zhifa.org.models import Department
from zhifa.review.services import legal_review_check


@pytest.fixture(autouse=True)
def _gate_installed():
    """The review app's check stays installed whatever other test modules did to the run-time list."""
    assert _common._registered_checks[f"{legal_review_check.__module__}.{legal_review_check.__qualname__}"] is (
        legal_review_check
    )
    saved = list(_common._legal_review_checks)
    _common._legal_review_checks.clear()
    yield
    _common._legal_review_checks[:] = saved


@pytest.fixture(autouse=True)
def _short_name(db, agency):
    """The 机关代字 of the agency's 文号 (示市监法审〔2026〕1号)."""
    agency.short_name = "示市监"
    agency.save(update_fields=["short_name"])


@pytest.fixture
def legal_unit(agency):
    return Department.objects.create(agency=agency, name="法制股", is_legal_unit=True)


@pytest.fixture
def reviewer_officer(agency, legal_unit, legal_reviewer):
    """冯法制: a legal reviewer of the agency's legal unit who holds 法律职业资格 (R-REV-005)."""
    legal_reviewer.department = legal_unit
    legal_reviewer.save(update_fields=["department"])
    return OfficerFactory(agency=agency, user=legal_reviewer, name="冯法制", department=legal_unit, reviewer=True)


@pytest.fixture
def reviewer(reviewer_officer, legal_reviewer):
    return legal_reviewer


@pytest.fixture
def second_reviewer(agency, legal_unit):
    """A second qualified reviewer of the legal unit (round 2 may be reviewed by someone else)."""
    user = UserFactory(username="reviewer2", name="何法审", agency=agency, roles=[Role.LEGAL_REVIEWER])
    user.department = legal_unit
    user.save(update_fields=["department"])
    OfficerFactory(agency=agency, user=user, name="何法审", department=legal_unit, reviewer=True)
    return user


@pytest.fixture
def deputy(agency):
    return UserFactory(username="deputy", name="钱副局", agency=agency, roles=[Role.HEAD])
