from django.urls import path

from zhifa.personnel import views

app_name = "personnel"
urlpatterns = [
    path("officers/", views.officer_list, name="officer-list"),
    path("officers/<int:pk>/", views.officer_detail, name="officer-detail"),
    path("officers/<int:pk>/reveal/", views.officer_reveal, name="officer-reveal"),
    path("officers/certificate-rates/", views.certificate_rates, name="certificate-rates"),
]
