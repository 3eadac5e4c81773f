"""How a command says no. Both end as a short reply and change nothing."""

from __future__ import annotations

from commands.speech import Text
from commands.types import Priority


class UsageError(Exception):
    """The command was malformed: the member gets that command's usage line."""

    def __init__(self, hint: str | None = None, *, usage: str | None = None) -> None:
        super().__init__("usage")
        self.hint = hint
        self.usage = usage  # a narrower usage line than the command's, e.g. one subcommand


class Refusal(Exception):
    """The command was understood but cannot be done; ``reply`` says why, kindly.
    ``priority``: of that reply (what someone in no circle gets from ``/sos`` is urgent)."""

    def __init__(self, reply: Text, *, priority: Priority = Priority.NORMAL) -> None:
        super().__init__("refusal")
        self.reply = reply
        self.priority = priority


class Quiet(Exception):
    """Refused without a word: the sender was already told why (see commands.guards.standing)."""
