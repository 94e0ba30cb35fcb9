"""``mkdocs serve`` runs the cycle collector's full collections between rebuilds (``idle``)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from interview_journal.idle import IdleCollection
from interview_journal.plugin import InterviewJournalPlugin


@pytest.fixture(autouse=True)
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_serving_makes_full_runs_rarer_and_stopping_puts_the_thresholds_back(thresholds: tuple[int, int, int]) -> None:
    collection = IdleCollection(full_run_after=100)
    collection.start()
    collection.start()  # a second start keeps the thresholds of before the first
    assert gc.get_threshold() == (thresholds[0], thresholds[1], max(thresholds[2], 100))
    collection.stop()
    assert gc.get_threshold() == thresholds


def test_a_full_collection_runs_shortly_after_each_build() -> None:
    ran = threading.Event()

    def full(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            ran.set()

    collection = IdleCollection(delay=0.01)
    gc.callbacks.append(full)
    try:
        collection.start()
        collection.after_build()
        assert ran.wait(5)
    finally:
        gc.callbacks.remove(full)
        collection.stop()


def test_only_serve_changes_the_collector(thresholds: tuple[int, int, int]) -> None:
    plugin = InterviewJournalPlugin()
    plugin.on_startup(command="build", dirty=False)
    assert gc.get_threshold() == thresholds
    plugin.on_startup(command="serve", dirty=True)
    assert gc.get_threshold()[2] >= 100
    plugin.on_shutdown()
    assert gc.get_threshold() == thresholds
