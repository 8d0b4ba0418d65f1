from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "zhifa.cases"
    label = "cases"
    verbose_name = "行政处罚案件"

    def ready(self) -> None:
        from zhifa.cases.services.case_documents import guard_service, take_case_step
        from zhifa.documents.services.delivery import SubjectHooks, register_subject_hooks

        # R-DOC-006: a case document's service, from any entry point, is recorded by the case's handlers and
        # moves the case with the receipt's date.
        register_subject_hooks("cases.penaltycase", SubjectHooks(guard=guard_service, on_served=take_case_step))
