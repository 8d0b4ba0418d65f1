"""Staff pages of publicity (/publications/, /certificates/<id>/code/) and the public portal (/gongshi/)."""

from django.urls import path

from zhifa.publicity import views
from zhifa.publicity.credit import views as credit_views
from zhifa.publicity.views import before, before_staff

app_name = "publicity"
urlpatterns = [
    path("publications/", views.publication_list, name="publication-list"),
    path("publications/<int:pk>/", views.publication_detail, name="publication-detail"),
    path("publications/credit-export/", credit_views.credit_export, name="credit-export"),
    path("publications/<int:pk>/steps/<slug:action>/", views.publication_step, name="publication-step"),
    path("publications/before/", before_staff.before_list, name="before-list"),
    path("publications/before/<int:pk>/refresh/", before_staff.before_refresh, name="before-refresh"),
    path("certificates/codes/", views.certificate_list, name="certificate-list"),
    path("certificates/<int:pk>/code/", views.certificate_code, name="certificate-code"),
    # 行政执法公示平台: anonymous, stable URLs
    path("gongshi/", views.home, name="portal-home"),
    path("gongshi/decisions/", views.decision_list, name="portal-decisions"),
    path("gongshi/decisions/<int:pk>/", views.decision_detail, name="portal-decision"),
    path("gongshi/agencies/", before.agency_list, name="portal-agencies"),
    path("gongshi/agencies/<int:pk>/", before.agency_detail, name="portal-agency"),
    path("gongshi/agencies/<int:pk>/<slug:register>/", before.agency_register, name="portal-register"),
    path("gongshi/officers/", before.officer_list, name="portal-officers"),
    path("gongshi/procedures/", before.procedures, name="portal-procedures"),
    path("gongshi/procedures/penalty.svg", before.procedures_svg, name="portal-procedures-svg"),
    path("gongshi/certificates/<str:token>/", views.certificate_verification, name="portal-certificate"),
    path("gongshi/certificates/<str:token>/qr.svg", views.certificate_qr, name="portal-certificate-qr"),
]
