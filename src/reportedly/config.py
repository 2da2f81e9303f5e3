"""TOML configuration: a ``[pipeline]`` table and one ``[steps.<name>]`` table per step.

::

    [pipeline]
    steps = ["dates", "quotes", "weapons"]
    plugins = true              # optional; false loads the built-in steps only

    [steps.dates]
    prefer_future = true

    [steps.weapons]
    extra_terms = "my_terms.toml"   # relative paths are resolved against this file's folder

The file is read with :mod:`tomllib`; every error is a :class:`~reportedly.ConfigError` that names
the file and the offending key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from reportedly.errors import ConfigError

__all__ = ["PipelineConfig", "load_config", "validate_config"]

_PATH_SUFFIXES = (".toml", ".tsv", ".txt", ".json", ".jsonl", ".csv")


@attrs.frozen
class PipelineConfig:
    """What a TOML file says: the ``steps`` (or ``None`` for the defaults), per-step settings,
    and whether entry-point plugins load."""

    steps: tuple[str, ...] | None
    config: dict[str, dict[str, Any]]
    plugins: bool = True


def validate_config(config: object, origin: str = "config") -> dict[str, dict[str, Any]]:
    """Check that ``config`` maps step names to tables of settings; return a plain copy."""
    if config is None:
        return {}
    if not isinstance(config, Mapping):
        raise ConfigError(f"{origin} must map step names to tables, not {type(config).__name__}")
    checked: dict[str, dict[str, Any]] = {}
    for step, table in config.items():
        if not isinstance(step, str):
            raise ConfigError(f"{origin}: step names must be str, not {step!r}")
        if not isinstance(table, Mapping):
            raise ConfigError(
                f"{origin}: settings for step {step!r} must be a table, not {type(table).__name__}"
            )
        checked[step] = dict(table)
    return checked


def _resolve_paths(table: dict[str, Any], folder: Path) -> dict[str, Any]:
    resolved = {}
    for key, value in table.items():
        if isinstance(value, str) and value.lower().endswith(_PATH_SUFFIXES):
            candidate = Path(value)
            if not candidate.is_absolute():
                candidate = folder / candidate
            value = str(candidate)
        resolved[key] = value
    return resolved


def load_config(path: str | Path) -> PipelineConfig:
    """Read a pipeline configuration file (see the module docs for the format)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file {str(path)!r} does not exist") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"config file {str(path)!r} is not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"config file {str(path)!r} cannot be read: {error.strerror}") from None
    unknown = set(data) - {"pipeline", "steps"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown top-level table(s) {sorted(unknown)}; expected [pipeline] and [steps.*]"
        )
    pipeline = data.get("pipeline", {})
    if not isinstance(pipeline, dict):
        raise ConfigError(f"{path}: [pipeline] must be a table")
    unknown = set(pipeline) - {"steps", "plugins"}
    if unknown:
        raise ConfigError(f"{path}: [pipeline] has unknown key(s) {sorted(unknown)}")
    steps = pipeline.get("steps")
    if steps is not None and (
        not isinstance(steps, list) or not all(isinstance(s, str) for s in steps)
    ):
        raise ConfigError(f"{path}: [pipeline] steps must be a list of step names")
    plugins = pipeline.get("plugins", True)
    if not isinstance(plugins, bool):
        raise ConfigError(f"{path}: [pipeline] plugins must be true or false")
    tables = validate_config(data.get("steps", {}), str(path))
    folder = path.resolve().parent
    tables = {name: _resolve_paths(table, folder) for name, table in tables.items()}
    return PipelineConfig(tuple(steps) if steps is not None else None, tables, plugins)
