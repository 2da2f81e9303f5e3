"""Events: the project's own annotated passages and the PLOVER gold-standard sentences.

Two parts:

1. ``tests/data/events_eval.jsonl`` (written and annotated by hand for this project): event type
   precision, recall and F1 (a predicted event matches a gold one when their triggers overlap and
   the types are equal), then, on matched events, accuracy per argument role.
2. ``events/plover_gsr/PLOVER_GSR_CAMEO.json`` (322 CAMEO-manual sentences coded in PLOVER 0.5b1):
   each sentence runs through the full pipeline as an article. The predicted event of a sentence
   is the one whose trigger overlaps a gold ``(EVT: ...)`` word, else the first one. Type accuracy
   (gold FIGHT counts as assault), a confusion matrix, and actor span overlap with the gold
   ``actorText`` where the type is right. The sentences are split by a hash of their id: the
   ``tune`` half was looked at while writing the triggers, the ``held-out`` half was not.

``python -m evaluation.eval_events --derive`` regenerates ``vocab/events/petrarch2_*.tsv`` from
the PETRARCH2 dictionaries in ``../shared``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import reportedly
from evaluation.run import Skip

ROOT = Path(__file__).resolve().parent.parent
OWN_SET = ROOT / "tests" / "data" / "events_eval.jsonl"
GSR = Path("events") / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
PETRARCH = Path("events") / "petrarch2_dictionaries" / "CAMEO.2.0.txt"
VOCAB = ROOT / "src" / "reportedly" / "vocab" / "events"
ROLES = ("actor", "weapons", "date", "location", "attributed_to", "status")

Analyzer = Callable[[reportedly.Article], reportedly.Analysis]


def analyzer() -> tuple[Analyzer, str]:
    """The full pipeline the events step runs in, and its description."""
    pipeline = reportedly.Pipeline(["events"], plugins=False)
    return pipeline, "full pipeline (" + ", ".join(pipeline.step_names) + ")"


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _find(text: str, needle: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _source_matches(
    analysis: reportedly.Analysis, source_id: str | None, gold: str | list[str] | None
) -> bool:
    if gold is None:
        return source_id is None
    if source_id is None:
        return False
    source = analysis.source(source_id)
    if source is None:
        return False
    golds = gold if isinstance(gold, list) else [gold]
    for text in golds:
        if source.name.lower() == text.lower():
            return True
        for span in _find(analysis.text, text):
            if any(_overlaps(span, (m.start, m.end)) for m in source.mentions):
                return True
    return False


def _role_correct(
    analysis: reportedly.Analysis, event: reportedly.Event, gold: dict[str, Any], role: str
) -> bool:
    text = analysis.text
    if role in ("actor", "attributed_to"):
        return _source_matches(analysis, getattr(event, role), gold.get(role))
    if role == "weapons":
        predicted = [w for w in analysis.weapons if w.id in event.weapons]
        wanted = gold.get("weapons") or []
        if len(predicted) != len(wanted):
            return False
        return all(
            any(_overlaps((w.start, w.end), span) for w in predicted for span in _find(text, g))
            for g in wanted
        )
    if role == "date":
        timex = next((t for t in analysis.dates if t.id == event.date), None)
        if gold.get("date") is None:
            return timex is None
        return timex is not None and any(
            _overlaps((timex.start, timex.end), span) for span in _find(text, gold["date"])
        )
    if role == "location":
        if gold.get("location") is None:
            return event.location is None
        return event.location is not None and event.location.text == gold["location"]
    return bool(event.status == gold.get("status", "occurred"))


@dataclass
class _OwnScores:
    """Counts of one split of the hand-annotated set."""

    passages: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    role_right: Counter[str] = field(default_factory=Counter)
    per_type: dict[str, list[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _score_record(record: dict[str, Any], run: Analyzer, scores: _OwnScores) -> None:
    article = reportedly.Article(record["text"], id=record["id"], published=record["published"])
    analysis = run(article)
    predicted = list(analysis.events)
    used: set[str] = set()
    scores.passages += 1
    for gold in record["events"]:
        spans = _find(record["text"], gold["trigger"]) or [(0, 0)]
        hit = next(
            (
                e
                for e in predicted
                if e.id not in used
                and e.type == gold["type"]
                and any(_overlaps((e.trigger.start, e.trigger.end), s) for s in spans)
            ),
            None,
        )
        counts = scores.per_type.setdefault(gold["type"], [0, 0, 0])
        if hit is None:
            scores.fn += 1
            counts[2] += 1
            scores.errors.append(f"{record['id']}: missed {gold['type']} {gold['trigger']!r}")
            continue
        used.add(hit.id)
        scores.tp += 1
        counts[0] += 1
        for role in ROLES:
            if _role_correct(analysis, hit, gold, role):
                scores.role_right[role] += 1
            else:
                scores.errors.append(
                    f"{record['id']}: {gold['type']} {role}: got {_shown(analysis, hit, role)}, "
                    f"want {gold.get(role)!r}"
                )
    for event in predicted:
        if event.id not in used:
            scores.fp += 1
            scores.per_type.setdefault(event.type, [0, 0, 0])[1] += 1
            scores.errors.append(f"{record['id']}: extra {event.type} {event.trigger.text!r}")


def _shown(analysis: reportedly.Analysis, event: reportedly.Event, role: str) -> str:
    if role in ("actor", "attributed_to"):
        source = analysis.source(getattr(event, role))
        return repr(source.name if source else None)
    if role == "weapons":
        return repr([w.text for w in analysis.weapons if w.id in event.weapons])
    if role == "date":
        return repr(next((t.text for t in analysis.dates if t.id == event.date), None))
    if role == "location":
        return repr(event.location.text if event.location else None)
    return repr(event.status)


def evaluate_own(path: Path, run: Analyzer) -> str:
    """Type P/R/F1 and per-role accuracy on the hand-annotated passages in ``path``.

    Records carry ``"split"``: ``dev`` passages were looked at while writing the rules, ``test``
    passages were written before the last round of changes and their errors are never listed.
    """
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    splits = {"dev": _OwnScores(), "test": _OwnScores(), "all": _OwnScores()}
    for record in records:
        _score_record(record, run, splits[record.get("split", "dev")])
        _score_record(record, run, splits["all"])
    lines = [
        f"Hand-annotated passages (`tests/data/events_eval.jsonl`): {len(records)} passages "
        "written for this project; `dev` passages were used while writing the rules, `test` "
        "passages were not.\n",
        "Event type (a predicted event matches a gold one when the triggers overlap and the types "
        "are equal):\n",
        "| split | passages | gold events | precision | recall | F1 | tp | fp | fn |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, sc in splits.items():
        p, r, f = _prf(sc.tp, sc.fp, sc.fn)
        lines.append(
            f"| {name} | {sc.passages} | {sc.tp + sc.fn} | {p:.3f} | {r:.3f} | {f:.3f} | "
            f"{sc.tp} | {sc.fp} | {sc.fn} |"
        )
    lines += [
        "",
        "Argument accuracy on matched events (correct / matched):\n",
        "| role | " + " | ".join(splits) + " |",
        "|---|" + "---|" * len(splits),
    ]
    for role in ROLES:
        cells = []
        for sc in splits.values():
            acc = sc.role_right[role] / sc.tp if sc.tp else 0.0
            cells.append(f"{acc:.3f} ({sc.role_right[role]}/{sc.tp})")
        lines.append(f"| {role} | " + " | ".join(cells) + " |")
    every = splits["all"]
    lines += ["", "Per type (all passages):\n", "| type | tp | fp | fn |", "|---|---|---|---|"]
    for event_type in sorted(every.per_type):
        t, fpos, fneg = every.per_type[event_type]
        lines.append(f"| {event_type} | {t} | {fpos} | {fneg} |")
    if splits["dev"].errors:
        lines += ["", "<details><summary>Errors on the dev passages</summary>\n"]
        lines += [f"- {m}" for m in splits["dev"].errors]
        lines += ["\n</details>"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- PLOVER


def _gold_type(event: str) -> str:
    return {"FIGHT": "assault", "DEMAND": "demand"}.get(event, event.lower())


def _split(record_id: str) -> str:
    return "tune" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def _plover_records(data: Path) -> list[dict[str, Any]]:
    raw = json.loads((data / GSR).read_text(encoding="utf-8"))
    return [r for r in raw if r.get("event") != "DOCUMENT" and r.get("text")]


def _clean(text: str) -> str:
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    return text


def evaluate_plover(data: Path, run: Analyzer) -> str:
    """Type accuracy, confusion matrix and actor overlap on the PLOVER gold sentences."""
    records = _plover_records(data)
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    actor_right: Counter[str] = Counter()
    any_right: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for record in records:
        text = _clean(record["text"])
        split = _split(record["id"])
        gold = _gold_type(record["event"])
        analysis = run(reportedly.Article(text, id=record["id"]))
        info = record.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        evt_spans = [
            s
            for words in re.findall(r"\(EVT: ([^()]*)\)", markup)
            for s in _find(text, words.strip())
        ]
        chosen = next(
            (
                e
                for e in analysis.events
                if any(_overlaps((e.trigger.start, e.trigger.end), s) for s in evt_spans)
            ),
            analysis.events[0] if analysis.events else None,
        )
        predicted = chosen.type if chosen is not None else "(none)"
        for key in (split, "all"):
            total[key] += 1
            confusion[(gold, predicted)] += 1 if key == "all" else 0
            if any(e.type == gold for e in analysis.events):
                any_right[key] += 1
            if predicted == gold:
                right[key] += 1
                actors = [
                    a["actorText"] for a in (record.get("source") or []) if a.get("actorText")
                ]
                if chosen is not None and _source_matches(analysis, chosen.actor, actors or None):
                    actor_right[key] += 1
    lines = [
        f"PLOVER gold-standard sentences (`{GSR}`, {len(records)} sentences, every one with a gold "
        "event; each run through the pipeline as an article).\n",
        "| split | sentences | type correct | type accuracy | any event of the gold type | "
        "actor overlap where type right | actor accuracy |",
        "|---|---|---|---|---|---|---|",
    ]
    for key in ("tune", "held-out", "all"):
        n, k, a = total[key], right[key], actor_right[key]
        lines.append(
            f"| {key} | {n} | {k} | {k / n if n else 0:.3f} | {any_right[key]} | {a} | "
            f"{a / k if k else 0:.3f} |"
        )
    golds = sorted({g for g, _ in confusion})
    predicted_types = sorted({p for _, p in confusion})
    lines += [
        "",
        "Confusion matrix (rows gold, columns predicted; all sentences):\n",
        "| gold \\ predicted | " + " | ".join(predicted_types) + " |",
        "|---|" + "---|" * len(predicted_types),
    ]
    for g in golds:
        cells = [str(confusion[(g, p)] or "") for p in predicted_types]
        lines.append(f"| **{g}** | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def evaluate(data: Path) -> str:
    """Both parts; the PLOVER part is skipped (with a note) when ``data`` lacks it."""
    if not OWN_SET.is_file() and not (data / GSR).is_file():
        raise Skip("neither tests/data/events_eval.jsonl nor the PLOVER gold standard is here")
    run, description = analyzer()
    parts = [f"Run with the {description}.\n"]
    if OWN_SET.is_file():
        parts.append(evaluate_own(OWN_SET, run))
    if (data / GSR).is_file():
        parts.append(evaluate_plover(data, run))
    else:
        parts.append(f"PLOVER gold standard: skipped, `{data / GSR}` is not here.\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------- derivation

_PLOVER_BY_CAMEO = {
    "03": "agree", "04": "consult", "05": "support", "06": "cooperate", "07": "aid",
    "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
    "14": "protest", "15": "mobilize", "16": "sanction", "17": "coerce", "18": "assault",
    "19": "assault", "20": "assault",
}  # fmt: skip

_HEADER = """# Derived from the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, openeventdata/petrarch2 commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf), MIT licence, Copyright (c) 2014/2015 Open Event Data
# Alliance; see CREDITS.md in this folder. CAMEO codes mapped to PLOVER categories (lower case) with
# the two-digit table in CREDITS.md. Regenerate with `python -m evaluation.eval_events --derive`.
"""


#: words that are no object by themselves: a pattern reduced to them is dropped (adverb
#: particles stay: "step down", "call off" are phrasal verbs; the step matches them adjacent only)
_FUNCTION_WORDS = frozenset(
    {
        "to", "for", "with", "on", "in", "at", "of", "from", "into", "by", "as", "about", "a",
        "an", "the", "it", "its", "their", "his", "her", "them", "him", "this", "that",
    }
)  # fmt: skip


def cameo_to_plover(code: str) -> str:
    """The PLOVER category of a CAMEO code ("" for 01/02 statements and appeals, or no code)."""
    code = code.strip()
    if len(code) < 2 or not code[:2].isdigit():
        return ""
    if code[:2] == "08":
        return "concede" if code[:3] in ("080", "081", "082", "083") else "retreat"
    return _PLOVER_BY_CAMEO.get(code[:2], "")


def derive_petrarch2(dictionary: Path, out: Path) -> None:
    """Write ``petrarch2_{verbs,patterns,synsets}.tsv`` in ``out`` from ``CAMEO.2.0.txt``."""
    lines = dictionary.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    blocks: list[dict[str, Any]] = []
    in_verbs = False
    for line in lines:
        if line.startswith("####### VERB"):
            in_verbs = True
            continue
        body = line.split("#")[0].strip()
        if not body:
            continue
        if not in_verbs:
            if body.startswith("&"):
                current = body
                synsets[current] = []
            elif body.startswith("+") and current:
                synsets[current].append(body[1:].rstrip("_").replace("_", " ").lower())
            continue
        header = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]\s+---", body)
        if header:
            blocks.append(
                {"name": header[1].lower(), "code": header[2], "verbs": [], "patterns": []}
            )
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if body.startswith("-"):
            pattern = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]\s*$", body)
            if pattern:
                block["patterns"].append((pattern[1], pattern[2]))
            continue
        verb = re.match(r"(\+?)([A-Z0-9_'\-]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", body)
        if verb:
            forms = verb[3][1:-1].split() if verb[3] else []
            code = verb[4][1:-1].strip() if verb[4] else None
            block["verbs"].append(
                (
                    verb[2].replace("_", " ").lower(),
                    [f.lstrip("+").replace("_", " ").lower() for f in forms],
                    code,
                )
            )
    verb_rows: list[Sequence[str]] = []
    pattern_rows: dict[tuple[str, str], Sequence[str]] = {}
    for block in blocks:
        for lemma, forms, code in block["verbs"]:
            primary = (code or block["code"]).split(":")[0]
            primary = "" if primary == "---" else primary
            verb_rows.append(
                (block["name"], lemma, " ".join(forms), primary, cameo_to_plover(primary))
            )
        for text, code in block["patterns"]:
            primary = code.split(":")[0].strip()
            event_type = cameo_to_plover(primary)
            if not event_type or "*" not in text:
                continue
            left, right = text.split("*", 1)
            if left.strip():
                continue  # patterns on the source side need a parse
            words = [w.strip("$+^%") for w in re.sub(r"[{}()]", " ", right).split()]
            words = [w for w in words if w and not w.startswith("=")]
            if not words or len(words) > 4:
                continue
            if all(w.lower() in _FUNCTION_WORDS for w in words):
                continue  # reduced to a preposition ("* TO", "* FOR"): no object left to check
            if any(w.startswith("&") and w not in synsets for w in words):
                continue
            obj = " ".join(
                w.lower() if w.startswith("&") else w.replace("_", " ").lower() for w in words
            )
            pattern_rows.setdefault((block["name"], obj), (block["name"], obj, primary, event_type))

    def write(name: str, columns: str, rows: Iterable[Sequence[str]]) -> None:
        body = "".join("\t".join(row) + "\n" for row in rows)
        (out / f"petrarch2_{name}.tsv").write_text(
            _HEADER + f"# {columns}\n" + body, encoding="utf-8"
        )

    write("verbs", "block\tlemma\tirregular_forms\tcameo\ttype", verb_rows)
    write("patterns", "block\tobject\tcameo\ttype", pattern_rows.values())
    write(
        "synsets",
        "set\tmember",
        (
            (name.lower(), member)
            for name, members in synsets.items()
            if not name.endswith("_") and not name.startswith("&AUX")
            for member in members
        ),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--derive", action="store_true", help="regenerate petrarch2_*.tsv")
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = parser.parse_args(argv)
    data = Path(args.data)
    if args.derive:
        derive_petrarch2(data / PETRARCH, VOCAB)
        print(f"wrote {VOCAB}/petrarch2_*.tsv", file=sys.stderr)
        return 0
    print(evaluate(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
