from rest_framework.routers import SimpleRouter

from zhifa.parties.api import views

router = SimpleRouter()
router.register("parties", views.PartyViewSet, basename="party")

urlpatterns = router.urls
