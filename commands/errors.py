"""How a command says no. Both end as a short reply and change nothing.

Neither ever quotes the member's message (commands/context.py ``refuse``): a refusal in the
group is posted without a quote, or, when it is about the person (``alone``), sent to them
by direct message with a 📬 on their message in the group."""

from __future__ import annotations

from commands.speech import Text
from commands.types import Priority


class UsageError(Exception):
    """The command was malformed: the member gets that command's usage line, and ``hint``
    (what it needs, never what they typed) after it."""

    def __init__(self, hint: Text | None = None, *, usage: Text | None = None) -> None:
        super().__init__("usage")
        self.hint = hint
        self.usage = usage  # a narrower usage line than the command's, e.g. one subcommand


class Refusal(Exception):
    """The command was understood but cannot be done; ``reply`` says why, kindly, and what
    to do next. ``priority``: of that reply (what someone in no circle gets from ``/sos`` is
    urgent). ``alone``: it is about the person (their role, their standing, a private
    command typed in the group), so in a group it goes to them alone, by direct message."""

    def __init__(
        self, reply: Text, *, priority: Priority = Priority.NORMAL, alone: bool = False
    ) -> None:
        super().__init__("refusal")
        self.reply = reply
        self.priority = priority
        self.alone = alone


class Quiet(Exception):
    """Refused without a word: the sender was already told why (see commands.guards.standing)."""
