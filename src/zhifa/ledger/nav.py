from zhifa.core.nav import NavItem
from zhifa.ledger.models import EvidenceFile

NAV_ITEMS = [
    NavItem(
        "证据文件", "ledger:evidence-list", count=lambda user: EvidenceFile.objects.visible_to(user).count(), order=60
    ),
]
