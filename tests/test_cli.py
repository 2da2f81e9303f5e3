"""The command line: good and bad inputs, exit codes, no tracebacks for user errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportedly import __version__
from reportedly.cli import main

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The ministry said on Tuesday that two missiles were fired.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_a_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, err = run(
        capsys, "extract", str(path), "--published", "2025-12-23", "--only", "dates"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "reportedly/1"
    assert data["article"]["id"] == "story" and data["article"]["published"] == "2025-12-23"
    assert data["article"]["text"] == TEXT
    assert set(data) >= {"quotes", "dates", "sources", "weapons", "events", "extensions", "errors"}


def test_jsonl_records_with_a_malformed_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "records.jsonl"
    lines = [
        json.dumps({"id": "a", "text": TEXT, "published": "2025-12-23"}),
        "{not json",
        "",
        json.dumps({"id": "c", "text": TEXT, "published": "someday"}),
        json.dumps({"id": "d", "body": TEXT}),
        json.dumps({"id": "e", "text": TEXT}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    code, _, err = run(
        capsys, "extract", str(path), "--only", "dates", "--output", str(out_path), "--no-text"
    )
    assert code == 1
    assert f"{path}:2: malformed JSON" in err
    assert f"{path}:4: article 'c': published 'someday'" in err
    assert f"{path}:5: article 'd': record has no 'text' field" in err
    assert "Traceback" not in err
    written = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert [w["article"]["id"] for w in written] == ["a", "e"]
    assert all("text" not in w["article"] for w in written)


def test_json_list_and_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    records = json.dumps([{"id": "x", "text": TEXT}, {"id": "y", "text": TEXT}]).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(records)))
    code, out, err = run(capsys, "extract", "-", "--only", "dates", "--format", "jsonl")
    assert code == 0, err
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["x", "y"]


def test_non_utf8_input_is_decoded_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 officials said on Monday.".encode("latin-1"))
    with pytest.warns(UserWarning, match="not valid UTF-8"):
        code, out, _ = run(capsys, "extract", str(path), "--only", "dates")
    assert code == 0
    assert json.loads(out)["article"]["text"].startswith("Caf\ufffd")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt"], "missing.txt: no such file"),
        (
            ["extract", "{file}", "--published", "last week"],
            "published 'last week' is not an ISO 8601 date",
        ),
        (
            ["extract", "{file}", "--only", "dates,nonsense"],
            "unknown step 'nonsense'; known steps:",
        ),
        (
            ["extract", "{file}", "--config", "missing.toml"],
            "config file 'missing.toml' does not exist",
        ),
        (["extract", "{file}", "--jobs", "0"], "--jobs must be at least 1"),
        (["extract", "{file}", "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    args = [a.replace("{file}", str(path)) for a in args]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_plugins_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    assert "Steps:" in out and "dates" in out and "built-in" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"reportedly {__version__}"


def test_python_dash_m(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reportedly",
            "extract",
            str(path),
            "--only",
            "dates",
            "--jobs",
            "2",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["id"] == "a"


def test_a_reader_that_goes_away_ends_quietly(tmp_path: Path) -> None:
    article = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
    records = tmp_path / "many.jsonl"
    records.write_text(
        "\n".join(json.dumps({"id": str(i), "text": article}) for i in range(40)), encoding="utf-8"
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reportedly",
            "extract",
            str(records),
            "--only",
            "dates",
            "--format",
            "jsonl",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)  # like `| head -c 100`: far less than the ~200 kB written
    process.stdout.close()
    code = process.wait(timeout=120)
    assert process.stderr.read() == b""
    assert code == 0


def test_plugins_listing_counts_vocabulary_entries_and_survives_a_failing_hook() -> None:
    from types import SimpleNamespace

    from reportedly.cli import _provided

    def broken() -> list[dict[str, str]]:
        raise RuntimeError("no data file")

    plugin = SimpleNamespace(
        reportedly_speech_verbs=lambda: [{"lemma": "opine"}, {"lemma": "aver"}],
        reportedly_event_triggers=broken,
    )
    assert _provided(plugin, "reportedly_speech_verbs") == "speech_verbs (2 entries)"
    assert _provided(plugin, "reportedly_event_triggers") == "event_triggers (fails: RuntimeError)"
    assert _provided(plugin, "reportedly_extractors") == "extractors"
