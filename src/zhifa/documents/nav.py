from zhifa.core.nav import NavItem
from zhifa.documents.models import Document

NAV_ITEMS = [
    NavItem(
        "执法文书", "documents:document-list", count=lambda user: Document.objects.visible_to(user).count(), order=65
    ),
]
