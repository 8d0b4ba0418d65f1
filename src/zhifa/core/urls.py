from django.urls import path

from zhifa.core import import_views

app_name = "core"
urlpatterns = [
    path("import/", import_views.import_index, name="import-index"),
    path("import/<slug:kind>/", import_views.import_kind, name="import"),
    path("import/<slug:kind>/template.xlsx", import_views.import_template, name="import-template"),
    path("export/<slug:kind>.xlsx", import_views.export_kind, name="export"),
]
