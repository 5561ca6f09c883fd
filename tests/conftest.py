from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture
def shared_corpus() -> Path:
    """The shared real-data corpus next to the project; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone does not have it)")
    return SHARED
