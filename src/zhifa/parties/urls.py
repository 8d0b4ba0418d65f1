from django.urls import path

from zhifa.parties import views

app_name = "parties"
urlpatterns = [
    path("parties/", views.party_list, name="party-list"),
    path("parties/<int:pk>/", views.party_detail, name="party-detail"),
    path("parties/<int:pk>/reveal/", views.party_reveal, name="party-reveal"),
]
