"""Without a browser the browser tests skip with a reason, unless CI requires them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser_support import REQUIRED_ENV, find_chromium, unavailable


def test_no_chromium_on_an_empty_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_chromium() is None
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert find_chromium() == str(fake)


def test_skips_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REQUIRED_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="need Chromium"):
        unavailable("browser tests need Chromium on PATH")


def test_fails_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(REQUIRED_ENV, "required")
    with pytest.raises(pytest.fail.Exception, match=r"need Chromium.*required"):
        unavailable("browser tests need Chromium on PATH")
