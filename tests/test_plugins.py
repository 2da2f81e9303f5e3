"""Third-party plugins: discovery through entry points, failures kept apart, config, workers.

The plugin under test is the example package in ``examples/plugin`` (``reportedly-shouting``),
written only against the documented plugin contract; ``examples/broken_plugin`` fails at import.
Instead of pip-installing them (too slow for every CI run), each test "installs" them in process:
a ``*.dist-info`` folder with the ``entry_points.txt`` their ``pyproject.toml`` declares, plus
their ``src`` folder, on ``sys.path``; that is exactly what ``importlib.metadata`` reads after a
real install.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import re
import subprocess
import sys
import tomllib
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import reportedly
from reportedly import Analysis, Article, ConfigError, Mention, Pipeline, hookimpl
from reportedly.plugins import PluginWarning, load_registry

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PACKAGES = {"shouting": EXAMPLES / "plugin", "broken": EXAMPLES / "broken_plugin"}

SHOUTED = "The ministry said NATO jets flew over SEOUL at DAWN, then OK."


def _write_dist_info(site: Path, package: Path) -> None:
    """Write the ``*.dist-info`` an installer would write for ``package``'s pyproject.toml."""
    project = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name, version = project["name"], project["version"]
    dist_info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = []
    for group, entries in project["entry-points"].items():
        lines.append(f"[{group}]")
        lines.extend(f"{key} = {value}" for key, value in entries.items())
    (dist_info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


Install = Callable[..., Path]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """``install("shouting", "broken")`` makes the example packages discoverable, in process.

    The folders also go on ``PYTHONPATH`` so that subprocesses see the same installation.
    """
    monkeypatch.delenv("REPORTEDLY_DISABLE_PLUGINS", raising=False)
    added: list[str] = []

    def install_(*names: str) -> Path:
        site = tmp_path / "site-packages"
        for name in names:
            _write_dist_info(site, PACKAGES[name])
            monkeypatch.syspath_prepend(str(PACKAGES[name] / "src"))
            added.append(str(PACKAGES[name] / "src"))
        monkeypatch.syspath_prepend(str(site))
        added.append(str(site))
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join([*added, *sys.path]))
        return site

    yield install_
    # A later test must not find the example plugin already imported.
    sys.modules.pop("reportedly_shouting", None)


@pytest.fixture
def shouting_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The example plugin's hook module, importable but not installed as an entry point."""
    monkeypatch.syspath_prepend(str(PACKAGES["shouting"] / "src"))
    yield importlib.import_module("reportedly_shouting")
    sys.modules.pop("reportedly_shouting", None)


def shouted(analysis: Analysis, step: str = "shouting") -> list[str]:
    """The texts a step put in the extensions, checking the offset rule on the way."""
    words = []
    for item in analysis.extensions[step]:
        assert analysis.text[item.start : item.end] == item.text
        words.append(item.text)
    return words


# --------------------------------------------------------------------------- discovery


def test_entry_point_plugin_is_discovered_and_broken_one_skipped(install: Install) -> None:
    install("shouting", "broken")
    with pytest.warns(PluginWarning) as record:
        nlp = Pipeline(["shouting"])
    messages = [str(w.message) for w in record if issubclass(w.category, PluginWarning)]
    assert len(messages) == 1
    assert "'broken'" in messages[0]
    assert "fails at import on purpose" in messages[0]
    assert nlp.step_names == ("shouting",)
    assert [failure.name for failure in nlp.failed_plugins] == ["broken"]
    assert shouted(nlp(SHOUTED)) == ["NATO", "SEOUL", "DAWN"]


def test_registry_names_the_plugin_each_step_comes_from(install: Install) -> None:
    install("shouting")
    registry = load_registry()
    assert registry.failures == []
    info = registry.extractors["shouting"]
    assert info.plugin == "shouting"
    assert info.cls.__module__ == "reportedly_shouting"
    assert info.requires == ()


def test_plugins_are_not_imported_by_import_reportedly(install: Install) -> None:
    install("shouting", "broken")
    script = (
        "import sys, reportedly\nassert 'reportedly_shouting' not in sys.modules\nprint('lazy')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "lazy"


def test_vocabulary_hook_reaches_the_pipeline(install: Install) -> None:
    install("shouting")
    registry = load_registry()
    terms = [t for t in registry.vocabulary().weapon_terms if t["term"] == "zorbulator"]
    assert terms == [
        {
            "term": "zorbulator",
            "class": "weapon",
            "category": ["weapon", "artillery"],
            "aliases": ["zorb gun"],
            "designations": ["ZB-9"],
        }
    ]


def test_plugin_weapon_term_is_found_by_the_weapons_step(install: Install) -> None:
    install("shouting")
    if "weapons" not in load_registry().extractors:
        pytest.skip("the built-in weapons step is not registered yet")
    nlp = Pipeline(["weapons"])
    analysis = nlp("The army showed off two ZB-9 zorbulators at the parade on Monday.")
    found = [w for w in analysis.weapons if w.term == "zorbulator"]
    assert found, analysis.weapons
    assert found[0].designation == "ZB-9"
    assert found[0].weapon_class == "weapon"
    assert analysis.text[found[0].start : found[0].end] == found[0].text


def test_plugins_command_lists_where_steps_come_from(
    install: Install, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportedly.cli import main

    install("shouting", "broken")
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\s+shouting\s+from reportedly-shouting 0\.1\.0", out, re.MULTILINE), out
    assert re.search(
        r"^\s+shouting: .*provides extractors, weapon_terms \(1 entry\)$", out, re.MULTILINE
    ), out
    failed = out.split("Failed to load:", 1)[1]
    assert "broken (reportedly_broken): RuntimeError" in failed


# --------------------------------------------------------------------------- switching off


@pytest.mark.parametrize("value", ["1", "true", "YES", "on"])
def test_disable_switch_loads_builtins_only(
    install: Install, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    install("shouting", "broken")
    monkeypatch.setenv("REPORTEDLY_DISABLE_PLUGINS", value)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the broken plugin must not even be imported
        with pytest.raises(ConfigError, match="unknown step 'shouting'"):
            Pipeline(["shouting"])
        assert "shouting" not in load_registry().extractors


def test_disable_switch_off_values_still_load(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    install("shouting")
    monkeypatch.setenv("REPORTEDLY_DISABLE_PLUGINS", "0")
    assert Pipeline(["shouting"]).step_names == ("shouting",)


def test_plugins_false_loads_builtins_only(install: Install) -> None:
    install("shouting", "broken")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ConfigError, match="known steps"):
            Pipeline(["shouting"], plugins=False)


def test_plugin_given_as_module_needs_no_installation(shouting_module: ModuleType) -> None:
    nlp = Pipeline(["shouting"], plugins=[shouting_module])
    assert shouted(nlp(SHOUTED)) == ["NATO", "SEOUL", "DAWN"]


# --------------------------------------------------------------------------- plugins that break


class _RaisingRegistration:
    @staticmethod
    @hookimpl
    def reportedly_extractors(register: Callable[[type], None]) -> None:
        raise RuntimeError("cannot register today")


class _NotAClass:
    @staticmethod
    @hookimpl
    def reportedly_extractors(register: Callable[[Any], None]) -> None:
        register(lambda analysis: analysis)


def test_plugin_failing_to_register_is_skipped_by_name(shouting_module: ModuleType) -> None:
    with pytest.warns(PluginWarning) as record:
        nlp = Pipeline(
            ["shouting"], plugins=[_RaisingRegistration(), _NotAClass(), shouting_module]
        )
    messages = " ".join(str(w.message) for w in record)
    assert "'_RaisingRegistration'" in messages
    assert "cannot register today" in messages
    assert "'_NotAClass'" in messages
    assert "not an extractor" in messages or "extractor class" in messages
    assert [f.name for f in nlp.failed_plugins] == ["_RaisingRegistration", "_NotAClass"]
    assert shouted(nlp(SHOUTED)) == ["NATO", "SEOUL", "DAWN"]


class _Impostor:
    """A second plugin that claims the step name ``shouting``."""

    name = "shouting"
    requires = ()

    def __call__(self, analysis: Analysis) -> Analysis:
        return analysis


class _ImpostorPlugin:
    @staticmethod
    @hookimpl
    def reportedly_extractors(register: Callable[[type], None]) -> None:
        register(_Impostor)


def test_second_plugin_claiming_a_step_name_is_skipped(shouting_module: ModuleType) -> None:
    with pytest.warns(PluginWarning, match="already registered by 'reportedly_shouting'"):
        nlp = Pipeline(["shouting"], plugins=[shouting_module, _ImpostorPlugin()])
    assert shouted(nlp(SHOUTED)) == ["NATO", "SEOUL", "DAWN"]


# --------------------------------------------------------------------------- configuration


def _write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pipeline.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_plugin_configured_from_toml(install: Install, tmp_path: Path) -> None:
    install("shouting")
    path = _write_config(
        tmp_path, '[pipeline]\nsteps = ["shouting"]\n\n[steps.shouting]\nmin_length = 5\n'
    )
    nlp = Pipeline.from_config(path)
    assert nlp.config == {"shouting": {"min_length": 5}}
    assert shouted(nlp(SHOUTED)) == ["SEOUL"]


def test_toml_can_turn_plugins_off(install: Install, tmp_path: Path) -> None:
    install("shouting")
    path = _write_config(tmp_path, '[pipeline]\nsteps = ["shouting"]\nplugins = false\n')
    with pytest.raises(ConfigError, match="unknown step 'shouting'"):
        Pipeline.from_config(path)


def test_misspelt_setting_is_a_config_error(install: Install, tmp_path: Path) -> None:
    install("shouting")
    path = _write_config(
        tmp_path, '[pipeline]\nsteps = ["shouting"]\n\n[steps.shouting]\nmin_lenght = 5\n'
    )
    with pytest.raises(ConfigError) as caught:
        Pipeline.from_config(path)
    assert "min_lenght" in str(caught.value)
    assert "min_length" in str(caught.value)  # what it does take


@pytest.mark.parametrize("bad", [0, -3, "five", 2.5, True])
def test_bad_setting_value_is_a_config_error(shouting_module: ModuleType, bad: object) -> None:
    with pytest.raises(ConfigError, match="min_length"):
        Pipeline(["shouting"], {"shouting": {"min_length": bad}}, plugins=[shouting_module])


def test_settings_for_a_step_nobody_provides_are_refused(shouting_module: ModuleType) -> None:
    with pytest.raises(ConfigError, match="'shoutting'"):
        Pipeline(["shouting"], {"shoutting": {"min_length": 5}}, plugins=[shouting_module])


# --------------------------------------------------------------------------- workers

ARTICLES = [
    Article(f"Report number {i}: the crowd chanted {word} outside.", id=f"a{i}")
    for i, word in enumerate(["PEACE", "NOW", "FREEDOM", "quiet", "JUSTICE", "VOTE", "UNITY"])
]
EXPECTED = [["PEACE"], [], ["FREEDOM"], [], ["JUSTICE"], [], ["UNITY"]]


def test_pipeline_pickles_as_its_config(shouting_module: ModuleType) -> None:
    nlp = Pipeline(["shouting"], {"shouting": {"min_length": 5}}, plugins=[shouting_module])
    copy = pickle.loads(pickle.dumps(nlp))
    assert copy.step_names == nlp.step_names
    assert copy.config == nlp.config
    assert copy(ARTICLES[0]).to_dict() == nlp(ARTICLES[0]).to_dict()


def test_pipe_with_workers_keeps_order_with_module_plugin(shouting_module: ModuleType) -> None:
    nlp = Pipeline(["shouting"], {"shouting": {"min_length": 5}}, plugins=[shouting_module])
    results = list(nlp.pipe(ARTICLES, n_process=2, batch_size=2))
    assert [a.article.id for a in results] == [a.id for a in ARTICLES]
    assert [shouted(a) for a in results] == EXPECTED
    assert all(a.errors == () for a in results)


def test_pipe_with_workers_through_entry_points(install: Install) -> None:
    install("shouting", "broken")
    with pytest.warns(PluginWarning, match="'broken'"):
        nlp = Pipeline(["shouting"], {"shouting": {"min_length": 5}})
    # The workers rebuild the pipeline from its config and find the plugin the same way; the
    # broken plugin is skipped there too, without repeating the warning.
    results = list(nlp.pipe(ARTICLES, n_process=2, batch_size=3))
    assert [a.article.id for a in results] == [a.id for a in ARTICLES]
    assert [shouted(a) for a in results] == EXPECTED


# --------------------------------------------------------------------------- output


def test_extensions_in_json_output(shouting_module: ModuleType) -> None:
    nlp = Pipeline(["shouting"], plugins=[shouting_module])
    text = "Protesters outside the EMBASSY chanted in English."
    data = json.loads(json.dumps(nlp(Article(text, id="x")).to_dict()))
    assert data["extensions"] == {"shouting": [{"text": "EMBASSY", "start": 23, "end": 30}]}
    back = Analysis.from_dict(data)
    assert back.extensions["shouting"] == (Mention("EMBASSY", 23, 30),)
    assert back.to_dict() == data


def test_step_that_ran_appears_in_extensions_when_it_found_nothing(
    shouting_module: ModuleType,
) -> None:
    nlp = Pipeline(["shouting"], plugins=[shouting_module])
    assert nlp("Nothing loud here.").to_dict()["extensions"] == {"shouting": []}


def test_example_article(shouting_module: ModuleType, example_article: Article) -> None:
    nlp = Pipeline(["shouting"], plugins=[shouting_module])
    found = nlp(example_article).to_dict()["extensions"]["shouting"]
    # docs/plugins.md shows this output
    assert found == [
        {"text": "SEOUL", "start": 0, "end": 5},
        {"text": "HIMARS", "start": 2500, "end": 2506},
    ]


def test_process_records_with_plugin(shouting_module: ModuleType) -> None:
    nlp = Pipeline(["shouting"], plugins=[shouting_module])
    records = [{"id": "r1", "body": "ALERT: sirens in the city"}, {"id": "r2", "body": "calm"}]
    out = list(nlp.process_records(records, text_key="body", include_text=False))
    assert [r["article"]["id"] for r in out] == ["r1", "r2"]
    assert "text" not in out[0]["article"]
    assert out[0]["extensions"]["shouting"] == [{"text": "ALERT", "start": 0, "end": 5}]


# --------------------------------------------------------------------------- failures per article


class _BadOffsets:
    """A careless third-party step: its mention does not match the text at its offsets."""

    name = "careless"
    requires = ()

    def __call__(self, analysis: Analysis) -> Analysis:
        return analysis.with_extension(self.name, [Mention("boom", 0, 4)])


class _Raising:
    name = "raising"
    requires = ()

    def __call__(self, analysis: Analysis) -> Analysis:
        raise KeyError("no such thing")


class _FailingPlugin:
    @staticmethod
    @hookimpl
    def reportedly_extractors(register: Callable[[type], None]) -> None:
        register(_BadOffsets)
        register(_Raising)


def test_bad_offsets_become_an_errors_entry(shouting_module: ModuleType) -> None:
    nlp = Pipeline(["careless", "raising", "shouting"], plugins=[_FailingPlugin(), shouting_module])
    analysis = nlp(Article("Calm words, then a LOUD one.", id="x"))
    errors = analysis.to_dict()["errors"]
    assert [(e["extractor"], e["type"]) for e in errors] == [
        ("careless", "InputError"),
        ("raising", "KeyError"),
    ]
    assert "article.text[0:4]" in errors[0]["message"]
    assert "careless" not in analysis.extensions
    assert shouted(analysis) == ["LOUD"]  # the other steps still ran


def test_public_api_is_enough_for_a_plugin() -> None:
    """The names the plugin contract promises are importable from the top level."""
    for name in ("Mention", "Analysis", "hookimpl", "Pipeline", "ConfigError"):
        assert name in reportedly.__all__


def test_a_rebuilt_copy_does_not_repeat_plugin_warnings(install: Install) -> None:
    install("shouting", "broken")
    with pytest.warns(PluginWarning, match="'broken'"):
        nlp = Pipeline(["shouting"])
    with warnings.catch_warnings():
        warnings.simplefilter("error", PluginWarning)
        copy = pickle.loads(pickle.dumps(nlp))
    assert copy.step_names == ("shouting",)
    assert [f.name for f in copy.failed_plugins] == ["broken"]
