"""The end-to-end world: the sandbox gateway in this process, the real bot in another, and
five people (tests/e2e/chat.py says how a test talks with the bot)."""

from __future__ import annotations

from pathlib import Path

from bot.launcher import BotProcess
from bot.sandbox import Group, Person, SandboxGateway, SentMessage
from tests.e2e.chat import BotChat

BOT_NUMBER = "+15550000001"
STRANGER = (
    "Hi, I'm holdspace, the helper bot for private peer-support circles. Circles are "
    "invite-only: a member who knows you gives you a code, and members vouch you in. With a "
    "code, send:\n/join CODE Name: a few words about you\nChoose a name to go by, not your "
    "legal or work name: the circle will see it. I keep nothing about you unless you ask to "
    "join."
)
"""What the bot answers someone in no circle."""
NO_REQUESTS = "No join requests are open. Members can /invite someone they know."
NOTHING_VETTED = (
    "Nothing vetted matches that yet. Know someone good? "
    "/resource add <category> <name> ; <contact> ; <notes>"
)


class World(BotChat):
    def __init__(
        self,
        gw: SandboxGateway,
        bot: BotProcess,
        group: Group,
        alice: Person,  # the Signal group's admin
        bob: Person,
        carol: Person,  # phone number hidden
        dana: Person,
        erin: Person,  # not in the group
    ) -> None:
        super().__init__(gw, bot, group)
        self.alice, self.bob, self.carol, self.dana, self.erin = alice, bob, carol, dana, erin

    async def setup_circle(self) -> None:
        reply = await self.ask(self.alice, "/circle setup support")
        assert "now a holdspace circle" in reply.text

    async def agree_in_group(self, *people: Person) -> None:
        """Each accepts the agreement in the group (the bot reacts 🤝)."""
        for person in people:
            await self.expect_reaction(person, "/agree", "🤝")

    async def agree_all(self) -> None:
        """Everyone in the group accepts the agreement."""
        await self.agree_in_group(self.alice, self.bob, self.carol, self.dana)

    async def start_session(self, person: Person, length: str = "30m") -> SentMessage:
        """``person`` (a facilitator) opens a session; returns the opening post, once it
        calls for check-ins."""
        await self.say(person, f"/session start {length}")
        return await self.expect_post("/checkin")


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
