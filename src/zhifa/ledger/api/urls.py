from rest_framework.routers import SimpleRouter

from zhifa.ledger.api.views import EvidenceFileViewSet

router = SimpleRouter()
router.register("evidence", EvidenceFileViewSet, basename="evidence")
urlpatterns = router.urls
