"""The directory and /sos with the real bot process."""

from __future__ import annotations

from tests.e2e.world import World

ADD = (
    "/resource add therapist Dr. Mira Hartmann ; mira@example.org ; sees clients online ; "
    "sex-positive, region=Berlin"
)


async def test_add_vet_search_with_a_typo_and_details(world: World) -> None:
    await world.setup_circle()
    await world.agree_all()
    await world.expect_reply(
        world.bob,
        ADD,
        "Thank you: #1 (Dr. Mira Hartmann) is waiting to be vetted. It becomes visible when "
        "a facilitator vets it, or 2 members do: /resource vet 1",
    )
    await world.expect_dm(world.alice, "/resource vet 1", "Thank you: #1 is vetted and visible.")
    await world.say(world.dana, "/resources therapsit berln")
    found = await world.expect_dm_to(world.dana, "Dr. Mira Hartmann")
    assert found.text.startswith("#1 Dr. Mira Hartmann · therapist · Berlin")
    assert world.this_turn.to(world.dana) == [found]
    assert world.this_turn.posts == []  # the group stays quiet
    full = await world.ask_dm(world.dana, "/resource 1")
    assert "mira@example.org" in full.text and "sees clients online" in full.text


async def test_sos_reaches_the_facilitators_by_dm_and_not_the_group(world: World) -> None:
    await world.setup_circle()
    heard = world.listen()
    await world.say(world.carol, "/sos")
    alert = await world.expect_dm_to(world.alice, "asked for help with /sos")
    assert alert.mentions[0]["author"] == world.carol.uuid
    guide = await world.expect_dm_to(world.carol, "Reaching human help")
    answer = await world.ask(world.bob, "/help")  # later traffic, as a marker
    assert heard.posts == [answer]  # the /sos itself put nothing in the group
    assert heard.to(world.alice) == [alert] and heard.to(world.carol) == [guide]
