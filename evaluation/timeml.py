"""Reader for TempEval-3 TimeML documents: raw text, DCT and gold TIMEX3 with offsets.

``load(data)`` reads ``data/tempeval3/train/{TimeBank,AQUAINT}/*.tml``. The text is the content of
``<TEXT>`` with every tag removed and entities decoded, so gold offsets index into it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str


@dataclass
class Document:
    name: str
    corpus: str
    text: str
    dct: str
    timexes: list[Timex]


def parse_tml(raw: str, name: str = "", corpus: str = "") -> Document:
    dct_match = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
    dct = dct_match.group(1) if dct_match else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text_parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    position = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[position : m.start()])
        text_parts.append(chunk)
        length += len(chunk)
        position = m.end()
        closing, tag = m.group(1), m.group(2)
        if tag != "TIMEX3":
            continue
        if closing:
            start, attrs = open_timex.pop()
            text = "".join(text_parts)
            timexes.append(
                Timex(
                    start,
                    length,
                    text[start:length],
                    attrs.get("type", ""),
                    attrs.get("value", ""),
                    attrs.get("tid", ""),
                )
            )
        elif not m.group(4):
            open_timex.append((length, dict(_ATTR.findall(m.group(3)))))
    text_parts.append(html.unescape(body[position:]))
    return Document(name, corpus, "".join(text_parts), dct, timexes)


def load(data: Path) -> list[Document]:
    """Every TBAQ document, TimeBank first, in file-name order."""
    root = data / "tempeval3" / "train"
    documents = []
    for corpus in ("TimeBank", "AQUAINT"):
        for path in sorted((root / corpus).glob("*.tml")):
            documents.append(parse_tml(path.read_text(encoding="utf-8"), path.stem, corpus))
    return documents
