from django.apps import AppConfig


class PublicityConfig(AppConfig):
    name = "zhifa.publicity"
    label = "publicity"
    verbose_name = "行政执法公示"

    def ready(self) -> None:
        from zhifa.cases.services.decision_hooks import register_decision_hook
        from zhifa.publicity.services.creation import open_publication_for_decision

        # R-PUB-005: a general-procedure penalty decision opens its pending publication in the transaction that
        # records it (cases does not import publicity; ``zhifa tick`` opens any that are still missing).
        register_decision_hook(open_publication_for_decision)
        # R-PUB-008 (AUTO on annul event): a 复议/诉讼 outcome that sets the decision aside withdraws its publication.
        from zhifa.cases.services.remedy_hooks import register_remedy_hook
        from zhifa.publicity.services.annulment import withdraw_on_annulment

        register_remedy_hook(withdraw_on_annulment)
