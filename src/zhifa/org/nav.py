from zhifa.core.nav import NavItem
from zhifa.org.models import Agency

NAV_ITEMS = [
    NavItem("执法主体", "org:agency-list", count=lambda user: Agency.objects.visible_to(user).count(), order=10),
]
