from rest_framework.routers import SimpleRouter

from zhifa.cases.api.case_documents import PenaltyCaseDocumentViewSet
from zhifa.cases.api.coercion import CoerciveMeasureViewSet
from zhifa.cases.api.discretion import ConsistencyViewSet, PenaltyCaseDiscretionViewSet
from zhifa.cases.api.execution import PenaltyCaseExecutionViewSet
from zhifa.cases.api.hearing import HearingViewSet
from zhifa.cases.api.transfer import CriminalTransferViewSet
from zhifa.cases.api.views import CaseSourceViewSet, PenaltyCaseViewSet

router = SimpleRouter()
router.register("case-sources", CaseSourceViewSet, basename="case-source")
router.register("penalty-cases", PenaltyCaseViewSet, basename="penalty-case")
# 执行、中止、终止: more actions on the case (POST /penalty-cases/{id}/<verb>/), kept in their own module
router.register("penalty-cases", PenaltyCaseExecutionViewSet, basename="penalty-case-execution")
# 案件文书: made from the case record; served through /documents/{id}/deliveries/ (R-DOC-006)
router.register("penalty-cases", PenaltyCaseDocumentViewSet, basename="penalty-case-documents")
# 裁量 of a case and 柔性执法 measures (R-DIS-004..014); 同事不同罚 across cases (R-DIS-015)
router.register("penalty-cases", PenaltyCaseDiscretionViewSet, basename="penalty-case-discretion")
router.register("discretion-consistency", ConsistencyViewSet, basename="discretion-consistency")
router.register("coercive-measures", CoerciveMeasureViewSet, basename="coercive-measure")
router.register("hearings", HearingViewSet, basename="hearing")
router.register("criminal-transfers", CriminalTransferViewSet, basename="criminal-transfer")
urlpatterns = router.urls
