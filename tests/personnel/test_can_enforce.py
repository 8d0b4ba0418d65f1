"""R-PER-001 持证上岗: ``can_enforce`` / ``enforcement_refusal`` — the single check."""

from __future__ import annotations

from datetime import date

import pytest

from tests.org.factories import SectorFactory
from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.personnel.choices import LeftPostReason
from zhifa.personnel.services import can_enforce, enforcement_refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def market():
    return SectorFactory(code="market_regulation", name="市场监管")


@pytest.fixture
def ecology():
    return SectorFactory(code="ecology_environment", name="生态环境")


@pytest.fixture
def certified(agency, market):
    officer = OfficerFactory(agency=agency, name="李承办")
    CertificateFactory(officer=officer, effective_on=date(2024, 1, 1), expires_on=date(2026, 3, 31), sectors=[market])
    return officer


@pytest.mark.parametrize(
    ("day", "allowed"),
    [
        (date(2023, 12, 31), False),  # the day before effective_on
        (date(2024, 1, 1), True),  # effective_on itself
        (date(2026, 3, 31), True),  # expires_on itself
        (date(2026, 4, 1), False),  # the day after expires_on
    ],
)
def test_r_per_001_validity_period_includes_both_ends(certified, day, allowed):
    assert can_enforce(certified, on=day) is allowed


def test_r_per_001_day_after_expiry_names_the_expiry_date(certified):
    assert enforcement_refusal(certified, on=date(2026, 4, 1)) == "执法证已于2026年3月31日过期"


def test_r_per_001_day_before_effective_is_not_yet_effective(certified):
    assert enforcement_refusal(certified, on=date(2023, 12, 31)) == "执法证尚未生效：有效期自2024年1月1日起"


def test_r_per_001_suspended_certificate_refused(agency, market):
    officer = OfficerFactory(agency=agency)
    CertificateFactory(officer=officer, suspended=True, sectors=[market])
    assert can_enforce(officer, on=date(2026, 10, 1)) is False
    assert enforcement_refusal(officer, on=date(2026, 10, 1)) == "执法证已暂扣：涉嫌违纪接受调查"


def test_r_per_001_cancelled_certificate_refused(agency, market):
    officer = OfficerFactory(agency=agency)
    CertificateFactory(officer=officer, cancelled=True, sectors=[market])
    assert enforcement_refusal(officer, on=date(2026, 10, 1)) == "执法证已注销：离岗收回注销"


def test_r_per_004_auxiliary_staff_never_enforce(agency):
    officer = OfficerFactory(agency=agency, auxiliary=True)
    assert can_enforce(officer, on=date(2026, 10, 1)) is False
    assert enforcement_refusal(officer, on=date(2026, 10, 1)) == "辅助人员不得独立执法（R-PER-004）"


def test_r_per_001_wrong_sector_refused_by_object_and_by_code(certified, ecology, market):
    day = date(2025, 6, 1)
    assert enforcement_refusal(certified, on=day, sector=ecology) == "执法证不包含“生态环境”领域"
    assert enforcement_refusal(certified, on=day, sector="ecology_environment") == "执法证不包含“生态环境”领域"
    assert can_enforce(certified, on=day, sector=market) is True
    assert can_enforce(certified, on=day, sector="market_regulation") is True


def test_r_per_001_officer_not_on_post_refused(certified):
    certified.is_on_post = False
    certified.left_post_on = date(2025, 5, 31)
    certified.left_post_reason = LeftPostReason.TRANSFER
    certified.save()
    assert (
        enforcement_refusal(certified, on=date(2025, 6, 1))
        == "该人员已于2025年5月31日离岗（调离），不得从事执法活动（R-PER-003）"
    )


def test_r_per_001_no_certificate_refused(agency):
    officer = OfficerFactory(agency=agency)
    assert enforcement_refusal(officer, on=date(2026, 10, 1)) == "未取得行政执法证，不得从事执法活动（R-PER-001）"


def test_r_per_001_a_second_valid_certificate_is_enough(certified, market):
    CertificateFactory(officer=certified, effective_on=date(2026, 4, 1), expires_on=date(2031, 3, 31), sectors=[market])
    assert can_enforce(certified, on=date(2026, 4, 1), sector="market_regulation") is True


def test_r_per_001_legal_reviewer_with_certificate_may_enforce(agency, market):
    officer = OfficerFactory(agency=agency, reviewer=True)
    CertificateFactory(officer=officer, sectors=[market])
    assert can_enforce(officer, on=date(2026, 10, 1), sector=market) is True
