from rest_framework.routers import DefaultRouter

from zhifa.personnel.api.views import CertificateViewSet, OfficerViewSet

router = DefaultRouter()
router.register("officers", OfficerViewSet, basename="officer")
router.register("certificates", CertificateViewSet, basename="certificate")
urlpatterns = router.urls
