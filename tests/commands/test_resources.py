"""The directory, guides and /sos through the command layer (fake clock, real storage)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from commands.resources import MAX_OPEN_PER_CIRCLE, MAX_OPEN_PER_MEMBER
from commands.types import Outgoing, OutgoingMessage
from facilitation.directory.record import Category, Contact, NewResource, Status
from storage.models import ResourceRow
from tests.commands.chat import GROUP, Chat, only_text, reactions

DAY = 86_400_000
HARTMANN = (
    "/resource add therapist Dr. Mira Hartmann ; mira@example.org, +49 30 1234567 ; "
    "sees clients online, sliding scale ; sex-positive, kink-aware, region=Berlin, remote"
)
QUILL = (
    "/resource add accountant Quill Tax Studio ; quill@example.org ; knows the industry ; "
    "region=Hamburg"
)
LINE = "/resource add crisis Night Line ; +1 555 0100 ; 24/7, by phone and chat ; remote"


def dms(outgoing: list[Outgoing], aci: str) -> list[str]:
    return [o.text for o in outgoing if isinstance(o, OutgoingMessage) and o.to.aci == aci]


def in_group(outgoing: list[Outgoing]) -> list[str]:
    return [o.text for o in outgoing if isinstance(o, OutgoingMessage) and o.to.group_id == GROUP]


@pytest.fixture
async def agreed(circle: Chat, people: dict[str, str]) -> Chat:
    for name in ("alice", "bob", "carol", "dana"):
        await circle.say(people[name], "/agree")
    return circle


async def test_add_vet_search_with_a_typo_and_details(agreed: Chat, people: dict[str, str]) -> None:
    chat, p = agreed, people
    added = only_text(await chat.say(p["bob"], HARTMANN))
    assert "#1 (Dr. Mira Hartmann) is waiting to be vetted" in added
    assert "other members vet it" in only_text(await chat.say(p["bob"], "/resource vet 1"))
    nothing = await chat.say(p["carol"], "/resources therapist")
    assert "Nothing vetted" in dms(nothing, p["carol"])[0]  # pending is invisible
    assert reactions(await chat.say(p["carol"], "/resource vet 1")) == ["✅"]
    assert reactions(await chat.say(p["dana"], "/resource vet 1")) == ["✅"]  # 2 vets: visible
    found = await chat.say(p["bob"], "/resources therapsit berln")
    assert reactions(found) == ["📬"] and not in_group(found)  # results go by DM
    [answer] = dms(found, p["bob"])
    assert answer.startswith("#1 Dr. Mira Hartmann · therapist")
    full = only_text(await chat.dm(p["carol"], "/resource 1"))
    assert "mira@example.org" in full and "sliding scale" in full and "kink-aware" in full
    assert "/resource add" in (await chat.dm(p["bob"], "/resource add bakery X ; y"))[0].text


async def test_a_facilitator_vet_makes_it_visible_and_flags_hide_it(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["bob"], QUILL)
    assert "still waiting" in only_text(await chat.dm(p["carol"], "/resource vet 1"))
    assert "vetted and visible" in only_text(await chat.dm(p["alice"], "/resource vet 1"))
    assert "Quill Tax Studio" in only_text(await chat.dm(p["dana"], "/resources acco"))
    flagged = await chat.dm(p["carol"], "/resource flag 1 they closed last month")
    assert "closed last month" in dms(flagged, p["alice"])[0]
    assert "Thank you for flagging" in dms(flagged, p["carol"])[0]
    await chat.dm(p["dana"], "/resource flag 1 phone disconnected")  # 2 flags: hidden
    assert "Nothing vetted" in only_text(await chat.dm(p["bob"], "/resources accountant"))
    assert "flagged" in only_text(await chat.dm(p["bob"], "/resource vet 1"))
    pending = only_text(await chat.dm(p["alice"], "/resources pending"))
    assert "#1 Quill Tax Studio" in pending
    await chat.dm(p["alice"], "/resource vet 1")  # a facilitator keeps it
    assert "Quill" in only_text(await chat.dm(p["bob"], "/resources accountant"))
    assert "Removed #1" in only_text(await chat.say(p["alice"], "/resource remove 1"))
    assert "no entry #1" in only_text(await chat.dm(p["bob"], "/resource 1"))


async def test_unverified_for_a_year_is_shown_as_stale_until_re_vetted(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["bob"], QUILL)
    await chat.dm(p["alice"], "/resource vet 1")
    chat.clock.advance(366 * DAY)
    assert "stale" in only_text(await chat.dm(p["bob"], "/resources quill"))
    await chat.dm(p["carol"], "/resource vet 1")  # a re-vet refreshes the date
    assert "stale" not in only_text(await chat.dm(p["bob"], "/resources quill"))


async def test_results_can_be_kept_in_the_group(agreed: Chat, people: dict[str, str]) -> None:
    chat, p = agreed, people
    await chat.say(p["bob"], QUILL)
    await chat.dm(p["alice"], "/resource vet 1")
    await chat.say(p["alice"], "/circle set resources group")
    out = await chat.say(p["dana"], "/resources quill")
    assert "Quill Tax Studio" in in_group(out)[0]


async def test_bad_resource_commands_get_usage_and_change_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    for bad in ("/resource", "/resource vet", "/resource flag 1", "/resource 1 2", "/resource add"):
        assert only_text(await chat.dm(p["bob"], bad)).startswith("Usage:")
    assert "no entry #7" in only_text(await chat.dm(p["bob"], "/resource 7"))
    assert "Nothing vetted" in only_text(await chat.dm(p["bob"], "/resources"))
    missing = only_text(await chat.dm(p["bob"], "/resource add therapist Dr. A"))
    assert missing.endswith(
        "— a contact comes next: a phone, an e-mail or a website, after the name and ;"
    )
    assert missing.count("Usage:") == 1 and "usage:" not in missing


async def test_crisis_with_nothing_listed_still_says_what_to_do_now(
    agreed: Chat, people: dict[str, str]
) -> None:
    [answer] = dms(await agreed.say(people["bob"], "/resources crisis"), people["bob"])
    assert "local emergency number" in answer and '"crisis line"' in answer
    assert "/sos" in answer and "Nothing vetted" not in answer


async def test_guides_answer_members(agreed: Chat, people: dict[str, str]) -> None:
    index = only_text(await agreed.dm(people["bob"], "/guide"))
    assert "/guide therapist" in index and "/guide leak" in index
    therapist = only_text(await agreed.dm(people["bob"], "/guide therapists"))
    assert "What is your experience working with people in the adult industry?" in therapist
    assert "don't have a guide" in only_text(await agreed.dm(people["bob"], "/guide knitting"))


async def test_sos_reaches_the_facilitators_privately_and_never_the_group(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["bob"], LINE)
    await chat.dm(p["alice"], "/resource vet 1")
    await chat.say(p["carol"], "/alias Sky")
    out = await chat.say(p["carol"], "/sos")
    assert in_group(out) == [] and reactions(out) == []
    [alert] = [o for o in out if isinstance(o, OutgoingMessage) and o.to.aci == p["alice"]]
    assert "asked for help with /sos" in alert.text and "(Sky)" in alert.text
    assert alert.mentions[0].aci == p["carol"]
    [help_text] = dms(out, p["carol"])
    assert "Night Line" in help_text and "+1 555 0100" in help_text
    assert "Reaching human help" in help_text
    stranger = only_text(await chat.dm("e0000000-0000-4000-8000-000000000005", "/sos"))
    assert "can't alert anyone" in stranger and "Reaching human help" in stranger


# --- flooding the directory ---------------------------------------------------------------------
async def suggest_directly(
    chat: Chat, count: int, by: str | None = None, status: str = "pending"
) -> None:
    """``count`` entries as if suggested earlier (by the member with ACI ``by``)."""
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None
        member = None if by is None else await uow.members.by_aci(circle.id, by)
        new = NewResource("Placeholder", Category.OTHER, Contact(other="ask"))
        await uow.resources.add_many(
            circle.id,
            [(new, Status(status), None)] * count,
            None if member is None else member.id,
            chat.clock.now,
        )
        await uow.commit()


async def pending_count(chat: Chat) -> int:
    async with chat.storage.engine.connect() as connection:
        return int(
            await connection.scalar(
                select(func.count()).select_from(ResourceRow).where(ResourceRow.status == "pending")
            )
            or 0
        )


async def test_a_member_has_at_most_five_open_suggestions(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    for n in range(1, MAX_OPEN_PER_MEMBER + 1):
        assert f"#{n} (Quill Tax Studio) is waiting" in only_text(await chat.dm(p["bob"], QUILL))
    refused = only_text(await chat.dm(p["bob"], QUILL))
    assert f"{MAX_OPEN_PER_MEMBER} suggestions waiting to be vetted" in refused
    assert "Thank you" in refused and "Usage" not in refused
    assert await pending_count(chat) == MAX_OPEN_PER_MEMBER  # nothing stored
    # Others still can; and once one of bob's is vetted, bob has room again.
    assert "is waiting" in only_text(await chat.dm(p["carol"], QUILL))
    await chat.dm(p["alice"], "/resource vet 1")
    assert "is waiting" in only_text(await chat.dm(p["bob"], QUILL))


async def test_a_circle_has_at_most_fifty_open_suggestions(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await suggest_directly(chat, MAX_OPEN_PER_CIRCLE - 1)
    assert "is waiting" in only_text(await chat.dm(p["bob"], QUILL))
    refused = only_text(await chat.dm(p["carol"], QUILL))
    assert f"{MAX_OPEN_PER_CIRCLE} suggestions waiting" in refused and "Usage" not in refused
    assert await pending_count(chat) == MAX_OPEN_PER_CIRCLE
    waiting = only_text(await chat.dm(p["alice"], "/resources pending"))
    assert waiting.count("\n") == MAX_OPEN_PER_CIRCLE  # the facilitators see them all


async def break_entries(chat: Chat, status: str | None = None, category: str | None = None) -> int:
    """Damage the stored text of some entries, so that decrypting any of them would fail."""
    async with chat.storage.engine.begin() as connection:
        query = update(ResourceRow).values(record_enc=b"\x01\x01" + b"\x00" * 40)
        if status is not None:
            query = query.where(ResourceRow.status == status)
        if category is not None:
            query = query.where(ResourceRow.category == category)
        result = await connection.execute(query)
        return int(result.rowcount or 0)


async def test_searches_decrypt_only_vetted_entries(agreed: Chat, people: dict[str, str]) -> None:
    """Pending, flagged and removed entries are filtered out in SQL, before any decrypting:
    a search never pays for (or trips over) what it would not show."""
    chat, p = agreed, people
    await chat.dm(p["bob"], QUILL)
    await chat.dm(p["alice"], "/resource vet 1")
    await suggest_directly(chat, 20)
    await suggest_directly(chat, 3, status="removed")
    await suggest_directly(chat, 2, status="flagged")
    assert await break_entries(chat, "pending") == 20
    await break_entries(chat, "removed")
    await break_entries(chat, "flagged")
    found = only_text(await chat.dm(p["dana"], "/resources accountant"))
    assert "Quill Tax Studio" in found


async def test_sos_reads_only_the_vetted_crisis_entries(
    agreed: Chat, people: dict[str, str]
) -> None:
    """/sos never runs a directory search: it reads the few vetted crisis entries it shows,
    so nothing else in the directory can slow it down or stop it."""
    chat, p = agreed, people
    await chat.say(p["bob"], LINE)
    await chat.dm(p["alice"], "/resource vet 1")
    await suggest_directly(chat, 30, status="vetted")
    await suggest_directly(chat, 10)
    assert await break_entries(chat, category="other") == 40
    out = await chat.dm(p["carol"], "/sos")
    [help_text] = dms(out, p["carol"])
    assert "Night Line" in help_text and "Reaching human help" in help_text
    assert any("asked for help with /sos" in text for text in dms(out, p["alice"]))
