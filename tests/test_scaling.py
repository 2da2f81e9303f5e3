"""The Dask recipe in ``examples/scaling`` runs on a local process cluster and loses nothing."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")

ROOT = Path(__file__).resolve().parent.parent


def load_recipe():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "dask_bag", ROOT / "examples" / "scaling" / "dask_bag.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_recipe_on_a_local_process_cluster(tmp_path: Path) -> None:
    recipe = load_recipe()
    source = tmp_path / "records.jsonl"
    records = [
        {
            "id": f"a{i}",
            "published": "2026-03-12",
            "text": f"Officials said on Tuesday that {i} missiles were fired.",
        }
        for i in range(12)
    ]
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    files = recipe.run(str(source), str(tmp_path / "out"), workers=2, steps=["dates", "weapons"])
    lines = [
        line
        for name in sorted(files)
        for line in Path(name).read_text(encoding="utf-8").splitlines()
    ]
    outputs = [json.loads(line) for line in lines]
    assert [o["article"]["id"] for o in outputs] == [r["id"] for r in records]
    assert all(o["dates"][0]["value"] == "2026-03-10" for o in outputs)
    assert all(o["errors"] == [] for o in outputs)
