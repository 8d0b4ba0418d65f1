from django.urls import path

from zhifa.org import views

app_name = "org"
urlpatterns = [
    path("agencies/", views.agency_list, name="agency-list"),
    path("agencies/<int:pk>/", views.agency_detail, name="agency-detail"),
]
