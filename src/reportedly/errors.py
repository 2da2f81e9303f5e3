"""The exception hierarchy: every error reportedly raises on purpose is a :class:`ReportedlyError`."""

from __future__ import annotations

__all__ = ["ConfigError", "InputError", "PluginError", "ReportedlyError"]


class ReportedlyError(Exception):
    """Root of every error reportedly raises deliberately.

    Catch this to handle any user error (bad input, bad configuration, a broken plugin)
    without catching programming errors::

        try:
            reportedly.extract(text, published="yesterday")
        except reportedly.ReportedlyError as error:
            print(error)   # names the field and the value that was refused
    """


class InputError(ReportedlyError, ValueError):
    """An article or record was refused: the message names the article and the field."""


class ConfigError(ReportedlyError, ValueError):
    """A pipeline configuration was refused: unknown step, cycle, or a key a step does not take."""


class PluginError(ReportedlyError):
    """A plugin broke the plugin contract (for example registered something that is not an extractor)."""
