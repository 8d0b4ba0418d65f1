"""``zhifa bench <name> [--events N]``: run a benchmark on a throw-away test database and print figures."""

from __future__ import annotations

import platform
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test.utils import setup_databases, teardown_databases

from zhifa.core.bench import benchmarks


class Command(BaseCommand):
    help = "性能基准测试（在临时测试数据库上运行，不触碰正式数据）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="基准名称，如 ledger")
        parser.add_argument("--events", type=int, default=5000, help="追加写入的事件数")
        parser.add_argument("--verify-events", type=int, default=200000, help="校验基准的链长度")
        parser.add_argument("--size-mb", type=int, default=2048, help="evidence 基准的文件大小（MiB）")

    def handle(self, *args: Any, **options: Any) -> None:
        available = benchmarks()
        if options["name"] not in available:
            raise CommandError(f"未知的基准“{options['name']}”，可用：{'、'.join(available)}")
        old_config = setup_databases(verbosity=0, interactive=False)
        try:
            self.stdout.write(
                f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()} "
                f"database: {connection.vendor} ({connection.settings_dict['NAME']})"
            )
            for line in available[options["name"]](options):
                self.stdout.write(line)
        finally:
            teardown_databases(old_config, verbosity=0)
