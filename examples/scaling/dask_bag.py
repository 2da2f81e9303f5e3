"""Run reportedly over a JSONL corpus with Dask, on a local cluster or a real one.

    python examples/scaling/dask_bag.py records.jsonl out/ --workers 2

Each Dask partition builds the pipeline once (a Pipeline pickles as its configuration and
rebuilds itself in the worker), then maps it over the partition's records. Output is one
JSONL file per partition, in input order.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from typing import Any

import dask.bag as db

import reportedly


def analyse_partition(
    records: Iterable[dict[str, Any]], pipeline: reportedly.Pipeline
) -> Iterator[str]:
    """Turn one partition of records into JSON lines (failures are kept in ``errors``)."""
    for output in pipeline.process_records(records, include_text=False):
        yield json.dumps(output, ensure_ascii=False)


def run(
    source: str,
    target: str,
    *,
    workers: int = 2,
    steps: list[str] | None = None,
    scheduler: str = "processes",
) -> list[str]:
    """Read ``source`` (JSONL, globs allowed), write ``target``/*.jsonl, return the file names."""
    pipeline = reportedly.Pipeline(steps)
    records = db.read_text(source, blocksize="4MiB").map(json.loads)
    lines = records.map_partitions(analyse_partition, pipeline)
    return lines.to_textfiles(f"{target}/*.jsonl", scheduler=scheduler, num_workers=workers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", default=None, help="comma-separated steps")
    args = parser.parse_args()
    steps = args.only.split(",") if args.only else None
    for name in run(args.source, args.target, workers=args.workers, steps=steps):
        print(name)


if __name__ == "__main__":
    main()
