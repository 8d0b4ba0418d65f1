"""``zhifa load_demo``: load the demo county once and print the demo accounts with their password."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from zhifa.demo.loader import load_demo, reset_demo_passwords


class Command(BaseCommand):
    help = "加载演示县数据（已加载则跳过），并设置演示账号密码（ZHIFA_DEMO_PASSWORD 或随机生成）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-passwords", action="store_true", help="只加载数据，不重置演示账号密码")

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_demo()
        self.stdout.write("已加载演示县数据。" if created else "演示县数据已存在，跳过加载。")
        if options["no_passwords"]:
            return
        password, accounts = reset_demo_passwords()
        self.stdout.write("")
        self.stdout.write("演示账号（所有账号同一密码）：")
        for account in accounts:
            self.stdout.write(f"  {account.username:<16} {account.name:<6} {account.agency:<16} {account.roles}")
        self.stdout.write(self.style.SUCCESS(f"密码：{password}"))
        self.stdout.write("登录后可访问：工作台 /，管理后台 /admin/（admin 账号），API 文档 /api/docs/")
