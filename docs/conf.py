"""Sphinx configuration: MyST Markdown pages, API reference from docstrings, furo theme.

Built with warnings as errors (``nox -s docs``). No extension reaches the network: intersphinx is
deliberately not used, so the build works offline and in CI.
"""

from __future__ import annotations

import reportedly

project = "reportedly"
author = "reportedly developers"
copyright = "reportedly developers"
release = reportedly.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
# Anchors for headings down to ### so pages can link to sections ("output.md#quotes").
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# Docstrings are reStructuredText (no napoleon: it would read "#: Marks ...: ``x``" attribute
# comments as "type: description").

html_theme = "furo"
html_title = f"reportedly {release}"
