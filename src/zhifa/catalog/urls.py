from django.urls import path

from zhifa.catalog import views

app_name = "catalog"
urlpatterns = [
    path("items/", views.item_list, name="item_list"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
]
