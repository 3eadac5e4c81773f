from __future__ import annotations

from facilitation.agreement import DEFAULT_AGREEMENT
from tests.commands.chat import Chat, only_text, reactions


async def test_default_agreement_is_shown_until_accepted(
    circle: Chat, people: dict[str, str]
) -> None:
    reply = only_text(await circle.say(people["bob"], "/agreement"))
    assert "What is said in the circle stays in the circle" in reply
    assert DEFAULT_AGREEMENT.splitlines()[1] in reply
    assert "Reply /agree" in reply
    assert reactions(await circle.say(people["bob"], "/agree")) == ["🤝"]
    assert "You have accepted it" in only_text(await circle.say(people["bob"], "/agreement"))


async def test_agree_by_direct_message(circle: Chat, people: dict[str, str]) -> None:
    assert "accepted the community agreement" in only_text(
        await circle.dm(people["carol"], "/agree")
    )


async def test_new_agreement_needs_everyone_to_agree_again(
    circle: Chat, people: dict[str, str]
) -> None:
    await circle.say(people["bob"], "/agree")
    reply = only_text(await circle.say(people["alice"], "/agreement set Be kind.\nNo screenshots."))
    assert "version 2" in reply
    shown = only_text(await circle.say(people["bob"], "/agreement"))
    assert "Be kind.\nNo screenshots." in shown and "Reply /agree" in shown
    assert "You have accepted it" in only_text(await circle.say(people["alice"], "/agreement"))


async def test_only_facilitators_change_the_agreement(circle: Chat, people: dict[str, str]) -> None:
    assert "Only a facilitator" in only_text(
        await circle.say(people["bob"], "/agreement set Anything")
    )
    assert "Usage: /agreement" in only_text(await circle.say(people["alice"], "/agreement set   "))
    assert "version 1" in only_text(await circle.say(people["bob"], "/agreement"))


async def test_bidi_overrides_are_removed_from_agreements(
    circle: Chat, people: dict[str, str]
) -> None:
    await circle.say(people["alice"], "/agreement set Be \u202ekind\u202c here")
    assert "Be kind here" in only_text(await circle.say(people["bob"], "/agreement"))
