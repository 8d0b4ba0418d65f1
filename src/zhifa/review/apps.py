from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "zhifa.review"
    label = "review"
    verbose_name = "法制审核与集体讨论"

    def ready(self) -> None:
        from zhifa.cases import services as case_services
        from zhifa.review.services import discussion_approved, legal_review_check

        # R-REV-004: the cases app refuses every major decision (and its prior notice) until this check says the
        # case's current proposal has an approved legal review; it also asks for the 集体讨论 (R-PEN-014).
        case_services.register_legal_review_check(legal_review_check)
        # R-DIS-005: a decision that deviates from its discretion benchmark needs an approved collective discussion.
        case_services.register_discussion_check(discussion_approved)
