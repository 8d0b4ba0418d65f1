from zhifa.core.nav import NavItem
from zhifa.discretion.models import DiscretionBenchmark, ExemptionListEntry

NAV_ITEMS = [
    NavItem(
        "裁量基准",
        "discretion:benchmark_list",
        count=lambda user: DiscretionBenchmark.objects.visible_to(user).filter(state="in_force").count(),
        order=55,
    ),
    NavItem(
        "免罚清单",
        "discretion:entry_list",
        count=lambda user: ExemptionListEntry.objects.visible_to(user).filter(exemption_list__state="in_force").count(),
        order=56,
    ),
]
