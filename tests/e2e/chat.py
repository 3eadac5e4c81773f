"""End-to-end tests that read like a chat with the real bot (errbot's assertCommand is the
model).

Someone says something (``say``, ``dm``), acts in the Signal app (``leave_group``,
``add_to_group``, ...), the bot's clock moves (``advance_clock``), the bot starts: each is an
action. The first action after the test last waited for the bot begins a *turn*, and every
expectation looks at what the bot sent since its turn began, in whatever order it arrived::

    await chat.expect_reaction(bob, "/hand", "✋")
    await chat.say(alice, "/next")
    floor = await chat.expect_post("you have the floor")

``ask`` and ``ask_dm`` say something and return the bot's answer to it; ``expect_reply`` and
``expect_dm`` also check the whole answer, word for word, as the person reads it. Where a test
only needs to know that something arrived, it says which: ``expect_post``, ``expect_dm_to``
(a message containing a few words). ``listen()`` keeps what the bot says from then on,
across turns, for "exactly once" and "nothing else" checks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.launcher import BotProcess
from bot.sandbox import Group, Person, SandboxGateway, SentMessage, SentReaction
from bot.sandbox.gateway import QuoteSpec
from bot.sandbox.model import MentionSpec

REPLY_TIMEOUT = 30.0
"""How long any expectation waits for the bot (only a failing test waits that long)."""


@dataclass(frozen=True)
class Heard:
    """What the bot sent from one moment on: a live view, growing as the bot speaks."""

    gw: SandboxGateway
    start: int

    @property
    def messages(self) -> list[SentMessage]:
        return self.gw.sent[self.start :]

    @property
    def posts(self) -> list[SentMessage]:
        """Messages to a group."""
        return [m for m in self.messages if m.group is not None]

    def to(self, person: Person) -> list[SentMessage]:
        """Direct messages to ``person``."""
        return [m for m in self.messages if m.to == person]

    def count(self, words: str) -> int:
        """How many messages contain ``words``."""
        return sum(words in m.text for m in self.messages)


class BotChat:
    """The real bot (``bot``) behind the sandbox gateway (``gw``), with its circle's group."""

    def __init__(self, gw: SandboxGateway, bot: BotProcess, group: Group) -> None:
        self.gw = gw
        self.bot = bot
        self.group = group
        self._turn = Heard(gw, 0)
        self._reactions_from = 0
        self._turn_open = False

    # --- actions ---------------------------------------------------------------------------
    def _act(self) -> None:
        if not self._turn_open:
            self._turn = Heard(self.gw, len(self.gw.sent))
            self._reactions_from = len(self.gw.reactions)
            self._turn_open = True

    async def say(
        self,
        person: Person,
        text: str,
        *,
        quote: QuoteSpec | None = None,
        mentions: Sequence[MentionSpec] = (),
    ) -> int:
        """``person`` writes ``text`` in the group; returns its timestamp."""
        self._act()
        return await self.gw.say(person, text, self.group, quote=quote, mentions=mentions)

    async def dm(self, person: Person, text: str, *, quote: QuoteSpec | None = None) -> int:
        """``person`` writes ``text`` to the bot directly; returns its timestamp."""
        self._act()
        return await self.gw.dm(person, text, quote=quote)

    def advance_clock(self, ms: int) -> None:
        """Move the bot's clock on (it re-arms its timers at once if it is running)."""
        self._act()
        self.bot.advance_clock(ms)

    async def start_bot(self) -> None:
        self._act()
        before = self.gw.connection_count
        await self.bot.start()
        await self.gw.wait_reconnected(before, timeout=60)

    async def add_to_group(self, by: Person, person: Person, group: Group | None = None) -> None:
        self._act()
        await self.gw.add_to_group(by, group or self.group, person)

    async def remove_from_group(
        self, by: Person, person: Person, group: Group | None = None
    ) -> None:
        self._act()
        await self.gw.remove_from_group(by, group or self.group, person)

    async def leave_group(self, person: Person, group: Group | None = None) -> None:
        self._act()
        await self.gw.leave_group(person, group or self.group)

    async def join_by_link(self, person: Person, group: Group | None = None) -> None:
        self._act()
        await self.gw.join_by_link(person, group or self.group)

    async def change_group(self, by: Person, group: Group | None = None, **change: Any) -> None:
        """``by`` changes the group's settings in the app (permissions, link, name, ...)."""
        self._act()
        await self.gw.change_group(by, group or self.group, **change)

    # --- acting, then expecting --------------------------------------------------------------
    async def ask(
        self,
        person: Person,
        text: str,
        *,
        quote: QuoteSpec | None = None,
        mentions: Sequence[MentionSpec] = (),
        timeout: float = REPLY_TIMEOUT,
    ) -> SentMessage:
        """``person`` says ``text`` in the group; returns the bot's reply quoting it."""
        ts = await self.say(person, text, quote=quote, mentions=mentions)
        return await self.expect_reply_to(ts, timeout=timeout)

    async def ask_dm(
        self, person: Person, text: str, *, timeout: float = REPLY_TIMEOUT
    ) -> SentMessage:
        """``person`` writes ``text`` to the bot; returns the bot's direct answer."""
        await self.dm(person, text)
        return await self._expect(lambda m: m.to == person, timeout, f"an answer to {text!r}")

    async def expect_reply(
        self, person: Person, text: str, reply: str, *, mentions: Sequence[MentionSpec] = ()
    ) -> SentMessage:
        """``person`` says ``text`` in the group; the bot replies exactly ``reply`` (as
        ``person`` reads it: a mention shows as @Name)."""
        answer = await self.ask(person, text, mentions=mentions)
        assert answer.rendered(self.gw) == reply
        return answer

    async def expect_dm(self, person: Person, text: str, reply: str) -> SentMessage:
        """``person`` writes ``text`` to the bot; the bot answers exactly ``reply``."""
        answer = await self.ask_dm(person, text)
        assert answer.rendered(self.gw) == reply
        return answer

    async def expect_refusal(
        self, person: Person, text: str, reply: str, *, alone: bool = False
    ) -> SentMessage:
        """``person`` says ``text`` in the group and is refused exactly ``reply``, never as a
        quote of their message: posted in the group, or (``alone``: a refusal about them) sent
        to them by direct message, with a 📬 on their message in the group."""
        ts = await self.say(person, text)
        if alone:
            answer = await self._expect(lambda m: m.to == person, REPLY_TIMEOUT, "a refusal")
            reaction = await self.gw.wait_for_reaction(
                lambda r: r.target_timestamp == ts,
                after=self._reactions_from,
                timeout=REPLY_TIMEOUT,
            )
            assert reaction.emoji == "📬"
        else:
            answer = await self._expect(
                lambda m: m.group is not None and m.quote_timestamp is None,
                REPLY_TIMEOUT,
                "a refusal in the group",
            )
        assert answer.quote_timestamp is None
        assert answer.rendered(self.gw) == reply
        return answer

    async def expect_reaction(
        self,
        person: Person,
        text: str,
        emoji: str,
        *,
        dm: bool = False,
        quote: QuoteSpec | None = None,
    ) -> SentReaction:
        """``person`` says ``text`` (in the group, or to the bot with ``dm``); the bot
        acknowledges it with ``emoji``."""
        ts = await (
            self.dm(person, text, quote=quote) if dm else self.say(person, text, quote=quote)
        )
        reaction = await self.gw.wait_for_reaction(
            lambda r: r.target_timestamp == ts, after=self._reactions_from, timeout=REPLY_TIMEOUT
        )
        self._turn_open = False
        assert reaction.emoji == emoji, f"{text!r}: {reaction.emoji} instead of {emoji}"
        return reaction

    # --- expecting ---------------------------------------------------------------------------
    async def expect_reply_to(self, ts: int, *, timeout: float = REPLY_TIMEOUT) -> SentMessage:
        """The bot's reply quoting the message sent at ``ts``."""
        return await self._expect(lambda m: m.quote_timestamp == ts, timeout, "a reply")

    async def expect_post(self, words: str, *, timeout: float = REPLY_TIMEOUT) -> SentMessage:
        """A message to the group containing ``words``."""
        return await self._expect(
            lambda m: m.group is not None and words in m.text, timeout, f"a post with {words!r}"
        )

    async def expect_dm_to(
        self, person: Person, words: str, *, timeout: float = REPLY_TIMEOUT
    ) -> SentMessage:
        """A direct message to ``person`` containing ``words``."""
        return await self._expect(
            lambda m: m.to == person and words in m.text, timeout, f"a message with {words!r}"
        )

    async def _expect(
        self, matches: Callable[[SentMessage], bool], timeout: float, what: str
    ) -> SentMessage:
        try:
            found = await self.gw.wait_for_sent(matches, after=self._turn.start, timeout=timeout)
        except TimeoutError:
            said = "\n".join(f"  {m.rendered(self.gw)!r}" for m in self._turn.messages)
            raise AssertionError(
                f"waited in vain for {what}; this turn the bot said:\n{said}"
            ) from None
        self._turn_open = False
        return found

    @property
    def this_turn(self) -> Heard:
        """What the bot sent since the current turn began."""
        return self._turn

    def listen(self) -> Heard:
        """What the bot sends from now on, across turns."""
        return Heard(self.gw, len(self.gw.sent))

    def replies_to(self, ts: int) -> list[SentMessage]:
        """Every reply quoting the message sent at ``ts`` (so far)."""
        return [m for m in self.gw.sent if m.quote_timestamp == ts]
