from zhifa.core.nav import NavItem
from zhifa.laws.models import Law

NAV_ITEMS = [
    NavItem("法律法规", "laws:law_list", count=lambda user: Law.objects.visible_to(user).count(), order=40),
]
