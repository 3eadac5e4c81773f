"""A lazy text is rendered for whoever reads it: a group post in the circle's language, a
direct message in its recipient's; someone the bot knows no language of reads the circle's
the message is about (a newcomer), else English; plain strings pass untouched. On SQLite
and PostgreSQL (the ``circle`` fixture)."""

from __future__ import annotations

from commands.compose import PLACEHOLDER
from commands.effects import stage
from commands.types import Mention, OutgoingMessage, OutgoingReaction, Recipient
from facilitation.i18n import Someone, lines
from facilitation.texts.session import FLOOR_OPEN, THANK_YOU
from tests.commands.chat import GROUP, Chat, aci

SPANISH_FLOOR = "Se abre el turno de palabra: /hand para compartir."
GERMAN_FLOOR = "Jetzt ist Raum zum Teilen: /hand, wenn du etwas sagen möchtest."


async def _prepare(chat: Chat, bob: str) -> None:
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None
        await uow.circles.set_language(circle.id, "es")
        person = await uow.people.by_aci(bob)
        assert person is not None
        await uow.people.set_language(person.id, "de")
        await uow.commit()


async def test_each_reader_gets_their_own_language(circle: Chat, people: dict[str, str]) -> None:
    bob, carol, stranger = people["bob"], people["carol"], aci()
    await circle.say(bob, "/agree")
    await _prepare(circle, bob)
    outgoing = [
        OutgoingMessage(Recipient.group(GROUP), "", lazy=FLOOR_OPEN),
        OutgoingMessage(Recipient.person(bob), "", lazy=FLOOR_OPEN),
        OutgoingMessage(Recipient.person(carol), "", lazy=FLOOR_OPEN),  # follows her circle
        OutgoingMessage(Recipient.person(stranger), "", lazy=FLOOR_OPEN),  # the circle's
        OutgoingMessage(Recipient.group(GROUP), "kept as it is"),
        OutgoingReaction(Recipient.group(GROUP), "🌱", bob, 1),
    ]
    async with circle.storage.unit_of_work() as uow:
        found = await uow.circles.by_group(GROUP)
        staged = [item for _, item in await stage(uow, outgoing, 1, found)]
    texts = [item.text for item in staged if isinstance(item, OutgoingMessage)]
    assert texts == [
        SPANISH_FLOOR,
        GERMAN_FLOOR,
        SPANISH_FLOOR,
        SPANISH_FLOOR,
        "kept as it is",
    ]
    assert isinstance(staged[-1], OutgoingReaction)
    assert all(item.lazy is None for item in staged if isinstance(item, OutgoingMessage))


async def test_with_no_circle_someone_unknown_reads_english_and_a_member_their_own(
    circle: Chat, people: dict[str, str]
) -> None:
    bob, carol, stranger = people["bob"], people["carol"], aci()
    await _prepare(circle, bob)
    outgoing = [
        OutgoingMessage(Recipient.person(stranger), "", lazy=FLOOR_OPEN),
        OutgoingMessage(Recipient.person(bob), "", lazy=FLOOR_OPEN),
        OutgoingMessage(Recipient.person(carol), "", lazy=FLOOR_OPEN),
    ]
    async with circle.storage.unit_of_work() as uow:
        staged = [item for _, item in await stage(uow, outgoing, 1, None)]
    texts = [item.text for item in staged if isinstance(item, OutgoingMessage)]
    assert texts == ["The floor is open: /hand to share.", GERMAN_FLOOR, SPANISH_FLOOR]


async def test_a_rendered_mention_keeps_signals_offsets(
    circle: Chat, people: dict[str, str]
) -> None:
    bob = people["bob"]
    said = lines(Someone(bob, "Sky"), THANK_YOU)
    async with circle.storage.unit_of_work() as uow:
        found = await uow.circles.by_group(GROUP)
        ((_, item),) = await stage(
            uow, [OutgoingMessage(Recipient.group(GROUP), "", lazy=said)], 1, found
        )
    assert isinstance(item, OutgoingMessage)
    assert item.text.startswith(PLACEHOLDER)
    assert item.mentions == (Mention(bob, 0, 1),)
    assert "Thank you." in item.text
