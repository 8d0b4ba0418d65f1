from rest_framework.routers import SimpleRouter

from zhifa.cases.api.coercion import CoerciveMeasureViewSet
from zhifa.cases.api.hearing import HearingViewSet
from zhifa.cases.api.transfer import CriminalTransferViewSet
from zhifa.cases.api.views import CaseSourceViewSet, PenaltyCaseViewSet

router = SimpleRouter()
router.register("case-sources", CaseSourceViewSet, basename="case-source")
router.register("penalty-cases", PenaltyCaseViewSet, basename="penalty-case")
router.register("coercive-measures", CoerciveMeasureViewSet, basename="coercive-measure")
router.register("hearings", HearingViewSet, basename="hearing")
router.register("criminal-transfers", CriminalTransferViewSet, basename="criminal-transfer")
urlpatterns = router.urls
