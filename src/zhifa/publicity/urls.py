"""Staff pages of publicity (/publications/, /certificates/<id>/code/) and the public portal (/gongshi/)."""

from django.urls import path

from zhifa.publicity import views

app_name = "publicity"
urlpatterns = [
    path("publications/", views.publication_list, name="publication-list"),
    path("publications/<int:pk>/", views.publication_detail, name="publication-detail"),
    path("publications/<int:pk>/steps/<slug:action>/", views.publication_step, name="publication-step"),
    path("certificates/codes/", views.certificate_list, name="certificate-list"),
    path("certificates/<int:pk>/code/", views.certificate_code, name="certificate-code"),
    # 行政执法公示平台: anonymous, stable URLs
    path("gongshi/", views.home, name="portal-home"),
    path("gongshi/decisions/", views.decision_list, name="portal-decisions"),
    path("gongshi/decisions/<int:pk>/", views.decision_detail, name="portal-decision"),
    path("gongshi/certificates/<str:token>/", views.certificate_verification, name="portal-certificate"),
    path("gongshi/certificates/<str:token>/qr.svg", views.certificate_qr, name="portal-certificate-qr"),
]
