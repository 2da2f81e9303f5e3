"""A reportedly plugin that fails when it is imported.

reportedly skips it with a ``PluginWarning`` that names its entry point (``broken``) and loads
every other plugin; ``reportedly plugins`` lists it as failed.
"""

raise RuntimeError("reportedly-broken fails at import on purpose")
