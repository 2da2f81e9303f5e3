"""Sessions: tests, lint, typecheck, docs, bench, eval.

``nox -s tests`` is the command CI runs (through ``.ci/run``). The eval and bench sessions read
``../shared/data`` when it is present and are not part of CI.
"""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "docs"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False

PYTHONS = ["3.11", "3.12", "3.13"]


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite on this interpreter (``nox -s tests_matrix`` for 3.11 to 3.13)."""
    session.install("-e", ".[test]")
    session.run("pytest", *(session.posargs or ["-q"]))


@nox.session(python=PYTHONS)
def tests_matrix(session: nox.Session) -> None:
    """Run the test suite on every supported Python that is installed."""
    session.install("-e", ".[test]")
    session.run("pytest", *(session.posargs or ["-q"]))


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: lint and formatting."""
    session.install("ruff")
    session.run(
        "ruff",
        "check",
        "src",
        "tests",
        "evaluation",
        "benchmarks",
        "examples",
        "docs/conf.py",
        "noxfile.py",
    )
    session.run("ruff", "format", "--check", "src", "tests", "evaluation", "benchmarks")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package."""
    session.install("-e", ".", "mypy", "types-regex")
    session.run("mypy", "--strict", "src/reportedly")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the docs with warnings as errors."""
    session.install("-e", ".[docs]")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")


@nox.session
def bench(session: nox.Session) -> None:
    """Speed benchmarks (one core); figures are printed and written to docs/benchmarks.md."""
    session.install("-e", ".")
    session.run(
        "python", "-m", "benchmarks.run", "--output", "docs/benchmarks.md", *session.posargs
    )


@nox.session
def eval(session: nox.Session) -> None:
    """Score every step against ../shared/data and write docs/evaluation.md."""
    session.install("-e", ".")
    session.run("python", "-m", "evaluation.run", *session.posargs)
