"""The ``events`` step end to end: the seed article through the full pipeline, and the data files.

The seed checks skip while a step the events step requires is not installed, and when
``../shared`` is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reportedly
from reportedly.extractors.events import EVENT_TYPES
from reportedly.model import EVENT_STATUSES

EVAL_SET = Path(__file__).parent / "data" / "events_eval.jsonl"


@pytest.fixture(scope="module")
def seed_analysis(seed_article: reportedly.Article) -> reportedly.Analysis:
    try:
        pipeline = reportedly.Pipeline(["events"], plugins=False)
    except reportedly.ConfigError as error:
        pytest.skip(f"the full pipeline is not available yet: {error}")
    return pipeline(seed_article)


def _source_name(analysis: reportedly.Analysis, source_id: str | None) -> str:
    source = analysis.source(source_id)
    return source.name if source is not None else ""


def test_seed_production_order(seed_analysis: reportedly.Analysis) -> None:
    production = [e for e in seed_analysis.events if e.type == "weapons_production"]
    assert production, [(e.type, e.trigger.text) for e in seed_analysis.events]
    event = production[0]
    assert "production" in event.trigger.text
    assert event.status == "ordered"
    assert "Kim" in _source_name(seed_analysis, event.actor)
    assert "state media" in _source_name(seed_analysis, event.attributed_to).lower()
    weapons = [w for w in seed_analysis.weapons if w.id in event.weapons]
    assert any("rocket launcher" in w.text for w in weapons)


def test_seed_inspection_display_development(seed_analysis: reportedly.Analysis) -> None:
    by_type = {}
    for event in seed_analysis.events:
        by_type.setdefault(event.type, []).append(event)
    inspections = by_type.get("weapons_inspection", [])
    assert any("Kim" in _source_name(seed_analysis, e.actor) for e in inspections)
    displays = by_type.get("weapons_display", [])
    assert any(
        "cruise missile" in w.text
        for e in displays
        for w in seed_analysis.weapons
        if w.id in e.weapons
    )
    developments = by_type.get("weapons_development", [])
    assert any(
        "submarine" in w.text
        for e in developments
        for w in seed_analysis.weapons
        if w.id in e.weapons
    )


def test_seed_nothing_from_boilerplate(seed_analysis: reportedly.Analysis) -> None:
    read_also = seed_analysis.text.index("Read Also:")
    line_end = seed_analysis.text.index("\n", read_also)
    assert not [e for e in seed_analysis.events if read_also <= e.trigger.start < line_end]


def test_seed_references_exist(seed_analysis: reportedly.Analysis) -> None:
    sources = {s.id for s in seed_analysis.sources}
    weapons = {w.id for w in seed_analysis.weapons}
    dates = {t.id for t in seed_analysis.dates}
    for event in seed_analysis.events:
        assert event.actor is None or event.actor in sources
        assert event.attributed_to is None or event.attributed_to in sources
        assert set(event.weapons) <= weapons
        assert event.date is None or event.date in dates
        assert seed_analysis.text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_eval_set_is_well_formed() -> None:
    records = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 40
    types = set()
    statuses = set()
    for record in records:
        text = record["text"]
        for event in record["events"]:
            assert event["type"] in EVENT_TYPES
            assert event["status"] in EVENT_STATUSES
            assert event["trigger"] in text
            for role in ("actor", "date", "location", "attributed_to"):
                values = event[role] if isinstance(event[role], list) else [event[role]]
                assert all(v is None or v in text for v in values), (record["id"], role)
            assert all(w in text for w in event["weapons"])
            types.add(event["type"])
            statuses.add(event["status"])
    capability = {t for t in EVENT_TYPES if t.startswith("weapons_") or t == "military_exercise"}
    assert capability <= types
    assert {"occurred", "ordered", "planned", "expected", "denied", "reported"} <= statuses
