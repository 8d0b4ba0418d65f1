from __future__ import annotations

from zhifa.core.nav import NavItem
from zhifa.personnel.models import Officer

NAV_ITEMS = [
    NavItem(
        "执法人员", "personnel:officer-list", count=lambda user: Officer.objects.visible_to(user).count(), order=20
    ),
]
