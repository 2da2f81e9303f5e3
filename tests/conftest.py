"""Shared fixtures: the seed article and the corpora in ``../shared`` (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import reportedly

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("REPORTEDLY_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "articles" / "kcna-rocket-launchers.txt"

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=25, deadline=None)
# HYPOTHESIS_PROFILE=thorough before a release: many more cases, same properties
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared``; tests that use it are skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not here")
    return SHARED


@pytest.fixture(scope="session")
def seed_article() -> reportedly.Article:
    """The real wire story in ``../shared/articles`` (published Tuesday 2025-12-23)."""
    if not SEED.is_file():
        pytest.skip("../shared/articles/kcna-rocket-launchers.txt is not here")
    return reportedly.Article(
        SEED.read_text(encoding="utf-8"), id="kcna-1", published=dt.date(2025, 12, 23)
    )


@pytest.fixture(scope="session")
def example_article() -> reportedly.Article:
    """The article the project wrote itself, shipped in ``examples/``."""
    path = ROOT / "examples" / "article.txt"
    return reportedly.Article(
        path.read_text(encoding="utf-8"), id="example", published="2026-03-12"
    )
