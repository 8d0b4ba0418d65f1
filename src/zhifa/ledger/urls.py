from django.urls import path

from zhifa.ledger import trail_views, views

app_name = "ledger"
urlpatterns = [
    path("ledger/events/", trail_views.event_list, name="event-list"),
    path("evidence/", views.evidence_list, name="evidence-list"),
    path("evidence/upload/", views.evidence_upload, name="evidence-upload"),
    path("evidence/<int:pk>/", views.evidence_detail, name="evidence-detail"),
    path("evidence/<int:pk>/download/", views.evidence_download, name="evidence-download"),
]
