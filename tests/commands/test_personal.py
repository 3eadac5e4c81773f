"""/mydata and /forgetme through the command layer, and what is left after forgetting: no row
in any table, read raw and decrypted, can be linked to the person who asked."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from commands.confirmations import CONFIRM_MS, MAX_TRIES
from commands.personal_render import MESSAGE_CHARS, chunks
from commands.requests_flow import EXPIRY_TIMER
from commands.types import Incoming, Outgoing, OutgoingMessage, Recipient, encode_outgoing
from facilitation.circle import CircleSettings, Purpose, Role
from facilitation.debrief import Debrief
from facilitation.i18n import english
from facilitation.proposals import Kind, Stance, Vote, open_proposal
from facilitation.tell import Ticket
from facilitation.text import alias_key
from facilitation.texts.personal import LEFT_NOTICE, NOTHING_HELD
from storage.keyring import Keyring
from storage.models import Base, JoinRequestRow, ResourceRow, SessionRow
from storage.personal import PERSONAL_DATA, PERSONAL_TABLES, collect, erase, kind_of
from storage.unit_of_work import Storage
from tests.commands.chat import GROUP, OTHER_GROUP, Chat, aci, only_text, texts

ZONE = "America/Los_Angeles"  # the fake clock's 1 Jan 2026 00:00 UTC is 31 Dec here
ALIAS = "Quokkabob"
NEWCOMER_NAME = "Pangolina"
WORDS = {
    "checkin": "rough week XYLOPHONE",
    "checkout": "call the lawyer MARIMBA",
    "topic": "money OCARINA",
    "objection": "he outed a friend BASSOON",
    "flag": "they moved TUBA",
    "intro": "hoping for CELESTA",
}
OTHERS = {"alice": "Allyfac", "carol": "Cazzie", "dana": "Deedee"}
HARTMANN = "/resource add therapist Dr. Mira Hartmann ; mira@example.org ; sliding scale"
QUILL = "/resource add accountant Quill Tax Studio ; quill@example.org ; knows the industry"


def to(outgoing: list[Outgoing], who: str) -> list[OutgoingMessage]:
    return [o for o in outgoing if isinstance(o, OutgoingMessage) and o.to.aci == who]


def in_group(outgoing: list[Outgoing], group: str = GROUP) -> list[OutgoingMessage]:
    return [o for o in outgoing if isinstance(o, OutgoingMessage) and o.to.group_id == group]


async def invite_code(chat: Chat, inviter: str, group: str = GROUP) -> str:
    out = await chat.say(inviter, "/invite", group=group)
    [dm] = to(out, inviter)
    match = re.search(r"code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})", dm.text)
    assert match is not None
    return match.group(1)


def breathe(chat: Chat) -> None:
    """A minute passes (no timer comes due in it): nobody is sending faster than allowed."""
    chat.clock.advance(60_000)


async def drain(chat: Chat) -> None:
    """What the sender does: every pending message goes out and its outbox row is deleted."""
    async with chat.storage.unit_of_work() as uow:
        pending = await uow.outbox.pending(100_000)
        await uow.outbox.remove([row_id for row_id, _ in pending])
        await uow.commit()


@dataclass
class Story:
    chat: Chat
    p: dict[str, str]

    @property
    def bob(self) -> str:
        return self.p["bob"]


@pytest.fixture
async def story(circle: Chat, people: dict[str, str]) -> Story:
    """Bob, a founding member of the support circle, leaves a trace in every table that can
    hold one; and he has asked to join a second circle as a newcomer."""
    chat, p = circle, people
    bob = p["bob"]
    for name in ("alice", "bob", "carol", "dana"):
        await chat.say(p[name], "/agree")
    for name, alias in OTHERS.items():
        await chat.say(p[name], f"/alias {alias}")
    assert ALIAS in only_text(await chat.say(bob, f"/alias {ALIAS}"))
    await chat.say(p["alice"], f"/circle set tz {ZONE}")
    await chat.say(p["alice"], "/circle set vouches 3")  # requests stay open

    # A session that closed: its check-ins, and who spoke, are on record.
    await chat.say(p["alice"], "/session start 60m turn=20m")
    await chat.dm(bob, f"/checkin 2 {WORDS['checkin']}")
    await chat.say(p["carol"], "/checkin 4 fine thanks SAXOPHONE")
    await chat.say(p["dana"], "/checkin 3")
    await chat.say(bob, "/hand")
    await chat.say(p["alice"], "/next")
    await chat.say(bob, "/done")
    await chat.dm(bob, f"/checkout 4 {WORDS['checkout']}")
    await chat.say(p["alice"], "/session end")

    # An open session: dana speaks, bob's hand is up with a topic.
    await chat.say(p["alice"], "/session start 90m turn=20m")
    await chat.say(p["dana"], "/hand")
    await chat.say(bob, f"/hand {WORDS['topic']}")
    await chat.say(p["alice"], "/next")

    # Vouching: a vouch and an objection given, an invite outstanding.
    erin_code = await invite_code(chat, p["carol"])
    await chat.dm(p["erin"], f"/join {erin_code} Erin: hi there")
    assert "counts" in only_text(await chat.dm(bob, "/vouch 1"))
    frank = "f0000000-0000-4000-8000-00000000000f"
    p["frank"] = frank
    await chat.dm(frank, f"/join {await invite_code(chat, p['dana'])} Frank: hello")
    await chat.dm(bob, f"/object 2 {WORDS['objection']}")
    await invite_code(chat, bob)

    # The directory: one suggestion, a vet and a flag on someone else's.
    await chat.say(bob, HARTMANN)
    await chat.say(p["carol"], QUILL)
    await chat.dm(bob, "/resource vet 2")
    await chat.dm(bob, f"/resource flag 2 {WORDS['flag']}")

    # A newcomer elsewhere: bob asks to join dana's venting circle, set up a minute later.
    breathe(chat)
    chat.groups.set(OTHER_GROUP, members=[p["dana"], p["alice"]], admins=[p["dana"]])
    await chat.say(p["dana"], "/circle setup venting", group=OTHER_GROUP)
    await chat.say(p["dana"], "/agree", group=OTHER_GROUP)
    code = await invite_code(chat, p["dana"], group=OTHER_GROUP)
    joined = await chat.dm(bob, f"/join {code} {NEWCOMER_NAME}: {WORDS['intro']}")
    assert "request is with the circle" in to(joined, bob)[0].text
    breathe(chat)
    return Story(chat, p)


# --- /mydata ------------------------------------------------------------------------------------
async def test_mydata_shows_everything_held_about_them_and_nothing_about_anyone_else(
    story: Story,
) -> None:
    chat, p, bob = story.chat, story.p, story.bob
    out = await chat.dm(bob, "/mydata")
    assert out and all(isinstance(o, OutgoingMessage) and o.to.aci == bob for o in out)
    assert all(len(text) <= MESSAGE_CHARS for text in texts(out))
    everything = "\n".join(texts(out))
    expected = [
        bob,
        f"your alias: {ALIAS}",
        "member, a founder, joined 31 December 2025",  # in the circle's time zone
        f"Times in {ZONE}.",
        "you accepted version 1",
        f'check-in · mood 2/5 · "{WORDS["checkin"]}"',
        f'check-out · mood 4/5 · "{WORDS["checkout"]}"',
        "join request 1 (Erin) · you vouched",
        f'join request 2 (Frank) · your concern: "{WORDS["objection"]}"',
        "#1 Dr. Mira Hartmann: pending",
        "#2 Quill Tax Studio · vetted",
        f'#2 Quill Tax Studio · flagged: "{WORDS["flag"]}"',
        "unused, works until",
        f"your hand is up: {WORDS['topic']}",
        f'request 1 as "{NEWCOMER_NAME}"',
        ": open · your words",
        f'your words: "{WORDS["intro"]}"',
        "a venting space",
    ]
    missing = [item for item in expected if item not in everything]
    assert not missing, (missing, everything)
    for word in ("ACI", "hash", "gateway"):  # plain words (VOICE.md 5)
        assert word.casefold() not in everything.casefold()
    for name in ("alice", "carol", "dana", "erin", "frank"):
        assert p[name] not in everything
    for alias in (*OTHERS.values(), "SAXOPHONE", "hi there", "hello"):
        assert alias not in everything


async def test_mydata_and_forgetme_work_only_by_direct_message(story: Story) -> None:
    chat, bob = story.chat, story.bob
    for command in ("/mydata", "/forgetme"):
        assert "only by direct message" in only_text(await chat.say(bob, command))
    assert only_text(await chat.dm(bob, "/mydata please")).startswith("Usage: /mydata")


def test_long_answers_are_split_into_messages_of_at_most_1800_characters() -> None:
    lines = [f"{n:03d} " + "x" * 96 for n in range(60)] + ["y" * 4000]
    messages = chunks(lines)
    assert len(messages) > 4 and all(len(m) <= MESSAGE_CHARS for m in messages)
    assert "".join(messages).replace("\n", "") == "".join(lines)


async def test_strangers_hear_nothing_and_newcomers_see_their_request(story: Story) -> None:
    chat, p = story.chat, story.p
    # Total strangers hold nothing here and hear nothing (only /help and /join answer them).
    assert await chat.dm(aci(), "/mydata") == []
    assert await chat.dm(aci(), "/forgetme") == []
    frank = only_text(await chat.dm(p["frank"], "/mydata"))
    # Someone objected and the request is held, but a newcomer's own data says only that
    # their request is open: not that it is held, nor how many vouched or objected.
    assert 'request 2 as "Frank"' in frank and ": open · your words" in frank
    for hint in ("on hold", "1 concern", "vouches", "1 vouch", "waiting", WORDS["objection"]):
        assert hint not in frank, hint
    assert OTHERS["dana"] not in frank and p["dana"] not in frank
    assert "never shown" in frank  # it says that something is not shown, and why


# --- the registry, exercised ----------------------------------------------------------------------
async def _care_and_consent(chat: Chat, p: dict[str, str]) -> None:
    """Bob's rows in the tables of issues 16 and 17, written through the repositories until
    their commands are wired: he co-held the closed session and debriefed it, is on a rota,
    opened a /tell, proposed something and answered it."""
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None
        ids = {}
        for name in ("alice", "bob"):
            member = await uow.members.by_aci(circle.id, p[name])
            assert member is not None
            ids[name] = str(member.id)
        [closed] = await uow.sessions.closed_facts(circle.id, 8)
        await uow.hosting.record(closed.session_id, circle.id, [ids["alice"], ids["bob"]])
        bob_id = uuid.UUID(ids["bob"])
        await uow.debriefs.record(closed.session_id, circle.id, bob_id, Debrief(3, "ok"), 1)
        schedule = await uow.schedules.add(circle.id, 2, 18, 30, 3_600_000, 1)
        await uow.rotas.set(circle.id, schedule.id, [ids["alice"], ids["bob"]])
        number = await uow.tickets.next_number()
        side = frozenset({ids["alice"]})
        await uow.tickets.create(circle.id, Ticket(number, ids["bob"], side, 1, 1))
        proposal = open_proposal(1, Kind.DECISION, "Thursdays?", ids["bob"], chat.clock.now)
        made = await uow.proposals.create(circle.id, proposal, ids.values())
        await uow.votes.cast(made.id, Vote(ids["bob"], Stance.AGREE))
        await uow.commit()


async def test_collect_and_erase_cover_every_table_that_can_hold_someone(story: Story) -> None:
    chat, bob = story.chat, story.bob
    await _care_and_consent(chat, story.p)
    async with chat.storage.unit_of_work() as uow:
        data = await collect(uow, bob, chat.clock.now)
        assert set(data.counts) == PERSONAL_TABLES
        for table in PERSONAL_DATA:
            if kind_of(table) in ("erased", "cleared", "scrubbed"):
                assert data.counts[table] > 0, f"collect finds nothing of bob's in {table}"
        report = await erase(uow, bob, chat.clock.now)
        assert set(report.counts) == PERSONAL_TABLES
        short = [t for t in PERSONAL_TABLES if report.counts[t] < data.counts[t]]
        assert not short, f"erase leaves rows that collect found: {short}"
        after = await collect(uow, bob, chat.clock.now)
        assert not after.known and not any(after.counts.values())
        # rolled back: this test only looks


# --- /forgetme ------------------------------------------------------------------------------------
def code_in(text: str) -> str:
    match = re.search(r"/forgetme ([A-Z]{6})\b", text)
    assert match is not None, text
    return match.group(1)


async def held(chat: Chat, who: str) -> dict[str, int]:
    async with chat.storage.unit_of_work() as uow:
        return (await collect(uow, who, chat.clock.now)).counts


async def test_wrong_expired_and_missing_codes_delete_nothing(story: Story) -> None:
    chat, bob = story.chat, story.bob
    before = await held(chat, bob)
    assert "no deletion waiting" in only_text(await chat.dm(bob, "/forgetme ACDEFG"))
    asked = only_text(await chat.dm(bob, "/forgetme"))
    assert "can't be undone" in asked and "within 10 minutes" in asked
    assert "• 2 check-ins and check-outs" in asked and "1 request to join" in asked
    code = code_in(asked)
    wrong = "ACDEFG" if code != "ACDEFG" else "ACDEFH"
    assert "doesn't match, so nothing was deleted" in only_text(
        await chat.dm(bob, f"/forgetme {wrong}")
    )
    chat.clock.advance(CONFIRM_MS)
    assert "expired, so nothing was deleted" in only_text(await chat.dm(bob, f"/forgetme {code}"))
    assert "no deletion waiting" in only_text(await chat.dm(bob, f"/forgetme {code}"))
    code = code_in(only_text(await chat.dm(bob, "/forgetme")))
    for _ in range(MAX_TRIES - 1):
        assert "doesn't match" in only_text(await chat.dm(bob, "/forgetme nope"))
    assert "cancelled" in only_text(await chat.dm(bob, "/forgetme nope"))
    assert "no deletion waiting" in only_text(await chat.dm(bob, f"/forgetme {code.lower()}"))
    after = await held(chat, bob)
    assert {**after, "outbox": 0} == {**before, "outbox": 0}  # only replies came and went
    assert chat.membership.removed == []


async def test_the_only_facilitator_is_warned_before_confirming(story: Story) -> None:
    asked = only_text(await story.chat.dm(story.p["alice"], "/forgetme"))
    assert "only facilitator of circle 1, a deep emotional support circle" in asked
    assert "/facilitator add" in asked and "circle 2" not in asked


async def test_a_newcomer_is_forgotten_and_the_facilitators_told_the_request_was_withdrawn(
    story: Story,
) -> None:
    chat, p = story.chat, story.p
    code = code_in(only_text(await chat.dm(p["frank"], "/forgetme")))
    out = await chat.dm(p["frank"], f"/forgetme {code}")
    assert to(out, p["frank"])[0].text.startswith("Done.")
    [notice] = to(out, p["alice"])
    assert notice.text == "Join request 2 was withdrawn: the newcomer asked me to forget them."
    assert not (await held(chat, p["frank"]))["join_requests"]
    assert "no join request 2" in only_text(await chat.dm(p["carol"], "/vouch 2")).lower()


async def test_forgetme_erases_them_so_that_no_row_can_be_linked_to_them(story: Story) -> None:
    chat, p, bob = story.chat, story.p, story.bob
    storage = chat.storage
    # Bob gets the floor in the open session; carol waits behind him.
    await chat.say(p["dana"], "/done")
    await chat.say(p["carol"], "/hand after bob")
    await drain(chat)

    clues = await _clues(storage, bob)
    aggregates_before = await _aggregates(storage)
    code = code_in(only_text(await chat.dm(bob, "/forgetme")))
    await chat.dm(bob, "/mydata")  # not sent yet: its outbox rows hold everything about bob
    request_ids = clues.request_ids_of_bob
    assert any(key == (EXPIRY_TIMER, rid) for key in chat.timers.armed for rid in request_ids)

    staged = await chat.dispatcher.handle(
        Incoming(group_id=None, sender=bob, timestamp=9_000_000_000_000, text=f"/forgetme {code}")
    )
    out = [item for _, item in staged]
    [done] = to(out, bob)
    assert done.text.startswith("Done. I've deleted everything")
    [notice] = to(out, p["alice"])  # circle 1's facilitator, told without a name
    assert notice.text == english(LEFT_NOTICE) and not notice.mentions
    [withdrawn] = to(out, p["dana"])  # circle 2's facilitator: bob's request there is gone
    assert "Join request 1 was withdrawn" in withdrawn.text
    [floor] = in_group(out)  # the floor passes to carol
    assert [m.aci for m in floor.mentions] == [p["carol"]]
    assert all(
        bob not in (m.aci for m in o.mentions) for o in out if isinstance(o, OutgoingMessage)
    )
    assert chat.membership.removed == [(GROUP, bob)]
    assert not any(key[1] in request_ids for key in chat.timers.armed)

    # The sender delivers these replies and deletes their rows; then nothing is left.
    async with storage.unit_of_work() as uow:
        await uow.outbox.remove([row_id for row_id, _ in staged if row_id is not None])
        await uow.commit()
    leaks = await _scan(storage, clues)
    assert not leaks, leaks
    assert await _aggregates(storage) == aggregates_before
    assert not any((await held(chat, bob)).values())
    assert texts(await chat.dm(bob, "/mydata")) in ([], [english(NOTHING_HELD)])


async def unsent_texts(storage: Storage) -> list[str]:
    async with storage.unit_of_work() as uow:
        return [payload.decode() for _, payload in await uow.outbox.pending(100_000)]


async def test_forgetme_drops_unsent_messages_that_name_them_without_their_account(
    story: Story,
) -> None:
    """Posts and notices that name someone by alias, chosen name or intro carry no ACI: the
    join post, a facilitator's notice, a /queue or /requests answer to someone else. They
    are matched by the member and request ids they concern, and go too."""
    chat, p, bob = story.chat, story.p, story.bob
    await chat.say(p["carol"], "/queue")  # lists bob's alias: his hand is up
    await chat.say(p["dana"], "/requests", group=OTHER_GROUP)  # lists bob's newcomer name
    before = "\n".join(await unsent_texts(chat.storage))
    for clue in (ALIAS, NEWCOMER_NAME, WORDS["intro"]):
        assert clue in before, clue  # the story left such messages unsent
    code = code_in(only_text(await chat.dm(bob, "/forgetme")))
    await chat.dm(bob, f"/forgetme {code}")
    unsent = await unsent_texts(chat.storage)
    after = "\n".join(unsent)
    for clue in (ALIAS, NEWCOMER_NAME, WORDS["intro"]):
        assert clue not in after, clue
    assert [text for text in unsent if bob in text] == [  # only the last reply to bob
        text for text in unsent if text.startswith(f'{{"k":"m","to":{{"p":"{bob}"}},"t":"Done.')
    ]
    assert "Join request 1 was withdrawn" in after  # what the facilitators are told stays

    # A newcomer: the join post and the notice that it is held name them by their name.
    assert "Frank" in after
    code = code_in(only_text(await chat.dm(p["frank"], "/forgetme")))
    await chat.dm(p["frank"], f"/forgetme {code}")
    assert "Frank" not in "\n".join(await unsent_texts(chat.storage))


# --- the scan -------------------------------------------------------------------------------------
@dataclass
class Clues:
    """Everything that could link a row to bob, gathered before he is forgotten."""

    ids: set[uuid.UUID]
    strings: set[str]
    indexes: set[bytes]
    request_ids_of_bob: set[uuid.UUID]


async def _clues(storage: Storage, who: str) -> Clues:
    index = storage.index
    async with storage.unit_of_work() as uow:
        person = await uow.people.by_aci(who)
        assert person is not None
        members = await uow.members.of_person(person.id)
        request_ids = set(await uow.session.scalars(select(JoinRequestRow.id)))
        mine = set(
            await uow.session.scalars(
                select(JoinRequestRow.id).where(JoinRequestRow.person_id == person.id)
            )
        )
        resource_ids = set(await uow.session.scalars(select(ResourceRow.id)))
    ids = {person.id, *(m.id for m in members), *mine}
    indexes = set(index.aci_candidates(who))
    for m in members:
        assert m.alias is not None
        indexes |= set(index.candidates("member-alias", f"{m.circle_id}:{alias_key(m.alias)}"))
        for request_id in request_ids:
            indexes |= set(index.candidates("vouch-edge", f"{request_id}:{m.id}"))
        for resource_id in resource_ids:
            indexes |= set(index.candidates("resource-review", f"{resource_id}:{m.id}"))
    strings = {who.lower(), ALIAS, NEWCOMER_NAME, *WORDS.values()}
    for value in ids:
        strings |= {str(value), value.hex}
    return Clues(ids, strings, indexes, mine)


async def _scan(storage: Storage, clues: Clues) -> list[str]:
    """Every row of every table, raw: no id of theirs in any column, no index of theirs in any
    ``*_bidx`` column, and nothing of theirs in any ``*_enc`` column once decrypted."""
    leaks: list[str] = []
    async with storage.unit_of_work() as uow:
        for table in Base.metadata.sorted_tables:
            rows = (await uow.session.execute(select(table))).mappings().all()
            for row in rows:
                for column, value in row.items():
                    where = f"{table.name}.{column}"
                    leaks += _check_value(where, value, clues)
                    if column.endswith("_bidx") and value is not None and value in clues.indexes:
                        leaks.append(f"{where}: one of their blind indexes")
                    if column.endswith("_enc") and value is not None:
                        plain = storage.cipher.decrypt(table.name, column, row["id"], value)
                        text = plain.decode("utf-8", errors="replace")
                        leaks += [
                            f"{where} (decrypted) holds {clue!r}"
                            for clue in clues.strings
                            if clue in text or clue.lower() in text.lower()
                        ]
    return leaks


def _check_value(where: str, value: Any, clues: Clues) -> list[str]:
    if isinstance(value, uuid.UUID):
        return [f"{where}: their id"] if value in clues.ids else []
    if isinstance(value, str):
        return [f"{where}: {value!r}" for clue in clues.strings if clue in value]
    if isinstance(value, bytes):
        return [f"{where}: their id in bytes" for i in clues.ids if i.bytes in value]
    return []


async def _aggregates(storage: Storage) -> list[tuple[Any, ...]]:
    async with storage.unit_of_work() as uow:
        rows = await uow.session.execute(
            select(
                SessionRow.id,
                SessionRow.status,
                SessionRow.checked_in,
                SessionRow.checked_out,
                SessionRow.moods_in_given,
                SessionRow.moods_in_low,
                SessionRow.moods_out_given,
                SessionRow.moods_out_low,
                SessionRow.cohosts,
            )
            .where(SessionRow.status == "closed")
            .order_by(SessionRow.started_at)
        )
        found = [tuple(row) for row in rows.all()]
    assert found and found[0][2] == 3  # the closed session counted three check-ins
    return found


# --- several bot accounts, one database ---------------------------------------------------------
async def test_each_bot_account_shows_and_forgets_only_its_own_circles(
    any_storage: Storage, keyring: Keyring
) -> None:
    now = 1_767_225_600_000
    bot_a = Storage(any_storage.engine, keyring, account="+15550000001")
    bot_b = Storage(any_storage.engine, keyring, account="+15550000002")
    who = aci()
    for bot, group in ((bot_a, GROUP), (bot_b, OTHER_GROUP)):
        async with bot.unit_of_work() as uow:
            circle = await uow.circles.create(group, Purpose.SUPPORT, CircleSettings(), now)
            person = await uow.people.get_or_create(who, now)
            member = await uow.members.add(circle.id, person, Role.MEMBER, founder=True, now=now)
            await uow.members.set_alias(member, ALIAS)
            await uow.outbox.add(
                encode_outgoing(OutgoingMessage(Recipient.person(who), "hi")), now, 0
            )
            await uow.commit()
    async with bot_a.unit_of_work() as uow:
        data = await collect(uow, who, now)
        assert data.elsewhere and len(data.memberships) == 1 and data.pending_messages == 1
        report = await erase(uow, who, now)
        assert report.person_kept and report.counts["people"] == 0
        assert report.counts["members"] == 1 and report.counts["outbox"] == 1
        await uow.commit()
    async with bot_b.unit_of_work() as uow:
        data = await collect(uow, who, now)  # bot B's circle and message are untouched
        assert data.known and not data.elsewhere
        assert [m.alias for m in data.memberships] == [ALIAS] and data.pending_messages == 1
        report = await erase(uow, who, now)
        assert not report.person_kept and report.counts["people"] == 1
        await uow.commit()
    async with any_storage.unit_of_work() as uow:  # unscoped: nothing of theirs anywhere
        assert not any((await collect(uow, who, now)).counts.values())
