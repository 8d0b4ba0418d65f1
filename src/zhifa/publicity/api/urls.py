from rest_framework.routers import SimpleRouter

from zhifa.publicity.api.views import PublicationViewSet

router = SimpleRouter()
router.register("publications", PublicationViewSet, basename="publication")
urlpatterns = router.urls
