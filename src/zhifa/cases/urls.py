from django.urls import path

from zhifa.cases import views
from zhifa.cases.views import consistency, hearings, measures, transfers, upper_approval

app_name = "cases"
urlpatterns = [
    path("cases/", views.case_list, name="case-list"),
    path("cases/new/", views.case_new, name="case-new"),
    path("cases/on-the-spot/", views.on_the_spot, name="on-the-spot"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/steps/<slug:action>/", views.case_step, name="case-step"),
    path("cases/<int:pk>/upper-benchmark-approval/", upper_approval.upper_approval, name="upper-approval"),
    path("cases/<int:pk>/coercive-measures/new/", measures.measure_new, name="measure-new"),
    path("cases/<int:pk>/coercive-measures/emergency/", measures.measure_emergency, name="measure-emergency"),
    path("cases/<int:pk>/criminal-transfers/new/", transfers.transfer_new, name="transfer-new"),
    path("case-sources/", views.source_list, name="source-list"),
    path("case-sources/new/", views.source_new, name="source-new"),
    path("case-sources/<int:pk>/", views.source_detail, name="source-detail"),
    path("case-sources/<int:pk>/steps/<slug:action>/", views.source_step, name="source-step"),
    path("coercive-measures/", measures.measure_list, name="measure-list"),
    path("coercive-measures/<int:pk>/", measures.measure_detail, name="measure-detail"),
    path("coercive-measures/<int:pk>/steps/<slug:action>/", measures.measure_step, name="measure-step"),
    path("coercive-measures/<int:pk>/inventory-items/", measures.measure_inventory, name="measure-inventory"),
    path(
        "coercive-measures/<int:pk>/inventory-items/row/", measures.measure_inventory_row, name="measure-inventory-row"
    ),
    path("coercive-measures/<int:pk>/av-records/", measures.measure_av_record, name="measure-av-record"),
    path("hearings/<int:pk>/", hearings.hearing_detail, name="hearing-detail"),
    path("hearings/<int:pk>/steps/<slug:action>/", hearings.hearing_step, name="hearing-step"),
    path("discretion-consistency/", consistency.consistency_page, name="consistency"),
    path("criminal-transfers/", transfers.transfer_list, name="transfer-list"),
    path("criminal-transfers/<int:pk>/", transfers.transfer_detail, name="transfer-detail"),
    path("criminal-transfers/<int:pk>/steps/<slug:action>/", transfers.transfer_step, name="transfer-step"),
]
