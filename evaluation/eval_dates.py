"""Score the ``dates`` step on TempEval-3 TBAQ with TempEval-3 metrics.

Each TBAQ document becomes an Article whose ``published`` is the document's DCT, and the step's
expressions are matched one-to-one against the gold TIMEX3 inside ``<TEXT>`` (the DCT itself is not
in the text). As in the TE3 scorer:

- **strict**: same start and end; **relaxed**: the spans overlap;
- **type** and **value**: among relaxed matches, how many have the gold type / value, reported as
  an F1 over all expressions (TE3's attribute F1: relaxed F1 times attribute accuracy).

Split: the rules were tuned on the **TimeBank** part (183 documents, Wall Street Journal and
broadcast news) and on half of the **AQUAINT** part (AP, NYT and Xinhua newswire), chosen by a fixed
hash of the document name (CRC-32 even); the errors of the other AQUAINT half (CRC-32 odd) were
never inspected while tuning, and it is reported separately as the held-out part, then the whole
of TBAQ.

    python -m evaluation.eval_dates [--errors tuning|report|all]   # error listing for tuning
"""

from __future__ import annotations

import argparse
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import reportedly
from evaluation import timeml
from evaluation.run import Skip, data_dir
from reportedly.extractors.dates import Dates
from reportedly.model import Analysis, TimeExpression


def split_of(doc: timeml.Document) -> str:
    """``"tuning"`` or ``"report"``: all of TimeBank and a fixed half of AQUAINT are for tuning."""
    if doc.corpus == "TimeBank" or zlib.crc32(doc.name.encode("utf-8")) % 2 == 0:
        return "tuning"
    return "report"


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type", "value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def prf(self, correct: int) -> tuple[float, float, float]:
        precision = correct / self.system if self.system else 0.0
        recall = correct / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return 100 * precision, 100 * recall, 100 * f1


def _overlap(a: TimeExpression, b: timeml.Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_document(doc: timeml.Document, found: Sequence[TimeExpression]) -> Counts:
    """TE3 counts for one document; ``errors`` lists every miss, spurious and wrong attribute."""
    counts = Counts(gold=len(doc.timexes), system=len(found))
    pairs = sorted(
        ((_overlap(s, g), i, j) for i, s in enumerate(found) for j, g in enumerate(doc.timexes)
         if _overlap(s, g) > 0),
        reverse=True,
    )  # fmt: skip
    used_system: set[int] = set()
    used_gold: set[int] = set()
    for _, i, j in pairs:
        if i in used_system or j in used_gold:
            continue
        used_system.add(i)
        used_gold.add(j)
        s, g = found[i], doc.timexes[j]
        counts.relaxed += 1
        counts.strict += s.start == g.start and s.end == g.end
        counts.type += s.type == g.type
        counts.value += s.value == g.value
        if (s.start, s.end) != (g.start, g.end) or s.type != g.type or s.value != g.value:
            counts.errors.append(
                f"{doc.name} DCT {doc.dct[:10]}: gold {g.text!r} {g.type} {g.value} | "
                f"got {s.text!r} {s.type} {s.value}   ..{_context(doc.text, g.start, g.end)}.."
            )
    for i, s in enumerate(found):
        if i not in used_system:
            counts.errors.append(
                f"{doc.name} SPURIOUS {s.text!r} {s.type} {s.value}   "
                f"..{_context(doc.text, s.start, s.end)}.."
            )
    for j, g in enumerate(doc.timexes):
        if j not in used_gold:
            counts.errors.append(
                f"{doc.name} DCT {doc.dct[:10]}: MISSED {g.text!r} {g.type} {g.value}   "
                f"..{_context(doc.text, g.start, g.end)}.."
            )
    return counts


def _context(text: str, start: int, end: int) -> str:
    return (
        text[max(0, start - 60) : start] + "[" + text[start:end] + "]" + text[end : end + 40]
    ).replace("\n", " ")


def run(documents: Iterable[timeml.Document]) -> Counts:
    """Run the step on each document (published = its DCT) and add up the counts."""
    step = Dates()
    total = Counts()
    for doc in documents:
        published = doc.dct[:10] if len(doc.dct) >= 10 else None
        article = reportedly.Article(doc.text, id=doc.name, published=published)
        total.add(score_document(doc, step.find(Analysis(article))))
    return total


def _rows(name: str, counts: Counts) -> list[str]:
    rows = []
    for metric, correct in (
        ("strict span", counts.strict),
        ("relaxed span", counts.relaxed),
        ("type", counts.type),
        ("value", counts.value),
    ):
        p, r, f = counts.prf(correct)
        rows.append(
            f"| {name} | {metric} | {p:.2f} | {r:.2f} | **{f:.2f}** | {correct} | "
            f"{counts.system - correct} | {counts.gold - correct} |"
        )
    return rows


def evaluate(data: Path) -> str:
    """The Markdown section for ``docs/evaluation.md``."""
    root = data / "tempeval3" / "train"
    if not root.is_dir():
        raise Skip(f"{root} is not here")
    documents = timeml.load(data)
    tuning = [d for d in documents if split_of(d) == "tuning"]
    report = [d for d in documents if split_of(d) == "report"]
    results = {
        f"tuning (TimeBank + AQUAINT half, {len(tuning)} docs)": run(tuning),
        f"**held out** (other AQUAINT half, {len(report)} docs)": run(report),
    }
    whole = Counts()
    for counts in results.values():
        whole.add(counts)
    results[f"all TBAQ ({len(documents)} docs)"] = whole
    lines = [
        "TempEval-3 TBAQ (`tempeval3/train`), each document's DCT as `published`; TE3 scoring: "
        "strict = exact span, relaxed = overlapping span (one-to-one), type and value = "
        "attribute correct among relaxed matches, as F1 over all expressions (TE3 attribute F1). "
        "The rules were tuned on TimeBank and on the AQUAINT documents whose name has an even "
        "CRC-32; the other AQUAINT documents are held out (their errors were never inspected while "
        "tuning). "
        "tp = correct, "
        "fp = system - correct, fn = gold - correct.",
        "",
        "| part | metric | precision | recall | F1 | tp | fp | fn |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, counts in results.items():
        lines.extend(_rows(name, counts))
    lines.append("")
    lines.append(
        "Targets: relaxed F1 >= 92.5, strict >= 86, type >= 88, value >= 82 "
        "(HeidelTime 2.2.1 on TBAQ: relaxed 91.96, value 77.31)."
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List the dates step's errors on TBAQ.")
    parser.add_argument("--errors", choices=["tuning", "report", "all"], default="tuning")
    args = parser.parse_args(argv)
    documents = timeml.load(data_dir())
    if args.errors != "all":
        documents = [d for d in documents if split_of(d) == args.errors]
    counts = run(documents)
    print("\n".join(counts.errors))
    print("\n".join(_rows(args.errors, counts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
