"""Choosing languages with the real bot process, on SQLite and PostgreSQL: a circle set up in
Spanish, one of its members choosing German for what she reads alone, the group staying
Spanish.

The bot's own words are still mostly English on this branch: issue 14 ("Words that care")
moves them into the catalog and their translations follow. What is tested here is the choice
and where it goes; ``test_a_spanish_session_opening`` holds the bot to the Spanish opening
that the session texts' move into the catalog brings (strict: it fails loudly, as an
unexpected pass, the day that lands, so that its marker comes off).
"""

from __future__ import annotations

from tests.e2e.world import World


async def test_a_spanish_circle_with_a_german_member(world: World) -> None:
    setup = await world.ask(world.alice, "/circle setup support es")
    assert "now a holdspace circle" in setup.text and "I'll post here in Español" in setup.text
    shown = await world.ask(world.bob, "/circle")
    assert "Group posts in Español" in shown.text

    chosen = await world.ask_dm(world.carol, "/language de")
    assert "Deutsch" in chosen.text and "in all your circles" in chosen.text
    mine = await world.ask_dm(world.carol, "/language")
    assert "in Deutsch: your own choice" in mine.text
    refused = await world.ask_dm(world.carol, "/language klingon\u200b")
    assert refused.text.startswith("I don't know that language.")
    assert "de · Deutsch" in refused.text and "klingon" not in refused.text
    still = await world.ask_dm(world.carol, "/language")
    assert "in Deutsch: your own choice" in still.text  # the bad code stored nothing

    theirs = await world.ask_dm(world.dana, "/language")
    assert "in Español, the language of your circle" in theirs.text

    # A facilitator changes the circle's language; members' own choices stay theirs.
    done = await world.ask(world.alice, "/circle set language fr")
    assert done.text == "Done: language is now Français (fr)."
    assert "in Deutsch: your own choice" in (await world.ask_dm(world.carol, "/language")).text
    assert (
        "in Français, the language of your circle"
        in (await world.ask_dm(world.dana, "/language")).text
    )


async def test_a_spanish_session_opening(world: World) -> None:
    await world.ask(world.alice, "/circle setup support es")
    await world.ask_dm(world.carol, "/language de")
    await world.agree_all()
    opening = await world.start_session(world.alice, "30m")
    assert "Esta sesión dura" in opening.text
