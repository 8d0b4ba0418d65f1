from __future__ import annotations

from zhifa.core.nav import NavItem
from zhifa.publicity.choices import OPEN_STATES
from zhifa.publicity.models import Publication

NAV_ITEMS = [
    NavItem(
        "执法公示",
        "publicity:publication-list",
        count=lambda user: Publication.objects.visible_to(user).filter(state__in=OPEN_STATES).count(),
        order=36,
    ),
]
