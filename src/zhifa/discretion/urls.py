from django.urls import path

from zhifa.discretion import views

app_name = "discretion"
urlpatterns = [
    path("discretion-benchmarks/", views.benchmark_list, name="benchmark_list"),
    path("discretion-benchmarks/<int:pk>/", views.benchmark_detail, name="benchmark_detail"),
    path("no-penalty-entries/", views.exemption_entry_list, name="entry_list"),
]
