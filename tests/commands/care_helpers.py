"""Shared by the anonymous line's and proposals' command tests."""

from __future__ import annotations

from commands.types import Mention, Outgoing, OutgoingMessage
from facilitation.i18n.render import PLACEHOLDER
from tests.commands.chat import Chat

DAY = 86_400_000
HOUR = 3_600_000


async def make_facilitator(chat: Chat, people: dict[str, str], name: str) -> None:
    """Alice makes ``name`` another facilitator of her circle, as members do."""
    who = Mention(people[name], start=len("/facilitator add "))
    [reply] = await chat.say(people["alice"], f"/facilitator add {PLACEHOLDER}", mentions=(who,))
    assert isinstance(reply, OutgoingMessage)


def to(outgoing: list[Outgoing], aci: str) -> list[str]:
    """The texts sent by direct message to ``aci``."""
    return [
        item.text for item in outgoing if isinstance(item, OutgoingMessage) and item.to.aci == aci
    ]


def in_group(outgoing: list[Outgoing]) -> list[str]:
    return [
        item.text
        for item in outgoing
        if isinstance(item, OutgoingMessage) and item.to.group_id is not None
    ]


async def table_rows(chat: Chat, table: str) -> int:
    from sqlalchemy import text

    async with chat.storage.unit_of_work() as uow:
        return int(await uow.session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
