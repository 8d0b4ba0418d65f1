from rest_framework.routers import SimpleRouter

from zhifa.discretion.api.views import DiscretionBenchmarkViewSet, ExemptionListViewSet, NoPenaltyEntryViewSet

router = SimpleRouter()
router.register("discretion-benchmarks", DiscretionBenchmarkViewSet, basename="discretion-benchmark")
router.register("exemption-lists", ExemptionListViewSet, basename="exemption-list")
router.register("no-penalty-entries", NoPenaltyEntryViewSet, basename="no-penalty-entry")
urlpatterns = router.urls
