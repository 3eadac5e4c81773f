"""After a whole scenario, nothing identifying is on disk or in the logs, in any spelling."""

from __future__ import annotations

import base64
from pathlib import Path

from sqlalchemy import select

from storage.db import create_engine
from storage.models import Base
from tests.e2e.world import World

SECRET_WORDS = (
    "Sparrowhawk pledge",
    "Skylark",
    "Nightjar",
    "Wombatfeeling",
    "Capybaragoal",
    "Okapitopic",
    "Pangolinworry",  # a /tell, relayed
    "Axolotlanswer",  # a facilitator's /reply
    "Quokkareason",  # a reason given with a vote
    "Narwhalproposal",  # a proposal, closed
    "Kestreldebrief",  # a host's debrief words
)


def spellings(world: World) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for person in (world.alice, world.bob, world.carol, world.dana, world.erin):
        found[f"{person.name} name"] = person.name.encode()
        found[f"{person.name} uuid"] = person.uuid.encode()
        found[f"{person.name} uuid upper"] = person.uuid.upper().encode()
        found[f"{person.name} uuid hex"] = person.uuid.replace("-", "").encode()
        found[f"{person.name} uuid bytes"] = bytes.fromhex(person.uuid.replace("-", ""))
        if person.number:
            found[f"{person.name} number"] = person.number.encode()
            found[f"{person.name} digits"] = person.number.lstrip("+").encode()
    found["group internal id"] = world.group.internal_id.encode()
    found["group rest id"] = world.group.rest_id.encode()
    found["group id bytes"] = base64.b64decode(world.group.internal_id)
    found["group name"] = world.group.name.encode()
    for word in SECRET_WORDS:
        found[word] = word.encode()
        found[word + " utf16"] = word.encode("utf-16-le")
    return found


async def test_database_and_logs_hold_no_identifier_or_words(world: World) -> None:
    await world.setup_circle()
    await world.ask(world.carol, f"/alias {SECRET_WORDS[1]}")
    await world.ask(world.alice, f"/agreement set {SECRET_WORDS[0]}: we keep it here.")
    await world.ask(world.bob, f"/alias {SECRET_WORDS[2]}")
    await world.ask_dm(world.dana, "/agree")
    await world.ask_dm(world.erin, "/help")
    await world.expect_refusal(
        world.bob,
        "/frobnicate " + world.dana.uuid,
        "I don't know /frobnicate. Send /help to see what I can do.",
    )
    # a session: check-in words, a topic and a goal are stored, encrypted
    await world.agree_in_group(world.alice, world.bob)
    await world.start_session(world.alice)
    for text, emoji in (
        (f"/checkin 2 {SECRET_WORDS[3]}", "🌱"),
        (f"/hand {SECRET_WORDS[5]}", "✋"),
        (f"/checkout {SECRET_WORDS[4]}", "💛"),
    ):
        await world.expect_reaction(world.bob, text, emoji)
    # the host's debrief: its words are stored, encrypted, and never shown
    await world.say(world.alice, "/session end")
    await world.expect_dm_to(world.alice, "How are you after holding it?")
    low = await world.ask_dm(world.alice, f"/debrief 2 {SECRET_WORDS[10]}")
    assert "another facilitator" in low.text
    # the anonymous line and a proposal: relayed, answered, closed; no words are kept
    await world.dm(world.bob, f"/tell {SECRET_WORDS[6]} after Sunday")
    told = await world.expect_dm_to(world.bob, "without your name")
    number = told.text.split("conversation #")[1].split(".")[0]
    await world.expect_dm_to(world.alice, SECRET_WORDS[6])
    await world.dm(world.alice, f"/reply {number} {SECRET_WORDS[7]}")
    await world.expect_dm_to(world.bob, SECRET_WORDS[7])
    await world.say(world.alice, f"/propose {SECRET_WORDS[9]} for 1h")
    await world.expect_post("Proposal #1")
    await world.dm(world.bob, f"/consent 1 concern {SECRET_WORDS[8]}")
    await world.expect_dm_to(world.bob, "Your answer to #1 is counted")
    world.advance_clock(3_600_000)
    await world.expect_post("Proposal #1 did not pass.")
    await world.expect_dm_to(world.alice, SECRET_WORDS[8])
    await world.dm(world.bob, f"/tell close {number}")
    await world.expect_dm_to(world.bob, f"Conversation #{number} is closed.")
    # the roster follows the group: Erin added in the app (unvouched), Dana removed (banned)
    await world.add_to_group(world.alice, world.erin)
    await world.expect_dm_to(world.alice, "without a vouch")
    await world.remove_from_group(world.alice, world.dana)
    await world.expect_dm_to(world.alice, "was removed")
    assert await world.bot.stop() == 0

    blobs = {"every stored value": await stored_values(world.bot.db_url)}
    files = [p for p in world.bot.workdir.iterdir() if p.name.startswith("holdspace.db")]
    blobs.update({p.name: p.read_bytes() for p in files})  # SQLite: the file's bytes too
    log = world.bot.log_text()
    assert "holdspace is ready" in log  # logging was on, at DEBUG
    leaks = [
        f"{label} in {where}"
        for label, needle in spellings(world).items()
        for where, haystack in [*blobs.items(), ("the log", log.encode())]
        if needle in haystack
    ]
    assert not leaks, leaks
    for path in files:
        assert (Path(path).stat().st_mode & 0o077) == 0  # owner-only database file


async def stored_values(url: str) -> bytes:
    """Every value in every table, as the database holds it (any backend)."""
    engine = create_engine(url)
    parts: list[bytes] = []
    try:
        async with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                for row in await connection.execute(select(table)):
                    for value in row:
                        if isinstance(value, bytes | bytearray | memoryview):
                            parts.append(bytes(value))
                        elif value is not None:
                            parts.append(str(value).encode())
    finally:
        await engine.dispose()
    assert parts, "the bot stored nothing"
    return b"\x00".join(parts)
