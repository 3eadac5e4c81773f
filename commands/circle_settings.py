"""``/circle set <name> <value>``: one declared setting per name.

Each ``Setting`` says how its value is written (``form``) and what it means with its limits
(``explains``: both make its usage line), how the value is parsed, how the new value is
shown, and what changing it does besides storing it (``effect``: the group's own timer,
the door). The limits themselves are checked by ``CircleSettings.with_setting``
(facilitation/circle.py). A new setting is one more entry in ``SETTINGS``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from commands.arguments import whole_number
from commands.context import CommandContext
from commands.door import Locked, lock, setup_note
from commands.errors import Refusal, UsageError
from commands.language import language_shown
from commands.parsing import split_word
from commands.ports import GroupChangeRefused
from facilitation.circle import DISAPPEARING_MAX, CircleSettings, Door
from facilitation.durations import DurationError, format_duration, parse_duration
from facilitation.i18n import CODES, english
from facilitation.texts import language as said_language

Effect = Callable[[CommandContext, CircleSettings], Awaitable[str]]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    form: str
    explains: str
    parse: Callable[[str], object]
    shown: Callable[[CircleSettings], str]
    effect: Effect | None = None
    """Done before the new value is stored (and the reason it may not be); its note ends
    the reply."""

    @property
    def usage(self) -> str:
        return f"/circle set {self.name} {self.form} ({self.explains})"


@dataclass(frozen=True, slots=True)
class SettingChange:
    setting: Setting
    value: object


class Settings:
    """The settings ``/circle set`` takes, in the order its usage line lists them."""

    def __init__(self, *settings: Setting) -> None:
        self._by_name = {setting.name: setting for setting in settings}

    @property
    def form(self) -> str:
        """``<vouches N|size N|…>``: what ``/circle set`` takes."""
        return "<" + "|".join(f"{s.name} {s.form}" for s in self._by_name.values()) + ">"

    @property
    def details(self) -> tuple[str, ...]:
        """One usage line per setting, for ``/help circle set``."""
        return tuple(setting.usage for setting in self._by_name.values())

    def parse(self, text: str) -> SettingChange:
        name, value_text = split_word(text)
        setting = self._by_name.get(name)
        if setting is None or not value_text:
            raise UsageError
        try:
            return SettingChange(setting, setting.parse(value_text))
        except DurationError as exc:
            raise UsageError(str(exc), usage=setting.usage) from exc
        except UsageError as exc:
            raise UsageError(exc.hint, usage=setting.usage) from exc


def _word(text: str) -> str:
    return text.casefold()


def _as_is(text: str) -> str:
    return text


def _disappearing(text: str) -> object:
    return "off" if text.casefold() == "off" else parse_duration(text, maximum=DISAPPEARING_MAX)


def disappearing_shown(value: timedelta | None) -> str:
    if value is None:
        return "the group's own setting (/circle set disappearing 1w sets one)"
    return "off" if not value else format_duration(value)


async def _set_group_timer(ctx: CommandContext, settings: CircleSettings) -> str:
    """The group's own timer changes first; the circle records it only if that worked."""
    circle = ctx.require_circle()
    value = settings.disappearing or timedelta(0)
    try:
        await ctx.deps.groups.set_disappearing(circle.group_id, int(value.total_seconds()))
    except GroupChangeRefused as exc:
        if not exc.not_allowed:
            raise Refusal("I couldn't reach Signal just now. Please try again soon.") from exc
        raise Refusal(
            "I couldn't change it: this group lets only its admins change disappearing "
            "messages, and I'm not an admin. A group admin can, in the Signal app: open the "
            "group, tap its name, then Disappearing messages. Or make me an admin and send "
            "this again."
        ) from exc
    return ""


async def _door(ctx: CommandContext, settings: CircleSettings) -> str:
    if settings.door is not Door.LOCKED:
        return (
            " I won't close it again: a group admin can let members add people, or turn the "
            "group link on, in the Signal app."
        )
    outcome = await lock(ctx, ctx.require_circle())
    if outcome is Locked.DONE:
        return " I've locked it: only admins can add people, and the group link is off."
    return " " + setup_note(outcome)


def _number(name: str, explains: str, shown: Callable[[CircleSettings], int]) -> Setting:
    return Setting(name, "N", explains, whole_number, lambda s: str(shown(s)))


def _days(name: str, explains: str, shown: Callable[[CircleSettings], int]) -> Setting:
    return Setting(name, "DAYS", explains, whole_number, lambda s: f"{shown(s)} days")


SETTINGS = Settings(
    _number("vouches", "how many vouches a newcomer needs, 1-10", lambda s: s.vouches),
    _number("size", "the most members the circle takes, 2-1000", lambda s: s.size),
    Setting("tz", "ZONE", "like Europe/Berlin", _as_is, lambda s: s.tz),
    Setting(
        "turn",
        "DURATION",
        "a speaking turn, 30s-30m, like 5m",
        parse_duration,
        lambda s: format_duration(s.turn),
    ),
    _days("retention", "how long check-in words are kept, 1-365", lambda s: s.retention_days),
    _days("tenure", "how long a member waits before vouching, 0-365", lambda s: s.tenure_days),
    _days("expiry", "how long a join request stays open, 1-30", lambda s: s.request_days),
    _days(
        "vouch-history", "how long vouches are remembered, 7-730", lambda s: s.vouch_retention_days
    ),
    Setting(
        "resources",
        "dm|group",
        "where search results asked in the group go",
        _word,
        lambda s: "group" if s.resources_in_group else "dm",
    ),
    Setting(
        "door",
        "locked|open",
        "whether I keep the group's door locked",
        _word,
        lambda s: s.door.value,
        effect=_door,
    ),
    Setting(
        "unvouched",
        "hold|allow",
        "people added without a vouch: wait, or members at once",
        _word,
        lambda s: s.unvouched.value,
    ),
    Setting(
        "disappearing",
        "DURATION|off",
        "the group's disappearing messages, 30s-4w, like 1w",
        _disappearing,
        lambda s: disappearing_shown(s.disappearing),
        effect=_set_group_timer,
    ),
    Setting(
        "language",
        "|".join(CODES),
        english(said_language.EXPLAINS),
        _as_is,  # CircleSettings.with_setting takes a code or a name (Español, Deutsch)
        lambda s: language_shown(s.language),
    ),
)
