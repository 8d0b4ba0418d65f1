"""Scheduled ledger work: seal the chain head with a signed checkpoint on every tick."""

from __future__ import annotations

from datetime import date

from zhifa.core.scheduled import scheduled
from zhifa.ledger.services import create_checkpoint


@scheduled("ledger.checkpoint")
def seal_chain_head(on: date) -> list[str]:
    checkpoint = create_checkpoint()
    return [f"已生成检查点 #{checkpoint.sequence}"] if checkpoint else []
