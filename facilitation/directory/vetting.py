"""Who sees an entry: pending until vetted, hidden once flagged, stale after a year."""

from __future__ import annotations

from facilitation.directory.record import Resource, Status

DAY_MS = 86_400_000
STALE_AFTER_MS = 365 * DAY_MS
"""A vetted record whose last verification is this old (or older) is stale."""


def is_stale(resource: Resource, now: int) -> bool:
    """Vetted, but not re-verified for a year (to the millisecond) or never dated."""
    if resource.status is not Status.VETTED:
        return False
    return resource.verified_at is None or now - resource.verified_at >= STALE_AFTER_MS


def visible(resource: Resource) -> bool:
    """What members' searches return: vetted records, stale ones included."""
    return resource.status is Status.VETTED


def vetting_outcome(current: Status, vets: int, facilitator_vet: bool, threshold: int) -> Status:
    """The status after a vet. A flag is undone only by a facilitator; removal is final.

    A vet of an already vetted record keeps it vetted; refreshing its verified date is the
    caller's job.
    """
    if current is Status.PENDING and (facilitator_vet or vets >= max(threshold, 1)):
        return Status.VETTED
    if current is Status.FLAGGED and facilitator_vet:
        return Status.VETTED
    return current


def flag_outcome(current: Status, flags: int, threshold: int) -> Status:
    """Vetted or pending records are hidden (flagged) once enough members flag them."""
    if current in (Status.VETTED, Status.PENDING) and flags >= max(threshold, 1):
        return Status.FLAGGED
    return current
