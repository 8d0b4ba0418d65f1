"""``zhifa import <kind> <file.xlsx> --user <username>``: the same all-or-nothing import as the UI."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from zhifa.core.errors import DomainError
from zhifa.core.excel import ImportFailed, get_spec, import_workbook


class Command(BaseCommand):
    help = "从 Excel 导入基础数据（全部成功才保存；出错时逐行列出错误）。类型：" + "、".join(
        ["agencies", "officers", "laws", "items", "parties"]
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", help="导入类型，如 officers")
        parser.add_argument("file", help=".xlsx 文件路径")
        parser.add_argument("--user", required=True, help="以哪个用户的身份导入（决定权限和数据范围）")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            spec = get_spec(options["kind"])
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        try:
            user = get_user_model().objects.get(username=options["user"])
        except get_user_model().DoesNotExist:
            raise CommandError(f"用户“{options['user']}”不存在") from None
        try:
            with open(options["file"], "rb") as handle:
                result = import_workbook(spec, handle, user=user)
        except FileNotFoundError:
            raise CommandError(f"文件不存在：{options['file']}") from None
        except ImportFailed as exc:
            for error in exc.errors:
                column = f"【{error.column}】" if error.column else ""
                self.stderr.write(f"第{error.row}行{column}：{error.message}")
            raise CommandError(exc.message) from exc
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(f"已导入{spec.label}{result.rows}行"))
