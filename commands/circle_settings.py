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
from commands.speech import Text
from commands.tell import retime
from facilitation.circle import DISAPPEARING_MAX, CircleSettings, Door
from facilitation.durations import DurationError, parse_duration
from facilitation.i18n import CODES, Duration, Msg, joined
from facilitation.i18n.argument_words import (
    AGREEMENT_BY,
    DOOR,
    OFF,
    RESOURCES_WHERE,
    UNVOUCHED,
)
from facilitation.i18n.typed import Words, read
from facilitation.texts import circle as said
from facilitation.texts import holding
from facilitation.texts import language as said_language

Effect = Callable[[CommandContext, CircleSettings], Awaitable[Text | None]]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    form: str
    """How the value is written: syntax, English in every language (``N``, ``dm|group``)."""
    explains: Msg
    parse: Callable[[str], object]
    shown: Callable[[CircleSettings], Text]
    effect: Effect | None = None
    """Done before the new value is stored (and the reason it may not be); its note ends
    the reply."""

    @property
    def usage(self) -> Text:
        return joined(f"/circle set {self.name} {self.form} (", self.explains, ")")


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
    def details(self) -> tuple[Text, ...]:
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
            raise UsageError(usage=setting.usage) from exc
        except UsageError as exc:
            raise UsageError(exc.hint, usage=setting.usage) from exc


def _word(words: Words) -> Callable[[str], str]:
    """One of ``words``' meanings, typed in any language (``cerrada``, ``zu``: locked); the
    core refuses anything else, so the setting's usage line answers it."""

    def parse(text: str) -> str:
        return read(words, text) or text.casefold()

    return parse


def _as_is(text: str) -> str:
    return text


def _disappearing(text: str) -> object:
    if read(OFF, text) == "off":  # off, aus, desactivado, non...
        return "off"
    return parse_duration(text, maximum=DISAPPEARING_MAX)


def disappearing_shown(value: timedelta | None) -> Text:
    if value is None:
        return said.DISAPPEARING_GROUP_OWN
    return "off" if not value else Duration.of(value)


async def _set_group_timer(ctx: CommandContext, settings: CircleSettings) -> None:
    """The group's own timer changes first; the circle records it only if that worked."""
    circle = ctx.require_circle()
    value = settings.disappearing or timedelta(0)
    try:
        await ctx.deps.groups.set_disappearing(circle.group_id, int(value.total_seconds()))
    except GroupChangeRefused as exc:
        if not exc.not_allowed:
            raise Refusal(said.SIGNAL_UNREACHABLE) from exc
        raise Refusal(said.TIMER_NOT_ALLOWED) from exc
    return None  # noqa: RET501 - an effect may add a note; this one has none


async def _door(ctx: CommandContext, settings: CircleSettings) -> Text:
    if settings.door is not Door.LOCKED:
        return said.DOOR_LEFT_OPEN
    outcome = await lock(ctx, ctx.require_circle())
    if outcome is Locked.DONE:
        return said.DOOR_LOCKED_NOW
    return setup_note(outcome)


async def _retime_tickets(ctx: CommandContext, settings: CircleSettings) -> None:
    """Open ``/tell`` conversations end after the new length of quiet, from now on."""
    await retime(ctx, ctx.require_circle(), settings.tell_expiry_days)
    return None  # noqa: RET501 - an effect may add a note; this one has none


def _number(name: str, explains: Msg, shown: Callable[[CircleSettings], int]) -> Setting:
    return Setting(name, "N", explains, whole_number, lambda s: str(shown(s)))


def _days(name: str, explains: Msg, shown: Callable[[CircleSettings], int]) -> Setting:
    return Setting(name, "DAYS", explains, whole_number, lambda s: said.DAYS.with_(n=shown(s)))


SETTINGS = Settings(
    _number("vouches", said.EXPLAINS_VOUCHES, lambda s: s.vouches),
    _number("size", said.EXPLAINS_SIZE, lambda s: s.size),
    Setting("tz", "ZONE", said.EXPLAINS_TZ, _as_is, lambda s: s.tz),
    Setting(
        "turn",
        "DURATION",
        said.EXPLAINS_TURN,
        parse_duration,
        lambda s: Duration.of(s.turn),
    ),
    _days("retention", said.EXPLAINS_RETENTION, lambda s: s.retention_days),
    _days("tenure", said.EXPLAINS_TENURE, lambda s: s.tenure_days),
    _days("expiry", said.EXPLAINS_EXPIRY, lambda s: s.request_days),
    _days("vouch-history", said.EXPLAINS_VOUCH_HISTORY, lambda s: s.vouch_retention_days),
    Setting(
        "resources",
        "dm|group",
        said.EXPLAINS_RESOURCES,
        _word(RESOURCES_WHERE),
        lambda s: "group" if s.resources_in_group else "dm",
    ),
    Setting(
        "door",
        "locked|open",
        said.EXPLAINS_DOOR,
        _word(DOOR),
        lambda s: s.door.value,
        effect=_door,
    ),
    Setting(
        "unvouched",
        "hold|allow",
        said.EXPLAINS_UNVOUCHED,
        _word(UNVOUCHED),
        lambda s: s.unvouched.value,
    ),
    Setting(
        "disappearing",
        "DURATION|off",
        said.EXPLAINS_DISAPPEARING,
        _disappearing,
        lambda s: disappearing_shown(s.disappearing),
        effect=_set_group_timer,
    ),
    _number("load", holding.EXPLAINS_LOAD, lambda s: s.load_limit),
    Setting(
        "tell-expiry",
        "DAYS",
        said.EXPLAINS_TELL_EXPIRY,
        whole_number,
        lambda s: said.DAYS.with_(n=s.tell_expiry_days),
        effect=_retime_tickets,
    ),
    Setting(
        "agreement",
        "consent|facilitators",
        said.EXPLAINS_AGREEMENT,
        _word(AGREEMENT_BY),
        lambda s: "consent" if s.agreement_by_consent else "facilitators",
    ),
    Setting(
        "language",
        "|".join(CODES),
        said_language.EXPLAINS,
        _as_is,  # CircleSettings.with_setting takes a code or a name (Español, Deutsch)
        lambda s: language_shown(s.language),
    ),
)
