"""执法流程图 (R-PUB-001 "flow charts"): the case state machine drawn as SVG, server-side, from the transitions the
model declares — no hand-drawn image, no JavaScript, no external tool. A transition added to the model appears in
the chart without touching this module.

``transition_edges`` reads the django-fsm transitions of a model (``RETURN_VALUE`` targets expand to their allowed
states); ``render_svg`` lays the states out in layers and draws them. Pure except for reading the model class.

Layering: the states' declared order (their choices) is the procedure's order. An edge to a later state is
"forward"; a state's layer is the longest forward path from the initial state. A state reached only backwards
(集体讨论 from 待决定) goes one layer below its first predecessor. Forward edges are straight lines, the others are
dashed curves on the right. Edge labels: one per (label, target), the rest in the ``<title>`` of each edge and in
the table the page shows next to the chart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from django_fsm import State

# Chinese names of the PenaltyCase transitions (the docstrings' first words where those are Chinese).
TRANSITION_LABELS = {
    "investigate": "调查取证",
    "submit_for_case_review": "调查终结，送案件审核",
    "submit_for_legal_review": "送法制审核",
    "conclude_legal_review": "法制审核结束",
    "submit_for_discussion": "负责人集体讨论",
    "conclude_discussion": "集体讨论作出结论",
    "notify": "事先告知",
    "hold_hearing": "听证",
    "reconsider": "陈述申辩或听证后重新审核",
    "reopen_investigation": "补充调查",
    "await_decision": "报负责人决定",
    "decide": "作出决定",
    "execute": "送达后执行",
    "close": "结案",
    "archive": "归档",
    "suspend": "中止",
    "resume": "恢复",
    "terminate": "终止",
    "resume_after_transfer": "移送后未立案，恢复办理",
}
_LEADING_CHINESE = re.compile(r"^[\u3400-\u9fff\uff08\uff09\u3001\uff0c\u201c\u201d]+")

NODE_W, NODE_H = 150, 38
ROW_H, COL_GAP, MARGIN, CURVE_ROOM = 96, 40, 24, 150


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    name: str = ""


def transition_label(model: type, name: str, labels: dict[str, str] | None = None) -> str:
    """The Chinese name of a transition: the label map, else the leading Chinese words of its docstring, else
    the method name."""
    labels = TRANSITION_LABELS if labels is None else labels
    if name in labels:
        return labels[name]
    doc = (getattr(getattr(model, name, None), "__doc__", None) or "").strip()
    match = _LEADING_CHINESE.match(doc.splitlines()[0] if doc else "")
    return match.group(0) if match else name


def transition_edges(model: type, field_name: str = "state", labels: dict[str, str] | None = None) -> list[Edge]:
    """Every (source, target) pair of the model's FSM transitions, sources ``*``/``+`` expanded."""
    field: Any = model._meta.get_field(field_name)  # type: ignore[attr-defined]
    states = [value for value, _ in field.choices]
    edges: list[Edge] = []
    for t in field.get_all_transitions(model):
        if isinstance(t.target, State):
            targets = list(t.target.allowed_states or [])
        else:
            targets = [t.target] if t.target is not None else []
        sources = states if t.source in ("*", "+") else [t.source]
        label = transition_label(model, t.name, labels)
        for source in sources:
            for target in targets:
                if t.source == "+" and source == target:
                    continue
                edges.append(Edge(str(source), str(target), label, t.name))
    return sorted(set(edges), key=lambda e: (_index(states, e.source), _index(states, e.target), e.name))


def _index(states: Sequence[str], value: str) -> int:
    return states.index(value) if value in states else len(states)


def layers(states: Sequence[str], edges: Iterable[Edge], initial: str) -> dict[str, int]:
    """Each state's layer (see the module docstring); states never reached share the last layer."""
    order = {s: i for i, s in enumerate(states)}
    preds: dict[str, list[str]] = {s: [] for s in states}
    for e in edges:
        if e.source in order and e.target in order and e.source != e.target:
            preds[e.target].append(e.source)
    layer: dict[str, int] = {initial: 0}
    deferred: list[str] = []
    for state in states:
        if state == initial:
            continue
        forward = [p for p in preds[state] if order[p] < order[state] and p in layer]
        if forward:
            layer[state] = max(layer[p] for p in forward) + 1
        else:
            deferred.append(state)
    for state in deferred:
        known = [layer[p] for p in preds[state] if p in layer]
        layer[state] = (min(known) + 1) if known else -1
    last = max(layer.values()) + 1
    return {s: (v if v >= 0 else last) for s, v in layer.items()}


def render_svg(
    states: Sequence[tuple[str, str]], edges: Sequence[Edge], *, initial: str, title: str = "执法流程图"
) -> str:
    """The chart as a standalone SVG document (``states``: (value, Chinese label) in procedure order)."""
    values = [value for value, _ in states]
    names = dict(states)
    layer = layers(values, edges, initial)
    rows: dict[int, list[str]] = {}
    for value in values:
        rows.setdefault(layer[value], []).append(value)
    widest = max(len(r) for r in rows.values())
    inner = widest * NODE_W + (widest - 1) * COL_GAP
    width = MARGIN * 2 + inner + CURVE_ROOM
    height = MARGIN * 2 + (max(rows) + 1) * ROW_H - (ROW_H - NODE_H)
    pos: dict[str, tuple[float, float]] = {}
    for number, row in rows.items():
        span = len(row) * NODE_W + (len(row) - 1) * COL_GAP
        left = MARGIN + (inner - span) / 2
        for i, value in enumerate(row):
            pos[value] = (left + i * (NODE_W + COL_GAP), MARGIN + number * ROW_H)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="img" aria-labelledby="flow-title" font-family="sans-serif" font-size="13">',
        f'<title id="flow-title">{escape(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4b5565"/></marker></defs>',
    ]
    merged: dict[tuple[str, str], list[str]] = {}
    for e in edges:
        if e.source in pos and e.target in pos:
            labels = merged.setdefault((e.source, e.target), [])
            if e.label not in labels:
                labels.append(e.label)
    shown: set[tuple[str, str]] = set()
    for bend, ((source, target), labels) in enumerate(merged.items()):
        out.append(_edge(pos[source], pos[target], layer[source], layer[target], labels, shown, target, bend))
    for value in values:
        x, y = pos[value]
        style = ' stroke-width="2.5"' if value == initial else ""
        out.append(
            f'<g class="state" data-state="{escape(value)}"><rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" '
            f'height="{NODE_H}" rx="8" fill="#eef3fa" stroke="#1d4f91"{style}/>'
            f'<text x="{x + NODE_W / 2:.0f}" y="{y + NODE_H / 2 + 5:.0f}" text-anchor="middle" fill="#1f2733">'
            f"{escape(names[value])}</text></g>"
        )
    out.append("</svg>")
    return "\n".join(out)


def _edge(
    a: tuple[float, float],
    b: tuple[float, float],
    from_layer: int,
    to_layer: int,
    labels: list[str],
    shown: set[tuple[str, str]],
    target: str,
    bend: int,
) -> str:
    text = "／".join(labels)
    tooltip = f"<title>{escape(text)}</title>"
    if from_layer < to_layer:
        x1, y1 = a[0] + NODE_W / 2, a[1] + NODE_H
        x2, y2 = b[0] + NODE_W / 2, b[1]
        path = (
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#4b5565" marker-end="url(#arrow)"/>'
        )
        lx, ly = (x1 + x2) / 2, (y1 + y2) / 2
    elif a == b:
        x, y = a[0] + NODE_W, a[1] + NODE_H / 2
        path = (
            f'<path d="M{x:.0f},{y - 8:.0f} C{x + 40:.0f},{y - 30:.0f} {x + 40:.0f},{y + 30:.0f} {x:.0f},{y + 8:.0f}" '
            'fill="none" stroke="#4b5565" stroke-dasharray="4 3" marker-end="url(#arrow)"/>'
        )
        lx, ly = x + 44, y
    else:
        x1, y1 = a[0] + NODE_W, a[1] + NODE_H / 2
        x2, y2 = b[0] + NODE_W, b[1] + NODE_H / 2
        reach = 40 + (bend % 5) * 18
        cx = max(x1, x2) + reach
        path = (
            f'<path d="M{x1:.0f},{y1:.0f} C{cx:.0f},{y1:.0f} {cx:.0f},{y2:.0f} {x2:.0f},{y2:.0f}" fill="none" '
            'stroke="#4b5565" stroke-dasharray="4 3" marker-end="url(#arrow)"/>'
        )
        lx, ly = cx - 4, (y1 + y2) / 2
    parts = [f'<g class="transition">{tooltip}{path}']
    fresh = [label for label in labels if (label, target) not in shown]
    if fresh:
        shown.update((label, target) for label in fresh)
        parts.append(
            f'<text x="{lx + 4:.0f}" y="{ly:.0f}" fill="#1f2733" font-size="11" paint-order="stroke" stroke="#fff" '
            f'stroke-width="3">{escape("／".join(fresh))}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def penalty_case_chart() -> tuple[str, list[Edge], list[tuple[str, str]]]:
    """The general procedure of a penalty case (立案 → … → 归档): the SVG, its edges and its states."""
    from zhifa.cases.models import PenaltyCase

    field: Any = PenaltyCase._meta.get_field("state")
    states = [(str(value), str(label)) for value, label in field.choices]
    edges = transition_edges(PenaltyCase)
    svg = render_svg(states, edges, initial=str(field.default), title="行政处罚一般程序流程图")
    return svg, edges, states
