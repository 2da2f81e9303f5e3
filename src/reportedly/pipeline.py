"""The Pipeline: steps composed by name, ordered by what each requires, run over articles.

::

    nlp = reportedly.Pipeline(["dates", "quotes", "weapons"], config={"dates": {"day_first": True}})
    analysis = nlp(reportedly.Article(text, published="2025-12-23"))
    for analysis in nlp.pipe(articles, n_process=2):
        ...

A Pipeline pickles as its configuration and rebuilds itself where it is unpickled, which is how
``pipe(n_process=N)`` gets a copy into each worker process.
"""

from __future__ import annotations

import inspect
import multiprocessing
import pickle
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportedly.config import load_config, validate_config
from reportedly.errors import ConfigError, InputError
from reportedly.model import Analysis, Article
from reportedly.plugins import ExtractorInfo, PluginWarning, Registry, load_registry

__all__ = ["DEFAULT_STEPS", "Pipeline", "extract", "process_records"]

#: The built-in steps, in the order they run when no steps are named.
DEFAULT_STEPS = ("dates", "sources", "quotes", "weapons", "events")


def _order(requested: Sequence[str], known: Mapping[str, ExtractorInfo]) -> list[str]:
    """Requested steps plus what they require, each after its requirements, else in given order."""
    for name in requested:
        if name not in known:
            raise ConfigError(f"unknown step {name!r}; known steps: {', '.join(sorted(known))}")
    ordered: list[str] = []
    visiting: list[str] = []

    def visit(name: str, wanted_by: str | None) -> None:
        if name in ordered:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            raise ConfigError(f"steps require each other in a cycle: {cycle}")
        if name not in known:
            raise ConfigError(
                f"step {wanted_by!r} requires {name!r}, which no installed plugin provides; "
                f"known steps: {', '.join(sorted(known))}"
            )
        visiting.append(name)
        for requirement in known[name].requires:
            visit(requirement, name)
        visiting.pop()
        ordered.append(name)

    for name in dict.fromkeys(requested):
        visit(name, None)
    return ordered


def _accepted_keys(cls: type) -> tuple[set[str], bool, bool]:
    """(keyword names, takes **kwargs, takes ``vocabulary``) of ``cls.__init__``."""
    try:
        signature = inspect.signature(cls)
    except (TypeError, ValueError):
        return set(), True, False
    names: set[str] = set()
    var_keyword = False
    for parameter in signature.parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            var_keyword = True
        elif parameter.kind in (
            inspect.Parameter.KEYWORD_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        ):
            names.add(parameter.name)
    takes_vocabulary = "vocabulary" in names
    names.discard("vocabulary")
    return names, var_keyword, takes_vocabulary


class Pipeline:
    """Steps composed by name, run in dependency order over articles.

    ``steps`` are registered step names (the built-ins are ``dates``, ``sources``, ``quotes``,
    ``weapons`` and ``events``; default: all of them). Steps a named step ``requires`` are added.
    ``config`` maps step names to their settings, exactly like the ``[steps.*]`` tables of a TOML
    file. ``plugins`` is ``True`` (load installed plugins unless ``REPORTEDLY_DISABLE_PLUGINS`` is
    set), ``False`` (built-ins only) or a list of plugin modules/objects to use instead of
    installed ones.

    Raises :class:`~reportedly.ConfigError` for an unknown step (listing the known ones), a cycle,
    or a setting a step does not take.
    """

    def __init__(
        self,
        steps: Iterable[str] | None = None,
        config: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        plugins: bool | Iterable[object] = True,
    ) -> None:
        if isinstance(steps, str):
            raise ConfigError(f"steps must be a list of names, not the string {steps!r}")
        self._requested = tuple(steps) if steps is not None else DEFAULT_STEPS
        self._config = validate_config(config)
        self._plugins: bool | tuple[object, ...] = (
            plugins if isinstance(plugins, bool) else tuple(plugins)
        )
        self._registry: Registry = load_registry(self._plugins)
        known = self._registry.extractors
        for name in self._config:
            if name not in known:
                raise ConfigError(
                    f"config has settings for unknown step {name!r}; "
                    f"known steps: {', '.join(sorted(known))}"
                )
        self.step_names: tuple[str, ...] = tuple(_order(self._requested, known))
        self._steps = [(name, self._build(known[name])) for name in self.step_names]

    def _build(self, info: ExtractorInfo) -> Any:
        settings = dict(self._config.get(info.name, {}))
        names, var_keyword, takes_vocabulary = _accepted_keys(info.cls)
        unknown = sorted(set(settings) - names) if not var_keyword else []
        if "vocabulary" in settings:
            unknown = sorted({*unknown, "vocabulary"})
        if unknown:
            accepted = ", ".join(sorted(names)) or "no settings"
            raise ConfigError(
                f"step {info.name!r} does not take {', '.join(unknown)} (it takes: {accepted})"
            )
        if takes_vocabulary:
            settings["vocabulary"] = self._registry.vocabulary()
        try:
            return info.cls(**settings)
        except ConfigError:
            raise
        except (TypeError, ValueError) as error:
            raise ConfigError(f"step {info.name!r}: bad settings: {error}") from error

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_config(
        cls, path: str | Path, *, plugins: bool | Iterable[object] | None = None
    ) -> Pipeline:
        """Build a Pipeline from a TOML file (see :mod:`reportedly.config`)."""
        loaded = load_config(path)
        return cls(
            loaded.steps,
            loaded.config,
            plugins=loaded.plugins if plugins is None else plugins,
        )

    @property
    def config(self) -> dict[str, dict[str, Any]]:
        """The per-step settings this pipeline was built with (a copy)."""
        return {name: dict(table) for name, table in self._config.items()}

    @property
    def failed_plugins(self) -> list[Any]:
        """Plugins that could not be loaded (:class:`~reportedly.plugins.PluginFailure`)."""
        return list(self._registry.failures)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.step_names)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        plugins: Any = self._plugins
        if not isinstance(plugins, bool):
            plugins = tuple(_picklable_plugin(p) for p in plugins)
        return (_rebuild, (self._requested, self._config, plugins))

    # ------------------------------------------------------------------ running

    def __call__(self, article: Article | str) -> Analysis:
        """Run every step over one article (a str is taken as an Article without metadata)."""
        if isinstance(article, str):
            article = Article(article)
        elif not isinstance(article, Article):
            raise InputError(f"a Pipeline takes an Article or a str, not {type(article).__name__}")
        analysis = Analysis(article)
        for name, step in self._steps:
            try:
                result = step(analysis)
                if not isinstance(result, Analysis):
                    raise TypeError(
                        f"step {name!r} returned {type(result).__name__}, not an Analysis"
                    )
            except Exception as error:  # noqa: BLE001 - one step's failure must not lose the rest
                analysis = analysis.add_error(name, error)
                continue
            analysis = result
        return analysis

    def pipe(
        self, articles: Iterable[Article | str], *, n_process: int = 1, batch_size: int = 64
    ) -> Iterator[Analysis]:
        """Run over a stream of articles, yielding Analyses in input order.

        With ``n_process > 1`` the articles go to a pool of worker processes (forkserver where
        available, else spawn), ``batch_size`` at a time, each worker holding its own rebuilt
        copy of this pipeline.
        """
        if not isinstance(n_process, int) or n_process < 1:
            raise ConfigError(f"n_process must be a positive int, not {n_process!r}")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ConfigError(f"batch_size must be a positive int, not {batch_size!r}")
        if n_process == 1:
            for article in articles:
                yield self(article)
            return
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        with context.Pool(
            n_process, initializer=_init_worker, initargs=(pickle.dumps(self),)
        ) as pool:
            for batch in pool.imap(_run_batch, _batches(articles, batch_size)):
                yield from batch

    def process_records(
        self,
        records: Iterable[Mapping[str, Any]],
        *,
        text_key: str = "text",
        include_text: bool = True,
        n_process: int = 1,
        batch_size: int = 64,
    ) -> Iterator[dict[str, Any]]:
        """Run over dict records (``text_key`` holds the text; ``id``, ``published``, ``title``,
        ``url``, ``outlet``, ``language`` are read when present) and yield output dicts."""
        articles = (Article.from_dict(record, text_key=text_key) for record in records)
        for analysis in self.pipe(articles, n_process=n_process, batch_size=batch_size):
            yield analysis.to_dict(include_text=include_text)


def _picklable_plugin(plugin: object) -> object:
    import types

    if isinstance(plugin, types.ModuleType):
        return _ModuleRef(plugin.__name__)
    return plugin


class _ModuleRef:
    """A plugin module, pickled by name and imported again where it is unpickled."""

    def __init__(self, name: str) -> None:
        self.name = name

    def load(self) -> object:
        import importlib

        return importlib.import_module(self.name)


def _rebuild(steps: tuple[str, ...], config: dict[str, Any], plugins: Any) -> Pipeline:
    if not isinstance(plugins, bool):
        plugins = tuple(p.load() if isinstance(p, _ModuleRef) else p for p in plugins)
    # The original pipeline already warned about skipped plugins; a copy rebuilt in each
    # worker process would only repeat it N times.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        return Pipeline(steps, config, plugins=plugins)


_WORKER_PIPELINE: Pipeline | Exception | None = None


def _init_worker(payload: bytes) -> None:
    # Unpickle here, not as an initarg: an error while the Pool unpickles initargs kills the
    # worker before the initializer runs, and the Pool then respawns workers forever.
    global _WORKER_PIPELINE
    try:
        _WORKER_PIPELINE = pickle.loads(payload)
    except Exception as error:  # noqa: BLE001 - reported by the first batch, in the parent
        _WORKER_PIPELINE = error


def _run_batch(batch: list[Article | str]) -> list[Analysis]:
    if isinstance(_WORKER_PIPELINE, Exception):
        raise ConfigError(
            "a worker process could not rebuild the pipeline: "
            f"{type(_WORKER_PIPELINE).__name__}: {_WORKER_PIPELINE}"
        )
    assert _WORKER_PIPELINE is not None
    return [_WORKER_PIPELINE(article) for article in batch]


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@lru_cache(maxsize=8)
def _cached_pipeline(steps: tuple[str, ...] | None) -> Pipeline:
    return Pipeline(steps)


def extract(
    text: str,
    *,
    published: Any = None,
    steps: Iterable[str] | None = None,
    **metadata: Any,
) -> Analysis:
    """One-call convenience: run the built-in steps (or ``steps``) over ``text``.

    ``published`` and the other keyword arguments (``id``, ``title``, ``url``, ``outlet``,
    ``language``) become the :class:`~reportedly.Article`'s metadata. The pipeline is built once
    per distinct ``steps`` and reused::

        analysis = reportedly.extract(text, published="2025-12-23")
    """
    article = Article(text, published=published, **metadata)
    return _cached_pipeline(tuple(steps) if steps is not None else None)(article)


def process_records(
    records: Iterable[Mapping[str, Any]],
    *,
    text_key: str = "text",
    steps: Iterable[str] | None = None,
    include_text: bool = True,
) -> Iterator[dict[str, Any]]:
    """Run the built-in steps (or ``steps``) over dict records and yield output dicts.

    For dataframe and engine users: ``process_records(df.to_dict("records"))``.
    """
    pipeline = _cached_pipeline(tuple(steps) if steps is not None else None)
    return pipeline.process_records(records, text_key=text_key, include_text=include_text)
