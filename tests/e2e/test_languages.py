"""Choosing languages with the real bot process, on SQLite and PostgreSQL: a circle set up in
Spanish, one of its members choosing German for what she reads alone, the group staying
Spanish. Each reply is held to the catalog's text rendered in the language its reader
should get.
"""

from __future__ import annotations

from facilitation.i18n import render
from facilitation.texts import circle as circle_texts
from facilitation.texts import language as said
from tests.e2e.world import World


def _in(language: str, text: object) -> str:
    return render(text, language).text


async def test_a_spanish_circle_with_a_german_member(world: World) -> None:
    setup = await world.ask(world.alice, "/circle setup support es")
    assert _in("es", said.CIRCLE_SET_UP.with_(language="Español")) in setup.text
    shown = await world.ask(world.bob, "/circle")
    assert _in("es", said.CIRCLE_LINE.with_(language="Español")) in shown.text

    chosen = await world.ask_dm(world.carol, "/language de")
    assert chosen.text == _in("de", said.CHOSEN.with_(language="Deutsch"))
    yours = _in("de", said.YOURS.with_(language="Deutsch"))
    assert yours in (await world.ask_dm(world.carol, "/language")).text
    refused = await world.ask_dm(world.carol, "/language klingon\u200b")
    assert refused.text.startswith(_in("de", said.UNKNOWN))
    assert "de · Deutsch" in refused.text and "klingon" not in refused.text
    still = await world.ask_dm(world.carol, "/language")
    assert yours in still.text  # the bad code stored nothing

    theirs = await world.ask_dm(world.dana, "/language")
    assert _in("es", said.FOLLOWING.with_(language="Español")) in theirs.text

    # A facilitator changes the circle's language; members' own choices stay theirs.
    done = await world.ask(world.alice, "/circle set language fr")
    assert done.text == _in(
        "fr", circle_texts.DONE.with_(setting="language", value="Français (fr)")
    )
    assert yours in (await world.ask_dm(world.carol, "/language")).text
    following = _in("fr", said.FOLLOWING.with_(language="Français"))
    assert following in (await world.ask_dm(world.dana, "/language")).text


async def test_a_spanish_session_opening(world: World) -> None:
    await world.ask(world.alice, "/circle setup support es")
    await world.ask_dm(world.carol, "/language de")
    await world.agree_all()
    opening = await world.start_session(world.alice, "30m")
    assert "Esta sesión dura" in opening.text
