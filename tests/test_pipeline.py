"""Pipeline: composition by name, ordering by requires, config checks, error isolation, pipe."""

from __future__ import annotations

import pickle
import types
from typing import Any

import attrs
import pytest

import reportedly
from reportedly import Analysis, Article, ConfigError, Mention, Pipeline, hookimpl
from reportedly.pipeline import _order
from reportedly.plugins import ExtractorInfo


class Caps:
    name = "caps"
    requires = ()

    def __init__(self, min_length: int = 3) -> None:
        if min_length < 1:
            raise ValueError("min_length must be positive")
        self.min_length = min_length

    def __call__(self, analysis: Analysis) -> Analysis:
        text = analysis.text
        items = []
        for word in text.split():
            if word.isupper() and len(word) >= self.min_length:
                start = text.index(word)
                items.append(Mention(word, start, start + len(word)))
        return analysis.with_extension(self.name, items)


class Counter:
    name = "counter"
    requires = ("caps",)

    def __call__(self, analysis: Analysis) -> Analysis:
        count = len(analysis.extensions["caps"])
        return analysis.with_extension(self.name, [{"caps": count}])


class Broken:
    name = "broken"
    requires = ()

    def __call__(self, analysis: Analysis) -> Analysis:
        raise RuntimeError("this step always fails")


class Lazy:
    name = "lazy"
    requires = ()

    def __call__(self, analysis: Analysis) -> Any:
        return None


def plugin(*classes: type) -> types.ModuleType:
    module = types.ModuleType(f"test_plugin_{'_'.join(c.name for c in classes)}")  # type: ignore[attr-defined]

    @hookimpl
    def reportedly_extractors(register: Any) -> None:
        for cls in classes:
            register(cls)

    module.reportedly_extractors = reportedly_extractors  # type: ignore[attr-defined]
    return module


PLUGIN = plugin(Caps, Counter, Broken, Lazy)


def test_steps_run_and_requirements_are_added_first() -> None:
    nlp = Pipeline(["counter"], plugins=[PLUGIN])
    assert nlp.step_names == ("caps", "counter")
    analysis = nlp(Article("NATO and the EU met."))
    assert analysis.extensions["caps"] == (Mention("NATO", 0, 4),)
    assert analysis.extensions["counter"] == ({"caps": 1},)


def test_order_respects_requires_and_otherwise_the_given_order() -> None:
    known = {
        "a": ExtractorInfo("a", object, "t", ("c",)),
        "b": ExtractorInfo("b", object, "t", ()),
        "c": ExtractorInfo("c", object, "t", ("b",)),
    }
    assert _order(["a"], known) == ["b", "c", "a"]
    assert _order(["b", "a", "b"], known) == ["b", "c", "a"]


def test_cycles_are_reported() -> None:
    known = {
        "x": ExtractorInfo("x", object, "t", ("y",)),
        "y": ExtractorInfo("y", object, "t", ("x",)),
    }
    with pytest.raises(ConfigError, match="cycle: x -> y -> x"):
        _order(["x"], known)


def test_unknown_step_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown step 'nope'; known steps: .*caps.*counter"):
        Pipeline(["nope"], plugins=[PLUGIN])


def test_a_requirement_nobody_provides_is_reported() -> None:
    class Needy:
        name = "needy"
        requires = ("missing",)

        def __call__(self, analysis: Analysis) -> Analysis:
            return analysis

    with pytest.raises(ConfigError, match="'needy' requires 'missing'"):
        Pipeline(["needy"], plugins=[plugin(Needy)])


def test_config_is_passed_and_checked() -> None:
    nlp = Pipeline(["caps"], config={"caps": {"min_length": 2}}, plugins=[PLUGIN])
    assert [m.text for m in nlp(Article("EU and NATO")).extensions["caps"]] == ["EU", "NATO"]
    with pytest.raises(
        ConfigError, match="step 'caps' does not take colour .*it takes: min_length"
    ):
        Pipeline(["caps"], config={"caps": {"colour": "red"}}, plugins=[PLUGIN])
    with pytest.raises(ConfigError, match="step 'caps': bad settings: min_length must be positive"):
        Pipeline(["caps"], config={"caps": {"min_length": 0}}, plugins=[PLUGIN])
    with pytest.raises(ConfigError, match="unknown step 'ghost'"):
        Pipeline(["caps"], config={"ghost": {}}, plugins=[PLUGIN])
    with pytest.raises(ConfigError, match="must be a table"):
        Pipeline(["caps"], config={"caps": 3}, plugins=[PLUGIN])  # type: ignore[dict-item]
    with pytest.raises(ConfigError, match="not the string"):
        Pipeline("caps", plugins=[PLUGIN])


def test_a_failing_step_becomes_an_error_entry_and_the_rest_run() -> None:
    analysis = Pipeline(["broken", "caps", "lazy"], plugins=[PLUGIN])(Article("THE END"))
    assert analysis.extensions["caps"] == (Mention("THE", 0, 3), Mention("END", 4, 7))
    assert [(e.extractor, e.type) for e in analysis.errors] == [
        ("broken", "RuntimeError"),
        ("lazy", "TypeError"),
    ]
    assert analysis.errors[0].message == "this step always fails"
    assert analysis.to_dict()["errors"][0] == {
        "extractor": "broken",
        "type": "RuntimeError",
        "message": "this step always fails",
    }


def test_pipeline_takes_str_and_refuses_other_things() -> None:
    nlp = Pipeline(["caps"], plugins=[PLUGIN])
    assert nlp("ALL CAPS").article.text == "ALL CAPS"
    with pytest.raises(reportedly.InputError, match="takes an Article or a str"):
        nlp(42)  # type: ignore[arg-type]


def test_pipe_keeps_order_and_checks_arguments() -> None:
    nlp = Pipeline(["caps"], plugins=[PLUGIN])
    texts = [f"WORD{i} x" for i in range(10)]
    assert [a.article.text for a in nlp.pipe(texts, batch_size=3)] == texts
    with pytest.raises(ConfigError, match="n_process"):
        list(nlp.pipe(texts, n_process=0))
    with pytest.raises(ConfigError, match="batch_size"):
        list(nlp.pipe(texts, batch_size=0))


def test_process_records_yields_output_dicts() -> None:
    nlp = Pipeline(["caps"], plugins=[PLUGIN])
    records = [{"id": 7, "body": "HELLO there", "published": "2025-01-02"}]
    (out,) = nlp.process_records(records, text_key="body", include_text=False)
    assert out["article"]["id"] == "7" and out["article"]["published"] == "2025-01-02"
    assert "text" not in out["article"]
    assert out["extensions"] == {"caps": [{"text": "HELLO", "start": 0, "end": 5}]}


def test_pipeline_pickles_as_its_config_and_runs_in_workers() -> None:
    from . import steps_for_tests

    nlp = Pipeline(["caps"], config={"caps": {"min_length": 2}}, plugins=[steps_for_tests])
    again = pickle.loads(pickle.dumps(nlp))
    assert again.step_names == ("caps",) and again.config == {"caps": {"min_length": 2}}
    texts = [f"ID{i} and OK" for i in range(7)]
    results = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [a.article.text for a in results] == texts
    assert [[m.text for m in a.extensions["caps"]] for a in results] == [
        [f"ID{i}", "OK"] for i in range(7)
    ]


def test_plugin_that_registers_junk_is_skipped_with_a_warning() -> None:
    bad = types.ModuleType("junk_plugin")

    @hookimpl
    def reportedly_extractors(register: Any) -> None:
        register("not a class")

    bad.reportedly_extractors = reportedly_extractors  # type: ignore[attr-defined]
    with pytest.warns(reportedly.plugins.PluginWarning, match="'junk_plugin'.*extractor class"):
        nlp = Pipeline(["caps"], plugins=[bad, PLUGIN])
    assert nlp.step_names == ("caps",)
    assert [f.name for f in nlp.failed_plugins] == ["junk_plugin"]


def test_vocabulary_hooks_are_merged_and_checked() -> None:
    seen: list[Any] = []

    class Wants:
        name = "wants"
        requires = ()

        def __init__(self, vocabulary: Any = None) -> None:
            seen.append(vocabulary)

        def __call__(self, analysis: Analysis) -> Analysis:
            return analysis

    vocab = types.ModuleType("vocab_plugin")

    @hookimpl
    def reportedly_weapon_terms() -> list[dict[str, Any]]:
        return [{"term": "zorbulator", "class": "weapon", "category": ["weapon"]}]

    vocab.reportedly_weapon_terms = reportedly_weapon_terms  # type: ignore[attr-defined]
    Pipeline(["wants"], plugins=[plugin(Wants), vocab])
    assert seen[-1].weapon_terms == (
        {"term": "zorbulator", "class": "weapon", "category": ["weapon"]},
    )
    with pytest.raises(ConfigError, match="does not take vocabulary"):
        Pipeline(["wants"], config={"wants": {"vocabulary": 1}}, plugins=[plugin(Wants)])


def test_analysis_is_immutable_between_steps() -> None:
    analysis = Analysis(Article("A"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        analysis.quotes = ()  # type: ignore[misc]
