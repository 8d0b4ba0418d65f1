"""Shared constants and helpers of the personnel services."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Final

# R-PER-007: yearly training hours per officer (cfg default 60 学时).
REQUIRED_TRAINING_HOURS: Final = Decimal("60")
# R-REV-012: legal reviewers ≥ 5% of the agency's enforcement officers.
REVIEWER_RATIO_MINIMUM: Final = Decimal("0.05")
# R-PER-003: the reason recorded on certificates cancelled because the holder left the post.
LEAVING_POST_CANCEL_REASON: Final = "离岗收回注销"
RATIO_PLACES: Final = Decimal("0.0001")


class _Unset(Enum):
    UNSET = "unset"


UNSET: Final = _Unset.UNSET

# The one message for an ID number already registered (service, race and import alike): it never says where.
ID_NUMBER_TAKEN: Final = "该公民身份号码已登记为执法人员"
