from __future__ import annotations

from commands.compose import PLACEHOLDER
from commands.types import Mention, OutgoingMessage, Recipient
from tests.commands.chat import Chat, aci, only_text, reactions


async def test_alias_is_cleaned_unique_and_used(circle: Chat, people: dict[str, str]) -> None:
    assert "call you Sky" in only_text(await circle.say(people["carol"], "/alias  Sky\u202e "))
    assert "Your alias here: Sky" in only_text(await circle.say(people["carol"], "/alias"))
    taken = only_text(await circle.say(people["dana"], "/alias sky"))
    assert "already uses that name" in taken
    assert "nothing yet" in only_text(await circle.say(people["dana"], "/alias"))


async def test_bad_aliases_get_usage(circle: Chat, people: dict[str, str]) -> None:
    for bad in ("/alias \u200b\u200b", "/alias ...", "/alias " + "x" * 40):
        assert only_text(await circle.say(people["bob"], bad)).startswith("Usage: /alias")


async def test_facilitator_add_and_remove_by_mention(circle: Chat, people: dict[str, str]) -> None:
    bob = Mention(people["bob"], start=len("/facilitator add "))
    [reply] = await circle.say(people["alice"], f"/facilitator add {PLACEHOLDER}", mentions=(bob,))
    assert isinstance(reply, OutgoingMessage)
    assert reply.text == f"{PLACEHOLDER} is now a facilitator. Thank you for holding space."
    assert reply.mentions[0].aci == people["bob"]
    # bob can now change settings; then alice steps down and bob remains
    assert "vouches is now 4" in only_text(await circle.say(people["bob"], "/circle set vouches 4"))
    await circle.say(people["alice"], "/alias Al")
    alice = Mention(people["alice"], start=len("/facilitator remove "))
    text = f"/facilitator remove {PLACEHOLDER}"
    out = await circle.say(people["bob"], text, mentions=(alice,))
    # the group hears nothing that names her: a reaction only; she and bob hear it privately
    said = {item.to: item.text for item in out if isinstance(item, OutgoingMessage)}
    assert said == {
        Recipient.person(people["bob"]): "Done: Al is no longer a facilitator.",
        Recipient.person(people["alice"]): (
            "You're no longer a facilitator of the circle. Thank you for the space you held; "
            "you're still a member, and /help shows what's yours."
        ),
    }
    assert reactions(out) == ["✅"]


async def test_last_facilitator_cannot_be_removed(circle: Chat, people: dict[str, str]) -> None:
    alice = Mention(people["alice"], start=len("/facilitator remove "))
    reply = only_text(
        await circle.say(people["alice"], f"/facilitator remove {PLACEHOLDER}", mentions=(alice,))
    )
    assert "at least one facilitator" in reply


async def test_facilitator_needs_exactly_one_mention_of_someone_in_the_group(
    circle: Chat, people: dict[str, str]
) -> None:
    assert only_text(await circle.say(people["alice"], "/facilitator add @bob")).startswith(
        "Usage: /facilitator"
    )
    stranger = Mention(aci(), start=17)
    reply = only_text(
        await circle.say(people["alice"], f"/facilitator add {PLACEHOLDER}", mentions=(stranger,))
    )
    assert "isn't in this circle" in reply
    bob = Mention(people["bob"], start=17)
    assert "Only a facilitator" in only_text(
        await circle.say(people["carol"], f"/facilitator add {PLACEHOLDER}", mentions=(bob,))
    )
