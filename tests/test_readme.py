"""The README's output excerpt is real output: every whole item it shows is what the CLI writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reportedly.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_readme_excerpt_is_real_output(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code = main(
        [
            "extract",
            str(ROOT / "examples" / "article.txt"),
            "--published",
            "2026-03-12",
            "--no-text",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = readme[readme.index("```json", readme.index("## What comes out")) :]
    excerpt = excerpt[: excerpt.index("```", 7)]
    items = {
        item["id"]: item for key in ("quotes", "dates", "weapons", "events") for item in data[key]
    }
    shown = re.findall(r'\{"id": "([qtwe]\d+)"', excerpt)
    assert len(shown) >= 6
    for item_id in shown:
        assert json.dumps(items[item_id], ensure_ascii=False) in excerpt, item_id
    assert json.dumps(data["article"], ensure_ascii=False) in excerpt
