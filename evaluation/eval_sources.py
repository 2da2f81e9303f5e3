"""Evaluate the ``sources`` step on PolNeAR ``dev`` (``train`` was used for tuning).

PolNeAR annotates the Source span of every attribution ("The New York Post", "a source", "he").
The figures:

- **recall**: gold Source spans overlapped by at least one mention of one of our sources;
- **precision (approximate)**: our mentions that overlap a gold Source span. PolNeAR marks only
  the sources of attributions, so a correct mention of a person who is not quoted counts as a
  false positive here: read it as a lower bound. It is given for both scopes (``entities``, the
  default, and ``attributed``);
- **pronouns**: gold Source spans that are pronouns (he, she, they, it, who...), how many we
  cover with a mention, and how many of those belong to a source with a proper name (the
  resolution the ``quotes`` step relies on), plus a sample of resolutions checked by hand.
"""

from __future__ import annotations

import bisect
import random
from pathlib import Path

import reportedly
from evaluation import polnear
from evaluation.run import Skip
from reportedly.extractors.sources import Sources

PRONOUNS = frozenset(
    {"he", "she", "they", "it", "who", "i", "we", "you", "his", "her", "him", "them", "their",
     "its", "which", "that", "our", "my", "me", "us"}
)  # fmt: skip

#: Pronoun resolutions read by hand in the article text: (document, pronoun offset, the source we
#: linked it to) -> whether that source is the one the pronoun refers to. A verdict holds only for
#: that link; a sampled resolution not in here is shown as "unchecked".
CHECKED: dict[tuple[str, int, str], bool] = {
    ("breitbart_2016-09-30_the-latest-trump-urges-supporter", 1954, "Donald Trump"): True,
    ("breitbart_2016-09-30_the-latest-trump-urges-supporter", 11108, "Hillary Clinton"): True,
    # "she" is the woman the quoted Post passage is about, not its reporter
    ("breitbart_2016-10-02_washington-post-hit-piece-exploi", 1353, "Stephanie McCrummen"): False,
    ("huff-post_2016-09-10_trump-s-east-european-achilles-h", 2218, "Donald Trump"): True,
    ("huff-post_2016-09-16_black-lawmakers-rip-donald-trump", 2716, "Donald Trump"): True,
    ("nyt_2016-09-08_obama-on-climate-change-the-tren", 1677, "Obama"): True,
    ("nyt_2016-09-25_obama-says-african-american-muse", 1099, "Obama"): True,
    ("nyt_2016-09-25_obama-says-african-american-muse", 1404, "Obama"): True,
    ("nyt_2016-09-25_obama-says-african-american-muse", 2875, "Obama"): True,
    ("politico_2016-09-23_partisan-fireworks-over-clinton-", 2276, "Republicans"): True,
    ("politico_2016-10-04_trump-not-walking-the-walk-on-hi", 3569, "Hillary Clinton"): True,
    ("politico_2016-10-04_trump-not-walking-the-walk-on-hi", 4466, "Donald Trump"): True,
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 3095, "John F. Kerry"): True,
    ("wash-post_2016-09-14_a-lesson-from-loretta-lynch-be-t", 1935, "Loretta E. Lynch"): True,
    ("wash-post_2016-09-25_phone-video-is-first-public-look", 1527, "Rakeyia Scott"): True,
    ("wash-post_2016-09-26_ah-friends-once-more-ted-cruz-en", 776, "Ted Cruz"): True,
    ("west-journal_2016-09-12_obama-seeks-more-muslim-refugees", 946, "Barack Obama"): True,
    # "who" is both voters, Tyresha McClenney and Bryan Anderson: only half right
    ("west-journal_2016-09-28_clinton-campaign-reportedly-scra", 2851, "Bryan Anderson"): False,
    ("west-journal_2016-10-05_pence-gives-gop-a-boost-with-sol", 886, "Chris Matthews"): True,
    ("west-journal_2016-10-05_pence-gives-gop-a-boost-with-sol", 905, "Chris Matthews"): True,
    ("nyt_2016-09-25_obama-says-african-american-muse", 1882, "Obama"): True,
    ("nyt_2016-09-25_obama-says-african-american-muse", 3775, "Stevie Wonder"): True,
    ("politico_2016-09-22_house-panel-votes-to-hold-clinto", 3845, "Stephen Lynch"): True,
    ("politico_2016-10-04_trump-not-walking-the-walk-on-hi", 694, "Donald Trump"): True,
    ("politico_2016-10-04_trump-not-walking-the-walk-on-hi", 3930, "Donald Trump"): True,
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 2283, "Obama"): True,
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 2910, "John F. Kerry"): True,
    ("wash-post_2016-09-25_federal-court-rules-against-ohio", 1568, "Jon Husted"): True,
    ("wash-post_2016-09-25_phone-video-is-first-public-look", 1892, "Rakeyia Scott"): True,
    ("wash-post_2016-09-29_the-real-trump-showed-up-at-deba", 4352, "Donald Trump"): True,
    ("west-journal_2016-09-23_clinton-breaks-with-obama-on-law", 3089, "Paul Ryan"): True,
    ("west-journal_2016-09-29_gold-star-mom-corners-obama-on-h", 2420, "Donald Trump"): True,
    ("politico_2016-09-22_house-panel-votes-to-hold-clinto", 3460, "Democrats"): True,
    ("politico_2016-10-04_trump-not-walking-the-walk-on-hi", 239, "Donald Trump"): True,
    ("politico_2016-10-04_trump-not-walking-the-walk-on-hi", 3733, "Hillary Clinton"): True,
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 1991, "Obama"): True,
    ("wash-post_2016-09-10_outrage-but-few-options-on-the-t", 2682, "Ban Ki-moon"): True,
    ("wash-post_2016-09-25_federal-court-rules-against-ohio", 759, "voters"): True,
    ("wash-post_2016-09-25_phone-video-is-first-public-look", 1669, "Rakeyia Scott"): True,
    ("wash-post_2016-09-29_the-real-trump-showed-up-at-deba", 4277, "Donald Trump"): True,
    ("west-journal_2016-09-23_clinton-breaks-with-obama-on-law", 2956, "Paul Ryan"): True,
    # the quotation before "he said" opens with a closing mark; read as an opening one since
    # this stop (before, "Islam" in it was taken for a person and for "he")
    ("west-journal_2016-09-29_gold-star-mom-corners-obama-on-h", 1050, "Barack Obama"): True,
    # "he wrote" is NBC's Dante Chinni, quoted just before
    ("west-journal_2016-09-30_new-poll-shows-minor-post-debate", 2293, "Sean Spicer"): False,
    ("west-journal_2016-09-30_new-poll-shows-minor-post-debate", 2293, "Dante Chinni"): True,
}


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (start, -1))
    return any(s < end and start < e for s, e in spans[max(0, i - 3) : i + 3])


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + 30].replace("\n", " ")
    return f"…{left}**{text[start:end]}**{right}…"


def evaluate(data: Path) -> str:
    """Score the ``sources`` step on PolNeAR dev; returns a Markdown section."""
    root = data / "quotes" / "polnear" / "data" / "dev"
    if not root.is_dir():
        raise Skip(f"PolNeAR is not at {root}")
    documents = polnear.load(data, "dev")
    if not documents:
        raise Skip("PolNeAR dev has no annotated documents")
    results = {}
    for scope in ("entities", "attributed"):
        # the step itself, as Pipeline(["sources"]) runs it, without loading the other steps
        step = Sources(scope=scope)
        results[scope] = [
            step(reportedly.Analysis(reportedly.Article(d.text, id=d.name))) for d in documents
        ]

    gold_total = gold_found = 0
    pron_total = pron_found = pron_named = 0
    by_kind: dict[str, list[int]] = {"pronoun": [0, 0], "name or noun": [0, 0]}
    missed: list[str] = []
    sample_pool: list[tuple[str, int, int, str, str, str]] = []
    errors = sum(len(a.errors) for a in results["entities"])
    for doc, analysis in zip(documents, results["entities"], strict=True):
        spans: list[tuple[int, int, str, str]] = []
        for source in analysis.sources:
            for m in source.mentions:
                spans.append((m.start, m.end, source.name, source.kind))
        spans.sort()
        plain = [(s, e) for s, e, _, _ in spans]
        for attribution in doc.attributions:
            if not attribution.source:
                continue
            gold_total += 1
            start = min(s for s, _ in attribution.source)
            end = max(e for _, e in attribution.source)
            gold_text = " ".join(doc.text[s:e] for s, e in attribution.source)
            is_pronoun = gold_text.lower() in PRONOUNS
            hit = [x for x in spans if x[0] < end and start < x[1]]
            kind = "pronoun" if is_pronoun else "name or noun"
            by_kind[kind][0] += 1
            if hit:
                gold_found += 1
                by_kind[kind][1] += 1
            elif len(missed) < 25 and not is_pronoun:
                missed.append(f"{doc.name}: {_context(doc.text, start, end, 50)}")
            if is_pronoun:
                pron_total += 1
                if hit:
                    pron_found += 1
                    name, skind = hit[0][2], hit[0][3]
                    if name.lower() not in PRONOUNS and skind != "anonymous":
                        pron_named += 1
                        sample_pool.append((doc.name, start, end, gold_text, name, skind))
        del plain

    def precision(scope: str) -> tuple[int, int]:
        tp = total = 0
        for doc, analysis in zip(documents, results[scope], strict=True):
            gold = sorted(
                (min(s for s, _ in a.source), max(e for _, e in a.source))
                for a in doc.attributions
                if a.source
            )
            for source in analysis.sources:
                for m in source.mentions:
                    total += 1
                    tp += _overlaps(gold, m.start, m.end)
        return tp, total

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    recall = gold_found / gold_total if gold_total else 0.0
    lines = [
        f"PolNeAR `dev` ({len(documents)} articles; `train` was used for tuning). "
        f"{errors} articles with errors.",
        "",
        "Gold Source spans overlapped by at least one mention of one of our sources:",
        "",
        "| gold sources | found (tp) | missed (fn) | recall |",
        "|---|---|---|---|",
        f"| all | {gold_found} | {gold_total - gold_found} | {recall:.3f} |",
    ]
    for kind, (total, found) in by_kind.items():
        lines.append(
            f"| {kind} | {found} | {total - found} | {found / total if total else 0:.3f} |"
        )
    lines += [
        "",
        "Our mentions that overlap a gold Source span (approximate precision: PolNeAR marks only "
        "the sources of attributions, so a correct mention of someone who is not quoted counts "
        "against us; F1 with the recall above):",
        "",
        "| scope | mentions | overlap gold (tp) | do not (fp) | precision | F1 |",
        "|---|---|---|---|---|---|",
    ]
    for scope in ("entities", "attributed"):
        tp, total = precision(scope)
        p = tp / total if total else 0.0
        lines.append(
            f"| `{scope}` | {total} | {tp} | {total - tp} | {p:.3f} | {f1(p, recall):.3f} |"
        )
    lines += [
        "",
        f"Pronoun sources: {pron_total} gold Source spans are pronouns; {pron_found} "
        f"({pron_found / pron_total if pron_total else 0:.3f}) are covered by one of our mentions "
        f"and {pron_named} ({pron_named / pron_total if pron_total else 0:.3f}) of them belong to "
        "a source with a proper name or a named group (the rest to unnamed sources).",
        "",
    ]
    rng = random.Random(5)
    sample_pool = sorted(set(sample_pool))  # two attributions may share one source span
    sample = sorted(rng.sample(sample_pool, min(20, len(sample_pool))))
    texts = {d.name: d.text for d in documents}
    checked = [CHECKED.get((name, start, source)) for name, start, _e, _g, source, _k in sample]
    known = [c for c in checked if c is not None]
    lines.append(
        f"A random sample of {len(sample)} resolved pronouns (seed 5), read by hand: "
        f"{sum(known)} of {len(known)} checked are linked to the right source."
        if known
        else f"A random sample of {len(sample)} resolved pronouns (seed 5):"
    )
    lines.append("")
    lines.append("| document | pronoun in context | linked to | right? |")
    lines.append("|---|---|---|---|")
    for (name, start, end, _gold, linked, kind), ok in zip(sample, checked, strict=True):
        verdict = "unchecked" if ok is None else ("yes" if ok else "no")
        context = _context(texts[name], start, end).replace("|", "/")
        lines.append(f"| {name[:40]} @{start} | {context} | {linked} ({kind}) | {verdict} |")
    lines += ["", "First missed gold sources (names and nouns):", ""]
    lines += [f"- {m}" for m in missed]
    return "\n".join(lines) + "\n"
