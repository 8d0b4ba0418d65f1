from django.urls import path
from rest_framework.routers import SimpleRouter

from zhifa.publicity.api.views import PublicationViewSet
from zhifa.publicity.credit.api import CreditExportView

router = SimpleRouter()
router.register("publications", PublicationViewSet, basename="publication")
urlpatterns = [
    # Before the router: "credit-export" would otherwise be read as a publication's pk.
    path("publications/credit-export/", CreditExportView.as_view(), name="publication-credit-export"),
    *router.urls,
]
