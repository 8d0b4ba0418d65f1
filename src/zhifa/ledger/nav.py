from zhifa.core.nav import NavItem
from zhifa.ledger.models import Event, EvidenceFile

NAV_ITEMS = [
    NavItem("全过程记录", "ledger:event-list", count=lambda user: Event.objects.visible_to(user).count(), order=70),
    NavItem(
        "证据文件", "ledger:evidence-list", count=lambda user: EvidenceFile.objects.visible_to(user).count(), order=60
    ),
]
