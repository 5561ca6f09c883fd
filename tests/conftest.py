from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The encoder keeps its int8 model in the user's cache folder; a test run keeps it in its own.
_CACHE = tempfile.mkdtemp(prefix="newstrace-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture
def shared_corpus() -> Path:
    """The shared real-data corpus next to the project; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone does not have it)")
    return SHARED
