"""``zhifa ledger verify [--from N] [--evidence]`` and ``zhifa ledger checkpoint``."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from zhifa.ledger.evidence import verify_evidence
from zhifa.ledger.services import create_checkpoint, verify_chain
from zhifa.ledger.signatures import verify_signatures


class Command(BaseCommand):
    help = "执法全过程记录：verify 校验哈希链与检查点签名；checkpoint 封存当前链头"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="重新计算整条链并校验所有检查点签名")
        verify.add_argument("--from", dest="start", type=int, default=1, help="从该序号开始校验")
        verify.add_argument("--chunk", type=int, default=20000, help="每批读取的记录数")
        verify.add_argument("--evidence", action="store_true", help="同时重新计算每个证据文件的 SM3 摘要")
        sub.add_parser("checkpoint", help="用系统 SM2 密钥签名封存当前链头（幂等）")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "checkpoint":
            checkpoint = create_checkpoint()
            if checkpoint is None:
                self.stdout.write("链头无变化，未生成新的检查点。")
            else:
                self.stdout.write(f"已生成检查点 #{checkpoint.sequence} {checkpoint.hash}")
            return
        result = verify_chain(
            start=options["start"],
            chunk=options["chunk"],
            progress=lambda seq: self.stderr.write(f"已校验至 #{seq} …"),
        )
        if result.problem is None:
            problem = verify_signatures()
            if problem is not None:
                self.stderr.write(f"校验失败：#{problem.sequence} {problem.message}")
                sys.exit(1)
            summary = f"完整：已校验 {result.events} 条记录（至 #{result.last_sequence}），{result.checkpoints} 个检查点签名及全部电子签名有效"
            if options["evidence"]:
                summary += self._verify_evidence()
            self.stdout.write(summary + "。")
            return
        self.stderr.write(f"校验失败：#{result.problem.sequence} {result.problem.message}")
        sys.exit(1)

    def _verify_evidence(self) -> str:
        """R-REC-006: every stored file re-hashed; exit 1 naming the first broken evidence file."""
        last_report = time.monotonic()

        def progress(files: int, total: int) -> None:
            nonlocal last_report
            if time.monotonic() - last_report >= 5:
                last_report = time.monotonic()
                self.stderr.write(f"已校验 {files} 个证据文件（{total / 1024**2:,.0f} MiB）…")

        count, problems = verify_evidence(progress=progress)
        if problems:
            first = problems[0]
            more = f"（共 {len(problems)} 个证据文件有问题）" if len(problems) > 1 else ""
            self.stderr.write(f"证据校验失败：证据 #{first.evidence_id}「{first.original_name}」{first.message}{more}")
            sys.exit(1)
        return f"，{count} 个证据文件摘要一致"
