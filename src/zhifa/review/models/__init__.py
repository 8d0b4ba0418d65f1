from zhifa.review.models.discussion import CollectiveDiscussion, DiscussionParticipant
from zhifa.review.models.legal_review import ExternalReviewer, LegalReview, ReviewCheckResult, ReviewRound

__all__ = [
    "CollectiveDiscussion",
    "DiscussionParticipant",
    "ExternalReviewer",
    "LegalReview",
    "ReviewCheckResult",
    "ReviewRound",
]
