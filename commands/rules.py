"""Who may use a command, where, and what someone in no circle gets from it.

Declared on each command (and each subcommand) in its router; checked before the handler
by the chain in ``commands.guards``. Plain data, so ``/help`` can read it too (through
``commands.help_catalog``) without knowing the handlers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, Flag, auto

from commands.speech import Text
from commands.types import Priority
from facilitation.i18n import Message, Piece, english


class Where(Flag):
    GROUP = auto()
    DIRECT = auto()
    ANYWHERE = GROUP | DIRECT


class Access(Enum):
    ANYONE = "anyone"  # works before a circle exists and for non-members
    MEMBER = "member"  # needs a circle and membership in it
    AGREED = "agreed"  # ...and acceptance of the current agreement
    FACILITATOR = "facilitator"
    CRISIS = "crisis"
    """Everyone, everywhere, first (``/sos``): no guard stops it, not an unresolved circle,
    a group that is no circle, someone in none, nor a rate limit. Its handler answers each
    case itself, with the guide to human help first."""


@dataclass(frozen=True, slots=True)
class Tenure:
    """A trust action that counts only from members who have been in the circle for its
    tenure (founders at once), by the same rule as a vouch. ``refusal`` is what a newer
    member hears: a message of the catalog with a ``when`` slot (``Slot.TEXT``), or a plain
    string whose ``{when}`` becomes "in 3 days"."""

    refusal: str | Message

    def saying(self, when: Piece) -> Text:
        if isinstance(self.refusal, Message):
            return self.refusal.with_(when=when)
        return self.refusal.format(when=english(when))


@dataclass(frozen=True, slots=True)
class Strangers:
    """What someone in no circle gets from a command, by direct message.

    The bot answers people outside every circle as little as it can: by default nothing
    at all. ``served``: the command runs for them (``/help``, ``/join``). ``if_known``: it
    runs if the bot holds something about them (a newcomer with a request may see and erase
    it). ``answer``: one fixed reply instead, a few times an hour at most (what ``/sos``
    gives someone in crisis who is in no circle)."""

    served: bool = False
    if_known: bool = False
    answer: Text | None = None
    priority: Priority = Priority.NORMAL


IGNORED = Strangers()
SERVED = Strangers(served=True)
IF_KNOWN = Strangers(if_known=True)


def answered(text: Text, *, priority: Priority = Priority.NORMAL) -> Strangers:
    return Strangers(answer=text, priority=priority)


@dataclass(frozen=True, slots=True)
class Rules:
    """The checks one command or subcommand passes before its handler runs."""

    where: Where = Where.ANYWHERE
    access: Access = Access.MEMBER
    trusted: bool = False
    """It reads or changes the circle's trust data (the directory, join requests, vouches,
    objections, invites, flags, vets): not for someone in the group without a vouch."""
    tenure: Tenure | None = None
    limited: bool = False
    """Each sender may try it only a few times an hour (``Deps.join_limits.per_sender``);
    past that it is dropped without a word (``/join``: guessing codes stays hopeless)."""
    elsewhere: Text | None = None
    """What someone hears who sends it in the wrong place, if not the usual line."""
