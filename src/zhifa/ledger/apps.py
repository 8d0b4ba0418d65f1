from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "zhifa.ledger"
    label = "ledger"
    verbose_name = "执法全过程记录"

    def ready(self) -> None:
        from zhifa.core.audit import set_recorder
        from zhifa.ledger.services import record

        set_recorder(record)
