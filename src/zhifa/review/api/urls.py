from rest_framework.routers import SimpleRouter

from zhifa.review.api.views import CollectiveDiscussionViewSet, LegalReviewViewSet

router = SimpleRouter()
router.register("legal-reviews", LegalReviewViewSet, basename="legal-review")
router.register("collective-discussions", CollectiveDiscussionViewSet, basename="collective-discussion")
urlpatterns = router.urls
