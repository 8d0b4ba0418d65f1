from __future__ import annotations

from zhifa.cases.models import CaseSource
from zhifa.cases.views.queries import my_cases
from zhifa.core.nav import NavItem

NAV_ITEMS = [
    NavItem("我的案件", "cases:case-list", count=lambda user: my_cases(user).count(), order=30),
    NavItem("案源", "cases:source-list", count=lambda user: CaseSource.objects.visible_to(user).count(), order=31),
]
