from zhifa.review.views.discussions import discussion_detail, discussion_list, discussion_new, discussion_step
from zhifa.review.views.reviews import review_detail, review_list, review_new, review_step

__all__ = [
    "discussion_detail",
    "discussion_list",
    "discussion_new",
    "discussion_step",
    "review_detail",
    "review_list",
    "review_new",
    "review_step",
]
