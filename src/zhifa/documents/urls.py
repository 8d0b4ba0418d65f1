from django.urls import path

from zhifa.documents import views

app_name = "documents"
urlpatterns = [
    path("documents/", views.document_list, name="document-list"),
    path("documents/<int:pk>/", views.document_detail, name="document-detail"),
    path("documents/<int:pk>/pdf/", views.document_pdf, name="document-pdf"),
    path("documents/<int:pk>/docx/", views.document_docx, name="document-docx"),
]
