"""Facilitator care with the real bot process: a co-host shares the floor, the holders are
asked how they are, and /circle health arrives as a PNG image at the gateway."""

from __future__ import annotations

import struct

from tests.e2e.world import World

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def test_circle_health_arrives_as_an_image_attachment(world: World) -> None:
    await world.setup_circle()
    await world.agree_all()
    opening = "/session start 2m with \ufffc"
    await world.say(world.alice, opening, mentions=[world.carol.mention(opening.index("\ufffc"))])
    await world.expect_post("/checkin")
    for person in (world.bob, world.carol, world.dana):
        await world.expect_reaction(person, "/checkin 3", "🌱")
    await world.say(world.carol, "/session extend 1m")  # the co-host steers
    await world.expect_post("Session extended by")
    await world.say(world.alice, "/session end")
    await world.expect_post("checked in")
    await world.expect_dm_to(world.carol, "How are you after holding it?")

    await world.say(world.alice, "/circle health")
    answer = await world.expect_dm_to(world.alice, "Circle health")
    assert answer.group is None and "3 checked in" in answer.text
    [chart] = answer.attachments
    assert (chart.content_type, chart.filename) == ("image/png", "circle-health.png")
    assert chart.data[:8] == PNG_SIGNATURE and chart.data[12:16] == b"IHDR"
    assert struct.unpack(">II", chart.data[16:24]) == (960, 608)
    assert 1_000 < chart.size < 100_000  # a few kilobytes, fit for a phone
    assert answer.raw["base64_attachments"][0].startswith(
        "data:image/png;filename=circle-health.png;base64,"
    )
    assert not any(m.attachments for m in world.gw.sent if m.group is not None)
