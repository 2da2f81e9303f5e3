"""The plugin manager: built-in steps, entry-point plugins, and failures kept apart.

Plugins load lazily: entry points of the group ``reportedly`` are imported when the first
:class:`~reportedly.Pipeline` is built (or ``reportedly plugins`` runs), never at
``import reportedly``. A plugin that fails to import, or whose ``reportedly_extractors`` hook
raises, is skipped with a :class:`PluginWarning` that names its entry point; the others load.
Set ``REPORTEDLY_DISABLE_PLUGINS=1`` (or pass ``plugins=False``) to load the built-ins only.
"""

from __future__ import annotations

import importlib
import inspect
import os
import warnings
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import entry_points
from typing import Any

import attrs
import pluggy

from reportedly import hookspecs
from reportedly.errors import ConfigError, PluginError

__all__ = [
    "BUILTIN_MODULES",
    "ENTRY_POINT_GROUP",
    "ExtractorInfo",
    "PluginFailure",
    "PluginWarning",
    "Registry",
    "Vocabulary",
    "load_registry",
]

#: The entry-point group (and the pluggy project name).
ENTRY_POINT_GROUP = "reportedly"

#: Modules that register the built-in steps, exactly as a third-party plugin would.
BUILTIN_MODULES = (
    "reportedly.extractors.dates",
    "reportedly.extractors.sources",
    "reportedly.extractors.quotes",
    "reportedly.extractors.weapons",
    "reportedly.extractors.events",
)

_VOCABULARY_HOOKS = (
    "weapon_terms",
    "speech_verbs",
    "source_descriptors",
    "event_triggers",
    "date_patterns",
)


class PluginWarning(UserWarning):
    """A plugin was skipped; the message names its entry point and what went wrong."""


@attrs.frozen
class PluginFailure:
    """A plugin that could not be loaded: its entry-point ``name``, ``value`` and the ``error``."""

    name: str
    value: str
    error: str


@attrs.frozen
class ExtractorInfo:
    """A registered step: its class and the plugin (``"reportedly"`` for built-ins) it comes from."""

    name: str
    cls: type
    plugin: str
    requires: tuple[str, ...]


@attrs.frozen
class Vocabulary:
    """What every plugin's vocabulary hooks returned, flattened into one tuple of dicts each.

    Built-in steps that take a ``vocabulary`` keyword get this object at pipeline build time.
    """

    weapon_terms: tuple[dict[str, Any], ...] = ()
    speech_verbs: tuple[dict[str, Any], ...] = ()
    source_descriptors: tuple[dict[str, Any], ...] = ()
    event_triggers: tuple[dict[str, Any], ...] = ()
    date_patterns: tuple[dict[str, Any], ...] = ()


@attrs.define
class Registry:
    """The loaded plugins: steps by name, vocabulary, and the plugins that failed."""

    manager: pluggy.PluginManager
    extractors: dict[str, ExtractorInfo]
    failures: list[PluginFailure]
    _vocabulary: Vocabulary | None = None

    def vocabulary(self) -> Vocabulary:
        """Call every vocabulary hook once and keep the merged result."""
        if self._vocabulary is None:
            merged: dict[str, tuple[dict[str, Any], ...]] = {}
            for field in _VOCABULARY_HOOKS:
                hook = getattr(self.manager.hook, f"reportedly_{field}")
                entries: list[dict[str, Any]] = []
                # pluggy calls the last registered first; reverse so plugins come after built-ins
                for result in reversed(hook()):
                    if result is None:
                        continue
                    if not isinstance(result, Iterable) or isinstance(result, (str, Mapping)):
                        raise ConfigError(f"reportedly_{field} must return a list of dicts")
                    for entry in result:
                        if not isinstance(entry, Mapping):
                            raise ConfigError(
                                f"reportedly_{field} returned {entry!r}, which is not a dict"
                            )
                        entries.append(dict(entry))
                merged[field] = tuple(entries)
            self._vocabulary = Vocabulary(**merged)
        return self._vocabulary


def _plugin_name(manager: pluggy.PluginManager, plugin: object) -> str:
    name = manager.get_name(plugin)
    return name or str(getattr(plugin, "__name__", repr(plugin)))


def _register_steps(
    manager: pluggy.PluginManager, plugin: object, label: str, steps: dict[str, ExtractorInfo]
) -> None:
    """Run one plugin's ``reportedly_extractors`` hook into ``steps``."""
    impl = getattr(plugin, "reportedly_extractors", None)
    if impl is None:
        return
    found: list[type] = []

    def register(cls: type) -> None:
        if not inspect.isclass(cls):
            raise PluginError(f"register() takes an extractor class, not {cls!r}")
        name = getattr(cls, "name", None)
        if not isinstance(name, str) or not name:
            raise PluginError(f"{cls.__qualname__} has no str attribute 'name'")
        if "__call__" not in dir(cls):
            raise PluginError(f"{cls.__qualname__} does not define __call__(analysis)")
        requires = getattr(cls, "requires", ())
        if isinstance(requires, str) or not all(isinstance(r, str) for r in requires):
            raise PluginError(f"{cls.__qualname__}.requires must be a tuple of step names")
        found.append(cls)

    impl(register=register)
    for cls in found:
        name = cls.name  # type: ignore[attr-defined]
        if name in steps and steps[name].cls is not cls:
            raise PluginError(f"step {name!r} is already registered by {steps[name].plugin!r}")
        steps[name] = ExtractorInfo(name, cls, label, tuple(getattr(cls, "requires", ())))


def _constant(obj: object) -> Callable[[], object]:
    return lambda: obj


def plugins_disabled() -> bool:
    """Whether ``REPORTEDLY_DISABLE_PLUGINS`` is set to a true value."""
    return os.environ.get("REPORTEDLY_DISABLE_PLUGINS", "").strip().lower() in {
        "1", "true", "yes", "on",
    }  # fmt: skip


def load_registry(
    plugins: bool | Iterable[object] = True,
    *,
    warn: Callable[[str], None] | None = None,
) -> Registry:
    """Build a plugin manager with the built-ins, then entry-point plugins unless disabled.

    ``plugins`` is ``True`` (load entry points unless ``REPORTEDLY_DISABLE_PLUGINS`` is set),
    ``False`` (built-ins only), or an iterable of plugin objects/modules to register in
    addition to the built-ins (entry points are then not loaded); the last form is how tests and
    applications register a plugin without packaging it.
    """

    def say(message: str) -> None:
        if warn is not None:
            warn(message)
        else:
            warnings.warn(message, PluginWarning, stacklevel=3)

    manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    steps: dict[str, ExtractorInfo] = {}
    failures: list[PluginFailure] = []
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(module_name)
        manager.register(module, name=module_name)
        _register_steps(manager, module, "reportedly", steps)

    candidates: list[tuple[str, str, Callable[[], object]]] = []
    if plugins is True and not plugins_disabled():
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            candidates.append((ep.name, ep.value, ep.load))
    elif plugins not in (True, False):
        for obj in plugins:  # type: ignore[union-attr]
            label = getattr(obj, "__name__", None) or type(obj).__name__
            candidates.append((label, label, _constant(obj)))

    for name, value, load in candidates:
        try:
            plugin = load()
            if manager.is_registered(plugin):
                continue
            staged = dict(steps)
            _register_steps(manager, plugin, name, staged)
            manager.register(plugin, name=name)
        except Exception as error:  # noqa: BLE001 - a broken plugin must not take the rest down
            failures.append(PluginFailure(name, value, f"{type(error).__name__}: {error}"))
            say(
                f"reportedly plugin {name!r} ({value}) was skipped: {type(error).__name__}: {error}"
            )
            continue
        steps = staged
    return Registry(manager, steps, failures)
