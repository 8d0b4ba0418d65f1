from django.urls import path

from zhifa.laws import views

app_name = "laws"
urlpatterns = [
    path("laws/", views.law_list, name="law_list"),
    path("laws/lookup/", views.article_lookup, name="article_lookup"),
    path("laws/<int:pk>/", views.law_detail, name="law_detail"),
]
