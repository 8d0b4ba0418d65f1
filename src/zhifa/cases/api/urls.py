from rest_framework.routers import SimpleRouter

from zhifa.cases.api.views import CaseSourceViewSet, PenaltyCaseViewSet

router = SimpleRouter()
router.register("case-sources", CaseSourceViewSet, basename="case-source")
router.register("penalty-cases", PenaltyCaseViewSet, basename="penalty-case")
urlpatterns = router.urls
