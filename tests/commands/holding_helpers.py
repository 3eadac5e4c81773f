"""Helpers for the tests of the commands that share the holding (co-hosts, rota, load,
debriefs, circle health)."""

from __future__ import annotations

from commands.compose import PLACEHOLDER
from commands.types import Mention, Outgoing, OutgoingMessage
from tests.commands.chat import GROUP, Chat

DAY = 86_400_000
WEEK = 7 * DAY


async def mentioning(
    chat: Chat, sender: str, command: str, *acis: str, group: str | None = GROUP
) -> list[Outgoing]:
    """``command`` followed by a real Signal mention of each of ``acis``."""
    text = command
    mentions = []
    for aci in acis:
        text += " "
        mentions.append(Mention(aci, len(text)))
        text += PLACEHOLDER
    if group is None:
        raise AssertionError("mentions are sent in the group")
    return await chat.say(sender, text, mentions=tuple(mentions))


def to_person(outgoing: list[Outgoing], aci: str) -> list[str]:
    """The texts of the direct messages to one person."""
    return [o.text for o in outgoing if isinstance(o, OutgoingMessage) and o.to.aci == aci]


def in_group(outgoing: list[Outgoing]) -> list[str]:
    return [o.text for o in outgoing if isinstance(o, OutgoingMessage) and o.to.group_id]


async def make_facilitator(chat: Chat, by: str, who: str) -> None:
    await mentioning(chat, by, "/facilitator add", who)
