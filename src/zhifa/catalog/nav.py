from zhifa.catalog.models import EnforcementItem
from zhifa.core.nav import NavItem

NAV_ITEMS = [
    NavItem(
        "执法事项清单",
        "catalog:item_list",
        count=lambda user: EnforcementItem.objects.visible_to(user).filter(state="in_force").count(),
        order=50,
    ),
]
