from zhifa.core.nav import NavItem
from zhifa.parties.models import Party

NAV_ITEMS = [
    NavItem("行政相对人", "parties:party-list", count=lambda user: Party.objects.visible_to(user).count(), order=50),
]
