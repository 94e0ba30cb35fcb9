"""Finding a browser, and what to do without one: skip, or fail when CI says it is required."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest

REQUIRED_ENV = "INTERVIEW_JOURNAL_BROWSER_TESTS"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """A Chromium (or Chrome) executable on PATH, or None."""
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it when ``INTERVIEW_JOURNAL_BROWSER_TESTS=required``."""
    if os.environ.get(REQUIRED_ENV, "").strip().lower() == "required":
        pytest.fail(f"{reason} ({REQUIRED_ENV}=required)", pytrace=False)
    pytest.skip(reason)
