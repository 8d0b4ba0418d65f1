"""The demo county has documents (the query-budget tests need ≥3 rows), issued through the services."""

import pytest

from zhifa.demo import documents as demo_documents
from zhifa.demo import loader
from zhifa.documents.models import Document
from zhifa.documents.services import served_on, verify_document
from zhifa.ledger.services import verify_chain
from zhifa.ledger.signatures import verify_signatures

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(monkeypatch):
    if demo_documents.load not in loader.LOADERS:  # until the lead registers it after ledger.load
        monkeypatch.setattr(loader, "LOADERS", [*loader.LOADERS, demo_documents.load])
    loader.load_demo()


def test_demo_documents_are_issued_numbered_and_intact(demo):
    numbers = list(
        Document.objects.filter(kind="filing_approval")
        .order_by("number__serial")
        .values_list("number__text", flat=True)
    )
    assert numbers[:3] == ["示市监立〔2026〕1号", "示市监立〔2026〕2号", "示市监立〔2026〕3号"]
    decision = Document.objects.get(kind="penalty_decision", agency__short_name="示发改")
    assert decision.number.text == "示发改罚〔2026〕1号"
    assert "罚款10,873.00元（壹万零捌佰柒拾叁元整）" in decision.html
    assert served_on(decision).isoformat() == "2026-05-21"
    assert all(verify_document(document) for document in Document.objects.all())
    assert verify_chain().ok
    assert verify_signatures() is None
