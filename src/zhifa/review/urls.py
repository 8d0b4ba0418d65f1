from django.urls import path

from zhifa.review import views

app_name = "review"
urlpatterns = [
    path("legal-reviews/", views.review_list, name="review-list"),
    path("legal-reviews/new/", views.review_new, name="review-new"),
    path("legal-reviews/new-enforcement/", views.enforcement_review_new, name="enforcement-review-new"),
    path("legal-reviews/<int:pk>/", views.review_detail, name="review-detail"),
    path("legal-reviews/<int:pk>/steps/<slug:action>/", views.review_step, name="review-step"),
    path("collective-discussions/", views.discussion_list, name="discussion-list"),
    path("collective-discussions/new/", views.discussion_new, name="discussion-new"),
    path("collective-discussions/<int:pk>/", views.discussion_detail, name="discussion-detail"),
    path("collective-discussions/<int:pk>/steps/<slug:action>/", views.discussion_step, name="discussion-step"),
]
