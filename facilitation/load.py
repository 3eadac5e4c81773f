"""Facilitator load: how much of the circle's holding rests on one person.

The article warns of compassion fatigue in people "emotionally available to others 24/7";
support-group guides call facilitator burnout the greatest risk to a group's survival. So the bot
keeps, per person, when they held a session (hosted or co-hosted: ``Closed.holders``), and:

* after someone has held ``limit`` (default 4, circle setting ``load N``) of the circle's sessions
  within ``WINDOW_DAYS`` (14) days, they get a private thank-you and a nudge, at most once in
  ``NOTICE_EVERY_MS`` (a week), however many more they hold;
* the rota passes over someone at the limit when it picks the next host (``rota.pick_host``).

A session counts when it closes (``held_at`` is its close), because that is when holding it ends
and when the command layer learns who held it. The count is the person's own: it is told to them
alone, and circle health shows load only as anonymous counts (``health``).
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitation.circle import SettingError

DAY_MS = 24 * 60 * 60 * 1000
DEFAULT_LIMIT = 4
WINDOW_DAYS = 14
NOTICE_EVERY_MS = 7 * DAY_MS
MIN_LIMIT = 2
"""A limit of 1 would thank and nudge someone after every session they hold, which is noise."""
MAX_LIMIT = 20


def validate_limit(value: object) -> int:
    """The circle setting ``load N``; SettingError (safe to show) if it is not one."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise SettingError("load takes a whole number of sessions, e.g. /circle set load 4")
    if not MIN_LIMIT <= value <= MAX_LIMIT:
        raise SettingError(f"load must be between {MIN_LIMIT} and {MAX_LIMIT} sessions")
    return value


def held_within(held_at: Iterable[int], now: int, days: int = WINDOW_DAYS) -> int:
    """Sessions held in the ``days`` days up to and including ``now``."""
    since = now - days * DAY_MS
    return sum(1 for at in held_at if since < at <= now)


def at_limit(held_at: Iterable[int], now: int, limit: int, days: int = WINDOW_DAYS) -> bool:
    """Whether someone has already held ``limit`` sessions in the window ending ``now``."""
    return held_within(held_at, now, days) >= limit


def notice_due(
    held_at: Iterable[int],
    now: int,
    limit: int,
    last_notice_at: int | None,
    days: int = WINDOW_DAYS,
) -> bool:
    """Whether to send the thank-you and nudge now (call it when a session they held closes).

    At most once a week: a facilitator who keeps holding hears it weekly, not after every session.
    A notice dated in the future (a clock that was set back) counts as recent.
    """
    if last_notice_at is not None and now - last_notice_at < NOTICE_EVERY_MS:
        return False
    return at_limit(held_at, now, limit, days)


def load_counts(
    held: Iterable[tuple[str, Iterable[int]]], since: int, until: int
) -> dict[str, int]:
    """Per person, sessions held in ``(since, until]``; people with none are left out.

    For circle health: ``since`` just before the oldest of the sessions shown, ``until`` the
    newest's close.
    """
    counts = {who: sum(1 for at in times if since < at <= until) for who, times in held}
    return {who: count for who, count in counts.items() if count}
