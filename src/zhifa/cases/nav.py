from __future__ import annotations

from zhifa.cases.models import CaseSource, CoerciveMeasure, CriminalTransfer
from zhifa.cases.views.consistency import outlier_count
from zhifa.cases.views.queries import my_cases
from zhifa.core.nav import NavItem

NAV_ITEMS = [
    NavItem("我的案件", "cases:case-list", count=lambda user: my_cases(user).count(), order=30),
    NavItem("案源", "cases:source-list", count=lambda user: CaseSource.objects.visible_to(user).count(), order=31),
    NavItem(
        "强制措施",
        "cases:measure-list",
        count=lambda user: CoerciveMeasure.objects.visible_to(user).count(),
        order=32,
    ),
    NavItem(
        "涉嫌犯罪移送",
        "cases:transfer-list",
        count=lambda user: CriminalTransfer.objects.visible_to(user).count(),
        order=33,
    ),
    NavItem("同事不同罚分析", "cases:consistency", count=outlier_count, order=57),
]
