"""Choosing languages with the real bot process, on SQLite and PostgreSQL: a circle set up in
Spanish, one of its members choosing German for what she reads alone, the group staying
Spanish. Each reply is held to the catalog's text rendered in the language its reader
should get.
"""

from __future__ import annotations

from bot.trychat import CODE
from facilitation.guides import crisis_guide
from facilitation.i18n import Duration, Someone, lines, render
from facilitation.texts import (
    agreement,
    checkins,
    guides,
    invites,
    membership,
    session,
    support,
    turns,
)
from facilitation.texts import circle as circle_texts
from facilitation.texts import help as help_texts
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


# --- a whole session, a vouch and an /sos, each person reading their own language ----------

MENTION = "\ufffc"
"""What a mention is in a message's text (Signal's object replacement character)."""


def _after_mention(text: str) -> str:
    """What a text says after its last mention (who is named is not what is checked)."""
    return text.rsplit(MENTION, 1)[-1]


def _said_to(language: str, text: object) -> str:
    """A text naming someone, as its reader gets it, from its last mention on."""
    return _after_mention(_in(language, text))


SOMEONE = Someone("00000000-0000-4000-8000-000000000000", None)


async def test_a_spanish_circle_with_a_german_facilitator_runs_a_whole_session(
    world: World,
) -> None:
    """Alice, the facilitator, reads German; the group and everyone else, Spanish. She sets
    the circle up and runs the session in Spanish words (apoyo, empezar, logros)."""
    alice, bob, carol, dana = world.alice, world.bob, world.carol, world.dana
    setup = await world.ask(alice, "/circle setup apoyo es")
    assert _in("es", said.CIRCLE_SET_UP.with_(language="Español")) in setup.text
    await world.ask_dm(alice, "/language de")
    await world.agree_all()
    helped = await world.ask(bob, "/help")
    assert helped.text.startswith(_in("es", help_texts.HEADING))
    assert (await world.ask_dm(alice, "/help")).text.startswith(_in("de", help_texts.HEADING))

    await world.say(alice, "/session empezar 2m logros turn=30s")
    opening = await world.expect_post("/checkin")
    assert _in("es", session.WINS_ONLY_OPENING) in opening.text
    lasts = session.LASTS.with_(length=Duration(120_000), turn=Duration(30_000))
    assert _in("es", lasts) in opening.text
    await world.expect_reaction(carol, "/checkin 4 contenta", "🌱")
    await world.expect_reaction(dana, "/checkin 2 cansada", "🌱", dm=True)
    care = await world.expect_dm_to(dana, _in("es", checkins.LOW_CHECKIN)[:40])
    assert care.text == _in("es", checkins.LOW_CHECKIN)
    await world.expect_reaction(alice, "/checkin 2 müde", "🌱", dm=True)
    care = await world.expect_dm_to(alice, _in("de", checkins.LOW_CHECKIN)[:40])
    assert care.text == _in("de", checkins.LOW_CHECKIN)  # hers, in German

    # The queue: Bob and Carol raise hands; Alice calls the first, each hands on.
    for person in (bob, carol):
        await world.expect_reaction(person, "/hand", "✋")
    await world.say(alice, "/next")
    floor = session.WINS_FLOOR_GIVEN.with_(speaker=SOMEONE, length=Duration(30_000))
    given = await world.expect_post(_said_to("es", floor))
    assert given.mentions[-1]["author"] == bob.uuid
    await world.say(bob, "/done")
    given = await world.expect_post(_said_to("es", floor))
    assert given.mentions[-1]["author"] == carol.uuid
    await world.say(carol, "/done")

    world.advance_clock(96_000)  # the check-out call, a fifth of the session before its end
    call = await world.expect_post("/checkout")
    left = session.WINS_CHECKOUT_CALL.with_(left=Duration(24_000))
    assert _in("es", left) in call.text
    await world.expect_reaction(carol, "/checkout 5 terminé el curso", "💛")
    await world.expect_reaction(alice, "/checkout 4 Steuer erledigt", "💛", dm=True)
    passed = await world.ask(bob, "/checkout paso")
    assert passed.text == _in("es", checkins.PASSED)
    assert (await world.ask_dm(dana, "/checkout pasar")).text == _in("es", checkins.PASSED)

    world.advance_clock(30_000)
    counts = session.COUNTS.with_(
        checked_in=session.COUNT_IN.with_(n=3), checked_out=session.COUNT_OUT.with_(n=4)
    )
    summary = await world.expect_post(_in("es", counts))
    assert _in("es", session.THANKS_WINS) in summary.text
    for secret in ("contenta", "cansada", "müde", "curso", "Steuer"):
        assert world.this_turn.count(secret) == 0
    closed = await world.ask(bob, "/session")
    assert closed.text == _in("es", turns.NONE_OPEN)


async def test_a_spanish_circle_vouches_a_newcomer_in_and_its_german_facilitator_gets_an_sos(
    world: World,
) -> None:
    alice, bob, dana, erin = world.alice, world.bob, world.dana, world.erin
    await world.ask(alice, "/circle setup support es")
    await world.ask_dm(alice, "/language de")
    await world.agree_all()

    # Bob invites Erin; her request is posted in Spanish, and she is answered in Spanish.
    await world.say(bob, "/invite")
    code_dm = await world.expect_dm_to(bob, "/join ")
    code = CODE.search(code_dm.text)
    assert code is not None
    before_code = _in("es", invites.INVITE_CODE.with_(code="§", n=7)).split("§")[0]
    assert code_dm.text.startswith(before_code)
    await world.dm(erin, f"/join {code.group(1)} Erin: nueva, amiga de Bob")
    request = invites.REQUEST_POST.with_(number=1, newcomer="Erin")
    post = await world.expect_post(_in("es", request))
    pending = await world.expect_dm_to(erin, "Erin")
    assert pending.text == _in("es", invites.REQUEST_SENT.with_(newcomer="Erin", n=7))

    # Alice vouches by quote-reply; Erin is added and welcomed, in the circle's language.
    await world.expect_reaction(alice, "/vouch", "🤝", quote=post)
    welcome = _in("es", membership.WELCOME_NAMED_DIRECT.with_(newcomer="Erin"))
    welcomed = await world.expect_dm_to(erin, welcome)
    assert welcomed.text.startswith(welcome)
    assert erin in world.gw.members_of(world.group)
    agreed = await world.ask_dm(erin, "/agree")
    assert agreed.text == _in("es", agreement.THANKS.with_(version=1))

    # Dana asks for help: her guide in Spanish; the alert to Alice in German.
    heard = world.listen()
    await world.dm(dana, "/sos")
    told = (support.SOS_TOLD.with_(n=1), support.SOS_NOT_AT_ONCE)
    guide = await world.expect_dm_to(dana, _in("es", guides.CRISIS_TITLE))
    assert guide.text == _in("es", crisis_guide(after=told))
    alert = support.SOS_ALERT.with_(
        person=SOMEONE, where=support.SOS_WHERE_DIRECT, sent=support.SOS_SENT_GUIDE_ONLY
    )
    alerted = await world.gw.wait_for_sent(
        lambda m: m.to == alice and _said_to("de", alert) in m.text,
        after=heard.start,
        timeout=30,
    )
    assert alerted.mentions[0]["author"] == dana.uuid
    assert heard.messages.index(guide) < heard.messages.index(alerted)
    assert alerted.text == _in("de", alert)
    taken = await world.ask_dm(alice, "/sos übernommen")
    thanks = lines(support.SOS_TAKEN_ALONE.with_(person=SOMEONE), support.SOS_TAKER_CARE)
    assert taken.text == _in("de", thanks)
    assert heard.posts == []  # nothing of it reaches the group
