"""The directory and /sos with the real bot process."""

from __future__ import annotations

from tests.e2e.steps import agree_all
from tests.e2e.world import World

ADD = (
    "/resource add therapist Dr. Mira Hartmann ; mira@example.org ; sees clients online ; "
    "sex-positive, region=Berlin"
)


async def test_add_vet_search_with_a_typo_and_details(world: World) -> None:
    gw = world.gw
    await world.setup_circle()
    await agree_all(world)
    added = await world.ask(world.bob, ADD)
    assert "#1 (Dr. Mira Hartmann) is waiting to be vetted" in added.text
    vetted = await world.ask_dm(world.alice, "/resource vet 1")
    assert "vetted and visible" in vetted.text
    mark = len(gw.sent)
    await gw.say(world.dana, "/resources therapsit berln", world.group)
    found = await gw.wait_for_sent(lambda m: m.to == world.dana, after=mark)
    assert found.text.startswith("#1 Dr. Mira Hartmann · therapist · Berlin")
    assert not [m for m in gw.sent[mark:] if m.group is not None]  # the group stays quiet
    full = await world.ask_dm(world.dana, "/resource 1")
    assert "mira@example.org" in full.text and "sees clients online" in full.text


async def test_sos_reaches_the_facilitators_by_dm_and_not_the_group(world: World) -> None:
    gw = world.gw
    await world.setup_circle()
    mark = len(gw.sent)
    await gw.say(world.carol, "/sos", world.group)
    alert = await gw.wait_for_sent(lambda m: m.to == world.alice, after=mark)
    assert "asked for help with /sos" in alert.text
    assert alert.mentions[0]["author"] == world.carol.uuid
    guide = await gw.wait_for_sent(lambda m: m.to == world.carol, after=mark)
    assert "Reaching human help" in guide.text
    answer = await world.ask(world.bob, "/help")  # later traffic, as a marker
    in_group = [m for m in gw.sent[mark:] if m.group is not None]
    assert in_group == [answer]  # the /sos itself put nothing in the group
