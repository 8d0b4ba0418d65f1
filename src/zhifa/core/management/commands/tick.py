"""``zhifa tick``: run every scheduled job once (cron or a systemd timer calls it; idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from zhifa.core.scheduled import jobs


class Command(BaseCommand):
    help = "运行全部定时任务（期限、预警、检查点等）；可重复运行"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--only", default="", help="只运行名称以此开头的任务，如 ledger")

    def handle(self, *args: Any, **options: Any) -> None:
        from zhifa.core.calendar import today

        day = today()
        for name, job in jobs().items():
            if options["only"] and not name.startswith(options["only"]):
                continue
            with transaction.atomic():
                lines = job(day)
            self.stdout.write(f"[{name}] " + ("；".join(lines) if lines else "无待办"))
