"""The end-to-end world: the sandbox gateway in this process, the real bot in another."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.launcher import BotProcess
from bot.sandbox import Group, Person, SandboxGateway, SentMessage
from bot.sandbox.gateway import QuoteSpec
from bot.sandbox.model import MentionSpec

BOT_NUMBER = "+15550000001"
REPLY_TIMEOUT = 20.0


@dataclass
class World:
    gw: SandboxGateway
    bot: BotProcess
    group: Group
    alice: Person  # the Signal group's admin
    bob: Person
    carol: Person  # phone number hidden
    dana: Person
    erin: Person  # not in the group

    async def start_bot(self) -> None:
        before = self.gw.connection_count
        await self.bot.start()
        await self.gw.wait_reconnected(before, timeout=60)

    async def ask(
        self,
        person: Person,
        text: str,
        *,
        quote: QuoteSpec | None = None,
        mentions: Sequence[MentionSpec] = (),
        timeout: float = REPLY_TIMEOUT,
    ) -> SentMessage:
        """Say something in the group and wait for the bot's quote-reply to it."""
        after = len(self.gw.sent)
        ts = await self.gw.say(person, text, self.group, quote=quote, mentions=mentions)
        return await self.gw.wait_for_sent(
            lambda m: m.quote_timestamp == ts, after=after, timeout=timeout
        )

    async def ask_dm(
        self, person: Person, text: str, timeout: float = REPLY_TIMEOUT
    ) -> SentMessage:
        after = len(self.gw.sent)
        await self.gw.dm(person, text)
        return await self.gw.wait_for_sent(lambda m: m.to == person, after=after, timeout=timeout)

    async def agree_in_group(self, *people: Person) -> None:
        """Each accepts the agreement in the group (the bot reacts 🤝)."""
        for person in people:
            after = len(self.gw.reactions)
            ts = await self.gw.say(person, "/agree", self.group)
            await self.gw.wait_for_reaction(lambda r, ts=ts: r.target_timestamp == ts, after=after)

    async def start_session(self, person: Person, length: str = "30m") -> None:
        """``person`` (a facilitator) opens a session; returns once check-in is called."""
        mark = len(self.gw.sent)
        await self.gw.say(person, f"/session start {length}", self.group)
        await self.gw.wait_for_sent(lambda m: "/checkin" in m.text, after=mark)

    async def setup_circle(self) -> None:
        reply = await self.ask(self.alice, "/circle setup support")
        assert "now a holdspace circle" in reply.text

    def replies_to(self, ts: int) -> list[SentMessage]:
        return [m for m in self.gw.sent if m.quote_timestamp == ts]


def make_world(
    gw: SandboxGateway, workdir: Path, log_level: str = "DEBUG", database_url: str | None = None
) -> World:
    alice = gw.add_person("Alice", number="+15550000002")
    bob = gw.add_person("Bob", number="+15550000003")
    carol = gw.add_person("Carol", number=None)
    dana = gw.add_person("Dana", number="+15550000004")
    erin = gw.add_person("Erin", number="+15550000005")
    group = gw.create_group(
        "Tuesday circle", members=[alice, bob, carol, dana], admins=[alice], bot_is_admin=True
    )
    # An ordinary Signal group, as the app makes one: every member may add people, and a
    # group link is on. /circle setup locks that door.
    group.permissions["add_members"] = "every-member"
    group.link = "enabled"
    bot = BotProcess(
        service=gw.service,
        phone_number=BOT_NUMBER,
        workdir=workdir,
        log_level=log_level,
        database_url=database_url,
    )
    return World(gw, bot, group, alice, bob, carol, dana, erin)
