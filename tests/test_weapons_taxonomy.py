"""Integrity of the shipped weapons vocabulary (``src/reportedly/vocab/weapons``)."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from reportedly.extractors.weapons import WeaponExtractor
from reportedly.extractors.weapons.lexicon import (
    build_lexicon,
    builtin_entries,
    builtin_lexicon,
    plural_forms,
    spelling_ok,
)

VOCAB = resources.files("reportedly.vocab").joinpath("weapons")
DESIGNATION_SET = Path(__file__).parent / "data" / "designations.jsonl"

#: The coverage the issue asks for: one category path prefix each.
REQUIRED_CATEGORIES = [
    ("weapon", "small arms"),
    ("weapon", "artillery", "tube artillery"),
    ("weapon", "artillery", "rocket artillery"),
    ("weapon", "artillery", "mortar"),
    ("weapon", "missile", "ballistic missile"),
    ("weapon", "missile", "cruise missile"),
    ("weapon", "missile", "hypersonic missile"),
    ("weapon", "missile", "anti-ship missile"),
    ("weapon", "missile", "surface-to-air missile"),
    ("weapon", "missile", "air-to-air missile"),
    ("weapon", "missile", "anti-tank missile"),
    ("weapon", "air defence"),
    ("weapon", "munition", "loitering munition"),
    ("weapon", "munition", "bomb"),
    ("weapon", "munition", "rocket"),
    ("weapon", "munition", "shell"),
    ("weapon", "munition", "mine"),
    ("weapon", "munition", "improvised explosive device"),
    ("weapon", "nuclear weapon"),
    ("weapon", "chemical weapon"),
    ("weapon", "biological weapon"),
    ("weapon", "radiological weapon"),
    ("weapon", "warhead"),
    ("weapon", "space weapon"),
    ("weapon", "cyber and electronic warfare"),
    ("platform", "aircraft", "helicopter"),
    ("platform", "aircraft", "unmanned aerial vehicle"),
    ("platform", "naval vessel", "submarine"),
    ("platform", "naval vessel", "aircraft carrier"),
    ("platform", "naval vessel", "amphibious ship"),
    ("platform", "armoured vehicle", "launcher vehicle"),
    ("platform", "space"),
]

REQUIRED_TERMS = [
    "intercontinental ballistic missile", "submarine-launched ballistic missile",
    "short-range ballistic missile", "medium-range ballistic missile",
    "intermediate-range ballistic missile", "destroyer", "frigate", "corvette", "patrol vessel",
    "nuclear-powered submarine", "conventionally powered submarine", "tank",
    "infantry fighting vehicle", "armoured personnel carrier", "self-propelled artillery",
    "fighter aircraft", "bomber", "attack helicopter", "nuclear delivery system",
    "vehicle-borne improvised explosive device", "cluster munition", "naval mine",
]  # fmt: skip


def test_every_term_has_a_valid_class_and_path() -> None:
    entries, _, _ = builtin_entries()
    assert len(entries) > 100
    for entry in entries:
        assert entry["class"] in ("weapon", "platform"), entry
        assert entry["category"][0] == entry["class"], entry
        assert entry["term"] == entry["term"].strip().lower() or entry["term"][0].isupper(), entry
        assert all(part.strip() for part in entry["category"]), entry


def test_no_duplicate_terms_and_no_alias_names_two_terms() -> None:
    entries, _, _ = builtin_entries()
    counts = Counter(entry["term"] for entry in entries)
    assert [term for term, n in counts.items() if n > 1] == []
    owners: dict[str, str] = {}
    for entry in entries:
        for alias in {entry["term"], *entry["aliases"]}:
            key = alias.lower()
            assert owners.setdefault(key, entry["term"]) == entry["term"], (alias, owners[key])
    assert builtin_lexicon().conflicts == []


def test_no_duplicate_aliases_within_a_term() -> None:
    for entry in builtin_entries()[0]:
        aliases = [a.lower() for a in entry["aliases"]]
        assert len(aliases) == len(set(aliases)), entry["term"]
        assert entry["term"].lower() not in aliases, entry["term"]


@pytest.mark.parametrize("prefix", REQUIRED_CATEGORIES, ids=" > ".join)
def test_required_coverage(prefix: tuple[str, ...]) -> None:
    paths = {entry["category"] for entry in builtin_entries()[0]}
    assert any(path[: len(prefix)] == prefix for path in paths)


def test_required_terms() -> None:
    terms = builtin_lexicon().terms
    assert [t for t in REQUIRED_TERMS if t not in terms] == []


def test_designations_map_onto_terms_and_are_unique() -> None:
    rows = []
    for line in VOCAB.joinpath("designations.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    assert len(rows) > 400
    terms = builtin_lexicon().terms
    names = Counter(row[0] for row in rows)
    assert [name for name, n in names.items() if n > 1] == []
    for row in rows:
        assert 2 <= len(row) <= 4, row
        assert row[1] in terms, row
        if len(row) == 4:
            assert row[3] in ("", "strict"), row


def test_data_files_parse_and_rules_name_real_aliases() -> None:
    lexicon = builtin_lexicon()
    aliases = {key.lower() for key in _all_aliases()}
    for alias in lexicon.rules:
        assert alias in aliases, alias
    modifiers = tomllib.loads(VOCAB.joinpath("modifiers.toml").read_text(encoding="utf-8"))
    for table in ("attributes", "origins", "numbers", "vague_quantities", "hull_prefixes"):
        assert modifiers[table], table
    for name in lexicon.families:
        assert name == name.lower()


def _all_aliases() -> set[str]:
    found: set[str] = set()
    for entry in builtin_entries()[0]:
        found.add(entry["term"])
        found.update(entry["aliases"])
    return found


def test_credits_are_shipped() -> None:
    credits = VOCAB.joinpath("CREDITS.md").read_text(encoding="utf-8")
    assert "military-symbol" in credits and "MIT" in credits
    assert "SISO" in credits  # says it is NOT used


@pytest.mark.parametrize(
    ("phrase", "plurals"),
    [
        ("rocket launcher", ["rocket launchers"]),
        ("IED", ["IEDs"]),
        ("aircraft", []),
        ("battery", ["batteries"]),
        ("torpedo", ["torpedos", "torpedoes"]),
        ("anti-tank missile", ["anti-tank missiles"]),
        ("man-of-war", ["man-of-wars"]),
    ],
)
def test_plural_forms(phrase: str, plurals: list[str]) -> None:
    assert plural_forms(phrase, frozenset({"aircraft"})) == plurals


@pytest.mark.parametrize(
    ("required", "written", "ok"),
    [
        ("Su", "Su", True), ("Su", "SU", True), ("Su", "su", False), ("MiG", "Mig", True),
        ("HIMARS", "Himars", True), ("HIMARS", "himars", False), ("Iskander", "ISKANDER", True),
        ("18", "18", True), ("18", "81", False), ("F", "f", False),
    ],
)  # fmt: skip
def test_designation_spelling(required: str, written: str, ok: bool) -> None:
    assert spelling_ok(required, written) is ok


def test_tens_of_thousands_of_terms_still_build_and_match() -> None:
    extra = [
        {
            "term": f"widget {n}", "class": "weapon", "category": ["weapon", "widget"],
            "aliases": [f"gizmo {n}"], "plurals": [], "designations": [], "generic": False,
        }
        for n in range(20000)
    ]  # fmt: skip
    lexicon = build_lexicon(extra)
    assert lexicon.size > 20000
    step = WeaponExtractor()
    step.lexicon = lexicon
    assert [m.term for m in step.find("They fired gizmo 19999 and two tanks.")] == [
        "widget 19999",
        "tank",
    ]


def test_designation_set_is_large_enough() -> None:
    records = [json.loads(line) for line in DESIGNATION_SET.read_text("utf-8").splitlines()]
    assert len(records) >= 100
    assert sum(1 for r in records if not r["designations"]) >= 30


def test_designation_set_precision_and_recall() -> None:
    """The issue's targets on the project's own designation sentences."""
    step = WeaponExtractor()
    tp = fp = fn = 0
    for line in DESIGNATION_SET.read_text("utf-8").splitlines():
        record = json.loads(line)
        gold = Counter(_norm(d) for d in record["designations"])
        found = Counter(_norm(w.designation) for w in step.find(record["text"]) if w.designation)
        hit = sum((gold & found).values())
        tp += hit
        fp += sum(found.values()) - hit
        fn += sum(gold.values()) - hit
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.90


def _norm(value: str) -> str:
    return "".join(c for c in value.lower() if c.isalnum())
