"""TOML configuration files."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly import ConfigError, Pipeline
from reportedly.config import load_config

from . import steps_for_tests


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pipeline.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_config_file_gives_steps_settings_and_plugins(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[pipeline]\nsteps = ["caps"]\nplugins = false\n\n[steps.caps]\nmin_length = 2\nterms = "terms.toml"\n',
    )
    loaded = load_config(path)
    assert loaded.steps == ("caps",)
    assert loaded.plugins is False
    # relative paths are resolved against the config file's folder
    assert loaded.config == {
        "caps": {"min_length": 2, "terms": str(tmp_path.resolve() / "terms.toml")}
    }


def test_pipeline_from_config(tmp_path: Path) -> None:
    path = write(tmp_path, '[pipeline]\nsteps = ["caps"]\n[steps.caps]\nmin_length = 2\n')
    nlp = Pipeline.from_config(path, plugins=[steps_for_tests])
    assert nlp.step_names == ("caps",)
    assert [m.text for m in nlp("EU and NATO").extensions["caps"]] == ["EU", "NATO"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[pipeline\n", "not valid TOML"),
        ("[other]\nx = 1\n", r"unknown top-level table\(s\) \['other'\]"),
        ("[pipeline]\nsteps = 'caps'\n", "steps must be a list"),
        ("[pipeline]\nworkers = 2\n", r"unknown key\(s\) \['workers'\]"),
        ("[pipeline]\nplugins = 'yes'\n", "plugins must be true or false"),
        ("[steps]\ncaps = 3\n", "settings for step 'caps' must be a table"),
    ],
)
def test_bad_files_name_the_problem(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, body))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_a_key_the_step_does_not_take(tmp_path: Path) -> None:
    path = write(tmp_path, '[pipeline]\nsteps = ["caps"]\n[steps.caps]\nmin_lenght = 2\n')
    with pytest.raises(ConfigError, match="does not take min_lenght"):
        Pipeline.from_config(path, plugins=[steps_for_tests])
