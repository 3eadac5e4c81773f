"""`holdspace try`: the real bot process, the sandbox gateway, and a chat in the terminal.

Type as a member: ``alice: /help``, ``dm carol: /help``, ``bob reply: /help`` (quote-replies
to the bot's last group message), ``@name`` in a line becomes a Signal mention, and
``wait 2m`` moves the bot's clock forward so timers (turns, warnings, the close) come due,
``{code}`` stands for the last invite code the bot sent anyone, ``{ticket}`` for the last
``/tell`` conversation number (drawn with gaps, so not guessable), and ``app alice adds frank``,
``app dana leaves``, ``app alice removes bob`` act in the Signal app, behind the bot's back.
A second group, "Thursday circle" (Alice its admin, Carol in it), takes ``alice in thursday:
/circle setup venting``: someone in two circles, as many are.
Without a terminal (or with ``--script FILE``) it plays a scripted tour and exits.
``--language es`` sets the demo circle up in that language: a ``/circle setup`` that names
no language (the tour's, or one typed) gets the code added, as a facilitator would type it.
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from importlib import resources
from pathlib import Path

from bot.launcher import BotProcess
from bot.sandbox import Group, Person, SandboxGateway, SentMessage
from commands.compose import PLACEHOLDER, utf16_len
from facilitation.durations import DurationError, parse_duration

BOT_NUMBER = "+15550000001"
CODE = re.compile(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b")
"""An invite code, found whatever language the words around it are in (``--language``)."""
TICKET = re.compile(r"/reply (\d+)\b")
"""A ``/tell`` conversation's number, from the ``/reply N`` every language's text shows."""
WAIT = re.compile(r"^\s*wait\s+(?P<duration>\S+)\s*$", re.I)
LINE = re.compile(
    r"^\s*(?P<dm>dm\s+)?(?P<who>[a-z]+)(?P<reply>\s+reply)?(?:\s+in\s+(?P<group>[a-z]+))?"
    r"\s*:\s*(?P<text>.*)$",
    re.I,
)
APP = re.compile(
    r"^\s*app\s+(?P<who>[a-z]+)\s+(?P<verb>adds|removes|leaves)(?:\s+(?P<whom>[a-z]+))?\s*$",
    re.I,
)
SETUP = re.compile(r"^\s*/circle\s+setup(?:\s+(?:support|venting|mastermind))?\s*$", re.I)
QUIET_SECONDS = 0.4
REPLY_WAIT_SECONDS = 2.5


def in_language(text: str, language: str | None) -> str:
    """``/circle setup support`` → ``/circle setup support es`` with ``--language es``; a
    setup that names its language, and every other line, as typed."""
    if language is None or SETUP.match(text) is None:
        return text
    return f"{text.rstrip()} {language}"


class Demo:
    def __init__(
        self, gateway: SandboxGateway, bot: BotProcess, language: str | None = None
    ) -> None:
        self.gw = gateway
        self.bot = bot
        self.language = language
        """The code the demo circle is set up in (``--language``); None: as typed."""
        self.people: dict[str, Person] = {}
        self.group: Group | None = None
        self.groups: dict[str, Group] = {}
        self.shown_messages = 0
        self.shown_reactions = 0

    def build(self) -> None:
        alice = self.gw.add_person("Alice", number="+15550000002")
        bob = self.gw.add_person("Bob", number="+15550000003")
        carol = self.gw.add_person("Carol", number=None)  # phone number hidden
        dana = self.gw.add_person("Dana", number="+15550000004")
        erin = self.gw.add_person("Erin", number="+15550000005")  # not in the group
        frank = self.gw.add_person("Frank", number="+15550000006")  # not in the group
        self.people = {p.name.lower(): p for p in (alice, bob, carol, dana, erin, frank)}
        self.group = self.gw.create_group(
            "Tuesday circle", members=[alice, bob, carol, dana], admins=[alice], bot_is_admin=True
        )
        thursday = self.gw.create_group(
            "Thursday circle", members=[alice, carol], admins=[alice], bot_is_admin=True
        )
        self.groups = {"tuesday": self.group, "thursday": thursday}
        # Ordinary groups, as the Signal app makes them: /circle setup locks their doors.
        for group in self.groups.values():
            group.permissions["add_members"] = "every-member"
            group.link = "enabled"

    def name_of(self, aci: str | None) -> str:
        for person in self.people.values():
            if aci is not None and person.uuid.lower() == aci.lower():
                return person.name
        return "holdspace" if aci == self.gw.bot_uuid else "someone"

    async def say(self, line: str) -> bool:
        waiting = WAIT.match(line)
        if waiting is not None:
            try:
                later = parse_duration(waiting["duration"])
            except DurationError:
                print("  (wait takes a duration like 30s, 2m or 1h)")
                return False
            print(f"  ~ {waiting['duration']} later")
            self.bot.advance_clock(int(later.total_seconds() * 1000))
            return True
        acting = APP.match(line)
        if acting is not None:
            return await self._in_the_app(acting)
        for placeholder, pattern in (("{code}", CODE), ("{ticket}", TICKET)):
            if placeholder in line:
                line = line.replace(placeholder, self.last_sent(pattern) or "NONE-YET")
        match = LINE.match(line)
        if match is None:
            print(
                "  (type like 'alice: /help', 'dm carol: /help', 'bob reply: /help' or 'wait 1m')"
            )
            return False
        person = self.people.get(match["who"].lower())
        if person is None:
            print(f"  (nobody called {match['who']}; try {', '.join(self.people)})")
            return False
        typed = in_language(match["text"], self.language)
        text, mentions = self._mentions(typed)
        if match["dm"]:
            print(f"{person.name} → holdspace (direct): {typed}")
            await self.gw.dm(person, text)
            return True
        group = self.groups.get((match["group"] or "tuesday").lower())
        if group is None:
            names = ", ".join(self.groups)
            print(f"  (the groups are {names}: try 'alice in thursday: /circle')")
            return False
        quote = self._last_group_message(group) if match["reply"] else None
        if person not in self.gw.members_of(group):
            print(
                f"  ({person.name} isn't in the group yet: try 'dm {match['who'].lower()}: /help')"
            )
            return False
        print(f"{person.name}{self._in(group)}: {typed}")
        await self.gw.say(person, text, group=group, quote=quote, mentions=mentions)
        return True

    def _in(self, group: Group | None) -> str:
        """`` in Thursday circle`` for a group other than the first, else nothing."""
        return "" if group is None or group is self.group else f" in {group.name}"

    async def _in_the_app(self, acting: re.Match[str]) -> bool:
        """Someone acts in the Signal app; the bot only sees the group change."""
        assert self.group is not None
        who = self.people.get(acting["who"].lower())
        whom = self.people.get((acting["whom"] or "").lower())
        verb = acting["verb"].lower()
        if who is None or (verb != "leaves" and whom is None):
            names = ", ".join(self.people)
            print(f"  (try 'app alice adds frank' or 'app dana leaves'; people: {names})")
            return False
        try:
            if verb == "leaves":
                await self.gw.leave_group(who, self.group)
                print(f"  [{who.name} left the group in the Signal app]")
            elif verb == "adds":
                assert whom is not None
                await self.gw.add_to_group(who, self.group, whom)
                print(f"  [{who.name} added {whom.name} to the group in the Signal app]")
            else:
                assert whom is not None
                await self.gw.remove_from_group(who, self.group, whom)
                print(f"  [{who.name} removed {whom.name} from the group in the Signal app]")
        except PermissionError as refused:
            print(
                f"  (the Signal app wouldn't allow that: {str(refused).removeprefix('sandbox: ')})"
            )
            return False
        return True

    def last_sent(self, pattern: re.Pattern[str]) -> str | None:
        """What ``pattern`` finds in the last message the bot sent anyone that has it."""
        for message in reversed(self.gw.sent):
            found = pattern.search(message.text)
            if found:
                return found.group(1)
        return None

    def _mentions(self, text: str) -> tuple[str, list[tuple[int, int, Person]]]:
        out, mentions = "", []
        for piece in re.split(r"(@[a-z]+)", text, flags=re.I):
            person = self.people.get(piece[1:].lower()) if piece.startswith("@") else None
            if person is None:
                out += piece
                continue
            mentions.append((utf16_len(out), 1, person))
            out += PLACEHOLDER
        return out, mentions

    def _last_group_message(self, group: Group) -> SentMessage | None:
        """The bot's last post in ``group`` (an announcement, not an answer to someone)."""
        posts = (
            m
            for m in reversed(self.gw.sent)
            if m.group is not None
            and m.group.internal_id == group.internal_id
            and m.quote_timestamp is None
        )
        return next(posts, None)

    def render(self, message: SentMessage) -> str:
        text = _render_mentions(message.text, message.mentions, self.name_of)
        where = (
            f"holdspace{self._in(self._group_of(message))}"
            if message.group is not None
            else (f"holdspace → {message.to.name if message.to else 'someone'} (direct)")
        )
        lines = []
        if message.quote_timestamp is not None and message.group is not None:
            lines.append(f"  ↳ replying to {self.name_of(message.quote_author)}")
        body = text.replace("\n", "\n    ")
        lines.append(f"{where}: {body}")
        lines += [  # a terminal can't show the chart: say what a phone would show
            f"    📎 {a.filename or 'attachment'} ({a.content_type}, {a.size} bytes)"
            for a in message.attachments
        ]
        return "\n".join(lines)

    def _group_of(self, message: SentMessage) -> Group | None:
        sent_to = message.group
        return next(
            (
                g
                for g in self.groups.values()
                if sent_to is not None and g.internal_id == sent_to.internal_id
            ),
            None,
        )

    def print_new(self) -> None:
        while self.shown_messages < len(self.gw.sent):
            print(self.render(self.gw.sent[self.shown_messages]))
            self.shown_messages += 1
        while self.shown_reactions < len(self.gw.reactions):
            reaction = self.gw.reactions[self.shown_reactions]
            who = self.name_of(reaction.target_author)
            print(f"holdspace reacted {reaction.emoji} to {who}'s message")
            self.shown_reactions += 1

    async def settle(self) -> None:
        """Wait for the bot's answer (if any), then until it has been quiet for a moment."""
        loop = asyncio.get_running_loop()
        seen = (len(self.gw.sent), len(self.gw.reactions))
        deadline = loop.time() + REPLY_WAIT_SECONDS
        while loop.time() < deadline:
            await asyncio.sleep(0.05)
            now = (len(self.gw.sent), len(self.gw.reactions))
            if now != seen:
                seen, deadline = now, loop.time() + QUIET_SECONDS
        self.print_new()


def _render_mentions(text: str, mentions: list[dict[str, object]], name_of: object) -> str:
    """Replace each mention placeholder (UTF-16 offsets) with @Name."""
    units = text.encode("utf-16-le")
    for mention in sorted(mentions, key=lambda m: int(str(m["start"])), reverse=True):
        start, length = int(str(mention["start"])), int(str(mention["length"]))
        name = name_of(str(mention.get("author")))  # type: ignore[operator]
        units = units[: start * 2] + f"@{name}".encode("utf-16-le") + units[(start + length) * 2 :]
    return units.decode("utf-16-le")


def _tour_lines() -> list[str]:
    return resources.files("bot").joinpath("tour.txt").read_text(encoding="utf-8").splitlines()


async def run_try(script: str | None, interactive: bool | None, language: str | None = None) -> int:
    if interactive is None:
        interactive = script is None and sys.stdin.isatty() and sys.stdout.isatty()
    lines = Path(script).read_text(encoding="utf-8").splitlines() if script else _tour_lines()  # noqa: ASYNC240
    lines = [line for line in lines if line.strip()]
    workdir = Path(tempfile.mkdtemp(prefix="holdspace-try-"))
    async with SandboxGateway(account=BOT_NUMBER, buffered=True) as gateway:
        bot = BotProcess(
            service=gateway.service, phone_number=BOT_NUMBER, workdir=workdir, log_level="WARNING"
        )
        demo = Demo(gateway, bot, language)
        demo.build()
        print("Starting holdspace (the real bot) against the sandbox gateway…")
        await bot.start()
        try:
            await gateway.wait_connected(timeout=60)
        except TimeoutError:
            print("The bot did not connect. Its log:\n" + bot.log_text(), file=sys.stderr)
            await bot.stop()
            return 1
        print(
            "Connected. A demo circle: Alice (group admin), Bob, Carol, Dana; Erin and Frank "
            "are outside. A second group, Thursday circle: Alice and Carol.\n"
        )
        try:
            if interactive:
                await _chat(demo)
            else:
                for line in lines:
                    if line.lstrip().startswith("#"):
                        print(f"\n  ~ {line.lstrip('# ').strip()}")
                        continue
                    if await demo.say(line):
                        await demo.settle()
                    if not bot.running:
                        print("The bot stopped unexpectedly.", file=sys.stderr)
                        return 1
        finally:
            code = await bot.stop()
    print(f"\nThe bot stopped cleanly (exit {code}). Its database and log are in {workdir}.")
    return 0 if code == 0 else 1


async def _chat(demo: Demo) -> None:
    print(
        "Type as a member, e.g. 'alice: /circle setup' or 'dm carol: /help'; "
        "'wait 5m' moves time on. Ctrl-D to quit."
    )
    loop = asyncio.get_running_loop()
    while True:
        try:
            line = await loop.run_in_executor(None, input, "> ")
        except EOFError:
            return
        if line.strip() in ("/quit", "quit", "exit"):
            return
        if line.strip() and await demo.say(line):
            await demo.settle()
