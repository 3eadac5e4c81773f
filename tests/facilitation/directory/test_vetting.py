"""Status rules: vetting, flags, staleness, what members see."""

from __future__ import annotations

from dataclasses import replace

import pytest

from facilitation.directory.record import Status
from facilitation.directory.vetting import (
    DAY_MS,
    STALE_AFTER_MS,
    flag_outcome,
    is_stale,
    vetting_outcome,
    visible,
)
from tests.facilitation.directory.sample import DIRECTORY, NOW

P, V, F, R = Status.PENDING, Status.VETTED, Status.FLAGGED, Status.REMOVED


@pytest.mark.parametrize(
    ("current", "vets", "facilitator", "expected"),
    [
        (P, 1, False, P),
        (P, 2, False, V),  # the circle's threshold of members
        (P, 3, False, V),
        (P, 0, True, V),  # a facilitator alone
        (F, 5, False, F),  # a flag is lifted only by a facilitator
        (F, 0, True, V),
        (V, 1, False, V),  # a re-vet: still vetted (the caller refreshes the date)
        (V, 1, True, V),
        (R, 9, False, R),
        (R, 9, True, R),
    ],
)
def test_vetting_outcome(current: Status, vets: int, facilitator: bool, expected: Status) -> None:
    assert vetting_outcome(current, vets, facilitator, threshold=2) is expected


@pytest.mark.parametrize(
    ("current", "flags", "expected"),
    [
        (V, 1, V),
        (V, 2, F),
        (P, 2, F),
        (P, 1, P),
        (F, 7, F),
        (R, 7, R),
    ],
)
def test_flag_outcome(current: Status, flags: int, expected: Status) -> None:
    assert flag_outcome(current, flags, threshold=2) is expected


def test_stale_at_exactly_one_year() -> None:
    base = DIRECTORY[0]
    assert not is_stale(replace(base, verified_at=NOW - STALE_AFTER_MS + 1), NOW)
    assert is_stale(replace(base, verified_at=NOW - STALE_AFTER_MS), NOW)
    assert STALE_AFTER_MS == 365 * DAY_MS


def test_only_vetted_records_are_stale_or_visible() -> None:
    old = NOW - 2 * STALE_AFTER_MS
    for status in (P, F, R):
        record = replace(DIRECTORY[0], status=status, verified_at=old)
        assert not is_stale(record, NOW)
        assert not visible(record)
    assert visible(replace(DIRECTORY[0], verified_at=old))
    assert is_stale(replace(DIRECTORY[0], verified_at=None), NOW)  # vetted but never dated
