from rest_framework.routers import SimpleRouter

from zhifa.personnel.api.views import CertificateViewSet, OfficerViewSet

router = SimpleRouter()
router.register("officers", OfficerViewSet, basename="officer")
router.register("certificates", CertificateViewSet, basename="certificate")
urlpatterns = router.urls
