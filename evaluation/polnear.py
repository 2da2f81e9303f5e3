"""Reader for PolNeAR (brat standoff) attribution annotations.

``load(data, split="dev")`` returns one :class:`Document` per article (the first annotator file in
sorted order, as PolNeAR's own counts do), each with its text and gold :class:`Attribution` list.
Spans are lists of ``(start, end)`` pieces (discontinuous spans have several).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Span = list[tuple[int, int]]


@dataclass
class Attribution:
    content: Span = field(default_factory=list)
    source: Span = field(default_factory=list)
    cue: Span = field(default_factory=list)


@dataclass
class Document:
    name: str
    text: str
    attributions: list[Attribution]


def _pieces(offsets: str) -> Span:
    pieces = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return pieces


def parse_ann(raw: str) -> list[Attribution]:
    spans: dict[str, tuple[str, Span]] = {}
    relations: list[dict[str, str]] = []
    for line in raw.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _pieces(offsets))
        elif line.startswith("E"):
            parts = line.split("\t")
            roles = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            relations.append(roles)
    out = []
    for roles in relations:
        attribution = Attribution()
        for role, ref in roles.items():
            if ref not in spans:
                continue
            pieces = spans[ref][1]
            if role.startswith("Content"):
                attribution.content.extend(pieces)
            elif role == "Source":
                attribution.source.extend(pieces)
            elif role == "Cue":
                attribution.cue.extend(pieces)
        if attribution.content:
            attribution.content.sort()
            out.append(attribution)
    return out


def load(data: Path, split: str = "dev") -> list[Document]:
    """Every article of ``split`` under ``data/quotes/polnear/data``."""
    root = data / "quotes" / "polnear" / "data" / split
    documents = []
    for text_path in sorted((root / "text").glob("*.txt")):
        annotations = sorted((root / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        attributions = parse_ann(annotations[0].read_text(encoding="utf-8"))
        documents.append(Document(text_path.stem, text, attributions))
    return documents
