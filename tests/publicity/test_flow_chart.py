"""执法流程图 (R-PUB-001): drawn server-side as SVG from the PenaltyCase transitions — every state appears, and a
transition added to the machine appears without any change to the drawing code."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from zhifa.cases.models import PenaltyCase
from zhifa.publicity.flowchart import Edge, penalty_case_chart, render_svg, transition_edges

pytestmark = pytest.mark.django_db


def test_every_state_of_the_model_appears_in_the_svg():
    svg, _, _ = penalty_case_chart()
    ET.fromstring(svg)  # noqa: S314 - our own output, checked to be well-formed
    for value, label in PenaltyCase._meta.get_field("state").choices:
        assert f'data-state="{value}"' in svg and f">{label}<" in svg


def test_transitions_are_read_from_the_model_with_chinese_labels():
    edges = transition_edges(PenaltyCase)
    assert Edge("awaiting_decision", "decided", "作出决定", "decide") in edges
    # RETURN_VALUE targets expand to their allowed states
    assert {e.target for e in edges if e.name == "conclude_legal_review"} == {"under_case_review", "awaiting_decision"}


def test_a_new_transition_appears():
    states = [("a", "甲环节"), ("b", "乙环节")]
    edges = [Edge("a", "b", "推进")]
    before = render_svg(states, edges, initial="a")
    after = render_svg(states, [*edges, Edge("b", "a", "新增退回环节")], initial="a")
    assert "新增退回环节" not in before and "新增退回环节" in after


def test_portal_page_shows_the_chart(client):
    page = client.get("/gongshi/procedures/").content.decode()
    assert "<svg" in page and "已立案" in page
    response = client.get("/gongshi/procedures/penalty.svg")
    assert response["Content-Type"].startswith("image/svg+xml")
