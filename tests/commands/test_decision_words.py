"""Issue 17's commands in the members' own words, through the command layer on SQLite and
PostgreSQL: a Spanish member blocks and a German one agrees, a proposal runs ``para 3d``
and is closed with ``/propose cerrar``, a conversation ends with ``/tell schließen``, and a
word that is no answer gets the usage line, in the member's language, and stores nothing."""

from __future__ import annotations

import re

from tests.commands.care_helpers import DAY, in_group, make_facilitator, table_rows, to
from tests.commands.chat import Chat, only_text

REASON = "los domingos son el único día que tengo a mis hijos"
TOLD = "Jemand schreibt mir nach den Sitzungen, das macht mir Angst"


async def test_a_spanish_block_and_a_german_agree_count_as_block_and_agree(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.dm(p["bob"], "/language es")
    await chat.dm(p["carol"], "/language de")
    [post] = in_group(await chat.say(p["alice"], "/propose We meet on Sundays"))
    assert "Proposal #1" in post

    counted = only_text(await chat.dm(p["bob"], f"/consent 1 Bloqueo {REASON}"))
    assert "ya cuenta: bloqueo" in counted and "Uso:" not in counted
    again = only_text(await chat.dm(p["bob"], f"/consent 1 bloqueo {REASON}"))
    assert "ahora es: bloqueo" in again
    await chat.dm(p["carol"], "/consent 1 zustimmen")
    await chat.dm(p["dana"], "/consent 1 de acuerdo, me parece bien")
    assert await table_rows(chat, "proposal_votes") == 3  # Bob's second answer replaced his first

    out = await chat.advance(2 * DAY)
    [result] = in_group(out)
    assert "Proposal #1 is blocked." in result and "block 1" in result and "Agree 2" in result
    assert REASON not in result
    [private] = to(out, p["alice"])  # the proposer, who facilitates too: the reason, no name
    assert REASON in private


async def test_a_word_that_is_no_answer_gets_the_usage_in_spanish_and_stores_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, bob = agreed, people["bob"]
    await chat.dm(bob, "/language es")
    await chat.say(people["alice"], "/propose We meet on Sundays")
    for typed in ("bloqueado", "sí", "de", "blo\u200bqueo", "acuerdo?"):
        refused = only_text(await chat.dm(bob, f"/consent 1 {typed}"))
        assert refused.startswith("Uso: /consent N agree|aside|concern|block"), typed
    assert await table_rows(chat, "proposal_votes") == 0


async def test_a_proposal_runs_para_3d_and_a_facilitator_closes_it_in_spanish(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, alice = agreed, people["alice"]
    await chat.dm(alice, "/language es")
    [post] = in_group(await chat.say(alice, "/propose Sesiones de 60 minutos para 3d"))
    assert "Sesiones de 60 minutos" in post and "para 3d" not in post and "3 days" in post
    [german] = in_group(await chat.say(people["bob"], "/propose Tee nach der Sitzung für 1d"))
    assert "Tee nach der Sitzung" in german and "für 1d" not in german and "1 day" in german

    [closed] = in_group(await chat.say(alice, "/propose cerrar 1"))
    assert "Proposal #1" in closed and "did not pass" in closed
    listing = only_text(await chat.say(people["dana"], "/propose"))
    assert "#2" in listing and "#1" not in listing
    # A close word followed by words is a proposal, as "close the kitchen" is in English.
    [kitchen] = in_group(await chat.say(alice, "/propose cerrar la cocina a las 22h"))
    assert "cerrar la cocina a las 22h" in kitchen


async def test_a_german_member_ends_a_conversation_with_schliessen(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await make_facilitator(chat, p, "carol")
    await chat.dm(p["bob"], "/language de")
    [told] = to(await chat.dm(p["bob"], f"/tell {TOLD}"), p["bob"])
    number = re.search(r"/tell schließen (\d+)", told)
    assert number is not None  # the German text shows the German word
    assert await table_rows(chat, "tickets") == 1

    # "/tell schließen" with no number asks for it; nothing is relayed or closed.
    out = await chat.dm(p["bob"], "/tell schließen")
    assert to(out, p["alice"]) == [] and await table_rows(chat, "tickets") == 1
    out = await chat.dm(p["bob"], f"/tell Schliessen #{number[1]}")
    assert len(to(out, p["bob"])) == 1 and len(to(out, p["alice"])) == 1
    assert await table_rows(chat, "tickets") == 0
