"""A circle's purpose, roles and settings, with the limits each setting accepts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from facilitation.i18n.languages import CODES, ENGLISH, parse_language


class Purpose(StrEnum):
    """The article's three kinds of circle: define the purpose before you start."""

    SUPPORT = "support"
    VENTING = "venting"
    MASTERMIND = "mastermind"


PURPOSE_BLURB: dict[Purpose, str] = {
    Purpose.SUPPORT: "a deep emotional support circle",
    Purpose.VENTING: "a venting space",
    Purpose.MASTERMIND: "a professional mastermind",
}


class Role(StrEnum):
    MEMBER = "member"
    FACILITATOR = "facilitator"


class Standing(StrEnum):
    """Where someone stands in a circle they are in the group of."""

    MEMBER = "member"
    UNVOUCHED = "unvouched"  # in the group without a vouch: the facilitators decide


class Door(StrEnum):
    """Whether the circle keeps its Signal group's door locked: only admins add people, and
    no group link works. ``OPEN``: a facilitator chose to let the group's own settings be."""

    LOCKED = "locked"
    OPEN = "open"


class Unvouched(StrEnum):
    """What becomes of someone in the group who came in without a vouch."""

    HOLD = "hold"  # the facilitators decide; meanwhile no trust data
    ALLOW = "allow"  # a member at once (a circle that wants an open door)


DISAPPEARING_MIN = timedelta(seconds=30)
DISAPPEARING_MAX = timedelta(weeks=4)


class SettingError(ValueError):
    """A circle setting outside what we accept; the message is safe to show the member."""


@dataclass(frozen=True, slots=True)
class CircleSettings:
    vouches: int = 2
    size: int = 12
    tz: str = "UTC"
    turn: timedelta = timedelta(minutes=5)
    retention_days: int = 30
    tenure_days: int = 14
    request_days: int = 7
    vouch_retention_days: int = 180
    resources_in_group: bool = False
    door: Door = Door.LOCKED
    unvouched: Unvouched = Unvouched.HOLD
    disappearing: timedelta | None = None
    """The group's disappearing-messages timer as the circle set it (``timedelta(0)``: off);
    None: the circle leaves the group's own setting alone."""
    load_limit: int = 4
    """Sessions one facilitator may hold within the load window (14 days) before they are
    thanked and nudged to share the holding (``load``; ``/circle set load N``)."""
    tell_expiry_days: int = 7
    """How many days of silence close an anonymous ``/tell`` conversation."""
    agreement_by_consent: bool = False
    """False: a facilitator's ``/agreement set`` takes effect at once (the default, as before).
    True: it opens a proposal, and the new version takes effect only if the circle consents."""
    language: str = ENGLISH.code
    """The language of the circle's group posts (and of what a newcomer to it reads)."""

    def with_setting(self, name: str, value: object) -> CircleSettings:
        """A copy with one setting changed, validated."""
        if name == "vouches":
            return replace(self, vouches=_bounded_int(value, 1, 10, "vouches"))
        if name == "size":
            return replace(self, size=_bounded_int(value, 2, 1000, "size"))
        if name == "tz":
            return replace(self, tz=validate_time_zone(str(value)))
        if name == "turn":
            if not isinstance(value, timedelta):
                raise SettingError("turn takes a duration like 5m")
            if not timedelta(seconds=30) <= value <= timedelta(minutes=30):
                raise SettingError("turn must be between 30s and 30m")
            return replace(self, turn=value)
        if name == "retention":
            return replace(self, retention_days=_bounded_int(value, 1, 365, "retention"))
        if name == "tenure":
            return replace(self, tenure_days=_bounded_int(value, 0, 365, "tenure"))
        if name == "expiry":
            return replace(self, request_days=_bounded_int(value, 1, 30, "expiry"))
        if name == "resources":
            if value not in ("dm", "group"):
                raise SettingError("resources is dm or group")
            return replace(self, resources_in_group=value == "group")
        if name == "vouch-history":
            return replace(self, vouch_retention_days=_bounded_int(value, 7, 730, "vouch-history"))
        if name == "door":
            return replace(self, door=_choice(Door, value, "door is locked or open"))
        if name == "unvouched":
            return replace(self, unvouched=_choice(Unvouched, value, "unvouched is hold or allow"))
        if name == "disappearing":
            return replace(self, disappearing=_disappearing(value))
        if name == "load":
            # Imported here: facilitation.load raises this module's SettingError.
            from facilitation.load import validate_limit

            return replace(self, load_limit=validate_limit(value))
        if name == "tell-expiry":
            return replace(self, tell_expiry_days=_bounded_int(value, 1, 30, "tell-expiry"))
        if name == "agreement":
            if value not in ("consent", "facilitators"):
                raise SettingError("agreement is consent or facilitators")
            return replace(self, agreement_by_consent=value == "consent")
        if name == "language":
            chosen = parse_language(str(value))
            if chosen is None:
                raise SettingError(f"language is one of {', '.join(CODES)}")
            return replace(self, language=chosen.code)
        raise SettingError(f"unknown setting {name}")


SETTING_NAMES = (
    "vouches",
    "size",
    "tz",
    "turn",
    "retention",
    "tenure",
    "expiry",
    "vouch-history",
    "resources",
    "door",
    "unvouched",
    "disappearing",
    "load",
    "tell-expiry",
    "agreement",
    "language",
)


E = TypeVar("E", bound=StrEnum)


def _choice(kind: type[E], value: object, hint: str) -> E:
    try:
        return kind(str(value).casefold())
    except ValueError as exc:
        raise SettingError(hint) from exc


def _disappearing(value: object) -> timedelta:
    """``off`` (zero) or a timer Signal offers: 30 seconds to 4 weeks."""
    if value == "off":
        return timedelta(0)
    if not isinstance(value, timedelta):
        raise SettingError("disappearing takes a duration like 1w, or off")
    if not DISAPPEARING_MIN <= value <= DISAPPEARING_MAX:
        raise SettingError("disappearing must be between 30s and 4w, or off")
    return value


def _bounded_int(value: object, low: int, high: int, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise SettingError(f"{name} takes a whole number")
    if not low <= value <= high:
        raise SettingError(f"{name} must be between {low} and {high}")
    return value


def validate_time_zone(name: str) -> str:
    """An IANA zone name, in its canonical spelling (``europe/berlin`` → ``Europe/Berlin``)."""
    candidate = name.strip()
    if not candidate or len(candidate) > 64 or ".." in candidate or candidate.startswith("/"):
        raise SettingError("tz takes a zone name like Europe/Berlin")
    lookup = {zone.casefold(): zone for zone in available_timezones()}
    canonical = lookup.get(candidate.casefold())
    if canonical is None:
        raise SettingError("tz takes a zone name like Europe/Berlin")
    try:
        ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingError("tz takes a zone name like Europe/Berlin") from exc
    return canonical
