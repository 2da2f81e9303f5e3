"""Run every evaluation and write ``docs/evaluation.md``.

Each module ``evaluation/eval_<step>.py`` defines ``evaluate(data: Path) -> str`` returning a
Markdown section (precision, recall, F1 and raw counts), or raising :class:`Skip` when the data it
needs is absent. ``data`` is ``../shared/data`` (or ``$REPORTEDLY_DATA``).

    python -m evaluation.run [--only dates,quotes] [--output docs/evaluation.md]
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("dates", "sources", "quotes", "weapons", "events")


class Skip(Exception):
    """The data this evaluation needs is not here."""


def data_dir() -> Path:
    return Path(os.environ.get("REPORTEDLY_DATA", ROOT.parent / "shared" / "data"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(MODULES))
    parser.add_argument("--output", default=str(ROOT / "docs" / "evaluation.md"))
    args = parser.parse_args(argv)
    data = data_dir()
    sections = []
    for name in args.only.split(","):
        module = importlib.import_module(f"evaluation.eval_{name}")
        started = time.perf_counter()
        try:
            body = module.evaluate(data)
        except Skip as skip:
            body = f"Skipped: {skip}\n"
        elapsed = time.perf_counter() - started
        print(f"[eval] {name}: {elapsed:.1f}s", file=sys.stderr)
        sections.append(f"## {name}\n\n{body.rstrip()}\n")
    header = (
        "# Evaluation\n\n"
        "Written by `nox -s eval` (`python -m evaluation.run`); do not edit by hand. "
        "Every figure below was measured by that run, with raw counts.\n\n"
        f"Python {platform.python_version()} on {platform.machine()}; data from `{data}`.\n"
    )
    Path(args.output).write_text(header + "\n" + "\n".join(sections), encoding="utf-8")
    print(f"[eval] wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
