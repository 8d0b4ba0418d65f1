from __future__ import annotations

from zhifa.core.nav import NavItem
from zhifa.review.models import CollectiveDiscussion, LegalReview

NAV_ITEMS = [
    NavItem(
        "法制审核",
        "review:review-list",
        count=lambda user: LegalReview.objects.visible_to(user).count(),
        order=34,
    ),
    NavItem(
        "集体讨论",
        "review:discussion-list",
        count=lambda user: CollectiveDiscussion.objects.visible_to(user).count(),
        order=35,
    ),
]
