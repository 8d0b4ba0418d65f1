from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "zhifa.review"
    label = "review"
    verbose_name = "法制审核与集体讨论"

    def ready(self) -> None:
        from zhifa.cases import services as case_services
        from zhifa.cases.services.enforcement_review_hooks import register_enforcement_review_check
        from zhifa.documents.services.issuer_grants import register_issuer_grant
        from zhifa.review.services import discussion_approved, legal_review_check
        from zhifa.review.services.case_hooks import close_with_case, move_deadline_after_suspension
        from zhifa.review.services.eligibility import appointed_reviewer_issues_opinion
        from zhifa.review.services.enforcement_review import enforcement_review_check

        # R-REV-004: the cases app refuses every major decision (and its prior notice) until this check says the
        # case's current proposal has an approved legal review; it also asks for the 集体讨论 (R-PEN-014).
        case_services.register_legal_review_check(legal_review_check)
        # R-DIS-005: a decision that deviates from its discretion benchmark needs an approved collective discussion.
        case_services.register_discussion_check(discussion_approved)
        # R-REV-002/004: the agency's 强制执行决定 (major by default) only on the enforcement proposal a legal review
        # approved (强制执行决定前审核); without this check no major enforcement decision can be made.
        register_enforcement_review_check(enforcement_review_check)
        # R-REV-005/011: an appointed external reviewer (who may belong to no agency) issues the 法制审核意见书 of
        # their review in the name of the agency they review for.
        register_issuer_grant(appointed_reviewer_issues_opinion)
        # A case that leaves the review by another route (终止, 恢复办理 R-TRN-010, 补充调查) closes its open review and
        # cancels its convened discussion; a case that resumes after 中止 moves the review's time limit (R-TIME-008).
        case_services.register_case_exit_hook(close_with_case)
        case_services.register_case_resume_hook(move_deadline_after_suspension)
