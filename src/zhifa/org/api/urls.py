from django.urls import path
from rest_framework.routers import SimpleRouter

from zhifa.org.api import views

router = SimpleRouter()
router.register("regions", views.RegionViewSet, basename="region")
router.register("sectors", views.SectorViewSet, basename="sector")
router.register("agencies", views.AgencyViewSet, basename="agency")

urlpatterns = [
    path("me/", views.MeViewSet.as_view({"get": "me"}), name="me"),
    *router.urls,
]
