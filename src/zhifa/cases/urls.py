from django.urls import path

from zhifa.cases import views

app_name = "cases"
urlpatterns = [
    path("cases/", views.case_list, name="case-list"),
    path("cases/new/", views.case_new, name="case-new"),
    path("cases/on-the-spot/", views.on_the_spot, name="on-the-spot"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/steps/<slug:action>/", views.case_step, name="case-step"),
    path("case-sources/", views.source_list, name="source-list"),
    path("case-sources/new/", views.source_new, name="source-new"),
    path("case-sources/<int:pk>/", views.source_detail, name="source-detail"),
    path("case-sources/<int:pk>/steps/<slug:action>/", views.source_step, name="source-step"),
]
