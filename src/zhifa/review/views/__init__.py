from zhifa.review.views.discussions import discussion_detail, discussion_list, discussion_new, discussion_step
from zhifa.review.views.enforcement import enforcement_review_new
from zhifa.review.views.reviews import review_detail, review_list, review_new, review_step

__all__ = [
    "discussion_detail",
    "discussion_list",
    "discussion_new",
    "discussion_step",
    "enforcement_review_new",
    "review_detail",
    "review_list",
    "review_new",
    "review_step",
]
