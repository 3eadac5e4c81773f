"""Look-alike names: no alias and no newcomer's name may pass for another in the circle."""

from __future__ import annotations

from commands.types import OutgoingMessage
from tests.commands.chat import GROUP, Chat, aci, only_text
from tests.commands.test_vouching import agreed, group_posts, invite_code, join, to

__all__ = ["agreed"]  # the fixture, shared with the vouching tests

CYRILLIC_SKY = "\u0405ky"  # Cyrillic capital DZE, then "ky": looks exactly like "Sky"
CHEROKEE_SKY = "\u13daky"  # Cherokee DU
ROWAN = "Rowan"
CYRILLIC_ROWAN = "R\u043ewan"  # a Cyrillic o


async def test_an_alias_that_looks_like_another_is_refused(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    assert "call you Sky" in only_text(await chat.say(p["carol"], "/alias Sky"))
    for look_alike in (CYRILLIC_SKY, CHEROKEE_SKY, "SKY", "\U0001d412ky"):
        refused = only_text(await chat.say(p["dana"], f"/alias {look_alike}"))
        assert "already uses that name" in refused, look_alike
    assert "nothing yet" in only_text(await chat.say(p["dana"], "/alias"))
    assert "call you Skye" in only_text(await chat.say(p["dana"], "/alias Skye"))
    # carol can still change her own alias to a spelling of itself
    assert f"call you {CYRILLIC_SKY}" in only_text(
        await chat.say(p["carol"], f"/alias {CYRILLIC_SKY}")
    )


async def test_a_newcomer_cannot_join_under_a_members_name(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["carol"], "/alias Sky")
    code = await invite_code(chat, p["bob"])
    for name in ("Sky", "sky", CYRILLIC_SKY):
        out = await chat.dm(p["erin"], f"/join {code} {name}: hello")
        assert group_posts(out) == [], name  # nothing reaches the circle
        [answer] = to(out, p["erin"])
        assert "looks like a name already used" in answer and "/join" in answer, name
    # the code was not spent: another name goes through
    await join(chat, p["erin"], code, "Wren: hello")


async def test_two_newcomers_cannot_use_look_alike_names(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await join(chat, p["erin"], await invite_code(chat, p["bob"]), f"{ROWAN}: hi")
    other = aci()
    out = await chat.dm(other, f"/join {await invite_code(chat, p['dana'])} {CYRILLIC_ROWAN}: hi")
    assert group_posts(out) == []
    assert "looks like a name already used" in to(out, other)[0]
    # and no member takes the name of a newcomer whose request is open
    refused = only_text(await chat.say(p["carol"], f"/alias {CYRILLIC_ROWAN}"))
    assert "already uses that name" in refused


async def test_the_welcome_never_uses_a_name_that_passes_for_a_members(
    agreed: Chat, people: dict[str, str]
) -> None:
    """If a look-alike slipped in anyway (names from before this check), the newcomer is
    welcomed without it and asked to pick an alias."""
    chat, p = agreed, people
    post_ts = await join(chat, p["erin"], await invite_code(chat, p["bob"]), "Sky: hi")
    async with chat.storage.unit_of_work() as uow:  # an old alias, set before the check
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None
        carol = await uow.members.by_aci(circle.id, p["carol"])
        assert carol is not None
        await uow.members._set(  # bypasses the check, as old data would
            carol.id,
            alias_enc=uow.members._ctx.cipher.encrypt(
                "members", "alias_enc", carol.id, CYRILLIC_SKY
            ),
        )
        await uow.commit()
    from tests.commands.test_vouching import reply_to

    await chat.say(p["dana"], "/vouch", quote=reply_to(post_ts))
    out = await chat.advance(0)
    welcome = [o.text for o in out if isinstance(o, OutgoingMessage) and o.to.group_id == GROUP]
    assert welcome and all("Sky" not in text for text in welcome), welcome
    [dm] = to(out, p["erin"])
    assert "/alias" in dm and "Sky" not in dm
