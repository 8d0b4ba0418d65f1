from rest_framework.routers import SimpleRouter

from zhifa.catalog.api.views import AvRequirementViewSet, EnforcementItemViewSet, MajorDecisionCriterionViewSet

router = SimpleRouter()
router.register("enforcement-items", EnforcementItemViewSet, basename="enforcement-item")
router.register("av-requirements", AvRequirementViewSet, basename="av-requirement")
router.register("major-decision-criteria", MajorDecisionCriterionViewSet, basename="major-decision-criterion")
urlpatterns = router.urls
