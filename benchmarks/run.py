"""Run every benchmark and print its figures (``nox -s bench``).

Each module ``benchmarks/bench_<name>.py`` defines ``run(data: Path | None) -> list[str]``: lines
of Markdown (a table, a ratio) to print. ``data`` is ``../shared/data`` when present, else ``None``
(benchmarks then use the articles in ``examples/`` and text they generate). Figures are for one
core: run with nothing else busy.

    python -m benchmarks.run [--only core,dates] [--output docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("core", "dates", "sources", "quotes", "weapons", "events")


def data_dir() -> Path | None:
    path = Path(os.environ.get("REPORTEDLY_DATA", ROOT.parent / "shared" / "data"))
    return path if path.is_dir() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(MODULES))
    parser.add_argument("--output", default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)
    lines = [
        "# Benchmarks\n\n"
        "Written by `nox -s bench` (`python -m benchmarks.run`); do not edit by hand. Wall-clock "
        "figures on one core of the machine that ran it; run it with nothing else busy.\n\n"
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores.\n"
    ]
    for name in args.only.split(","):
        module = importlib.import_module(f"benchmarks.bench_{name}")
        print(f"[bench] {name} ...", file=sys.stderr)
        lines.append(f"## {name}\n")
        lines.extend(module.run(data_dir()))
        lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
