"""What the roster tests share: who got which message, and the group changing under them."""

from __future__ import annotations

import re

from commands.types import Outgoing, OutgoingMessage
from tests.commands.chat import GROUP, Chat


def to(outgoing: list[Outgoing], who: str) -> list[str]:
    return [o.text for o in outgoing if isinstance(o, OutgoingMessage) and o.to.aci == who]


def in_group(outgoing: list[Outgoing]) -> list[OutgoingMessage]:
    return [o for o in outgoing if isinstance(o, OutgoingMessage) and o.to.group_id == GROUP]


def no_identifiers(outgoing: list[Outgoing], *acis: str) -> None:
    for item in outgoing:
        if isinstance(item, OutgoingMessage):
            for who in acis:
                assert who not in item.text


def add_to_group(chat: Chat, *newcomers: str) -> None:
    groups = chat.groups
    groups.set(GROUP, members=groups.members() + list(newcomers), admins=groups.admins())


def take_from_group(chat: Chat, *gone: str) -> None:
    groups = chat.groups
    members = [m for m in groups.members() if m not in gone]
    groups.set(GROUP, members=members, admins=[a for a in groups.admins() if a not in gone])


async def arrive_unvouched(chat: Chat, p: dict[str, str], frank: str) -> int:
    """Bob adds Frank in the Signal app; returns Frank's number in /requests."""
    add_to_group(chat, frank)
    out = await chat.group_changed(actor=p["bob"])
    [note] = to(out, p["alice"])
    match = re.search(r"#(\d+) in /requests", note)
    assert match is not None
    assert "without a vouch" in note and "/requests approve" in note
    no_identifiers(out, frank)
    [hello] = to(out, frank)
    assert "community agreement" in hello and "/agree" in hello
    assert not in_group(out)  # nothing about it in the group
    return int(match.group(1))


async def invite(chat: Chat, who: str) -> str:
    out = await chat.say(who, "/invite")
    match = re.search(r"code: (\S+)", to(out, who)[0])
    assert match is not None
    return match.group(1)


async def join(chat: Chat, newcomer: str, code: str, post_ts: int) -> None:
    out = await chat.dm(newcomer, f"/join {code} Erin: hi")
    [post] = in_group(out)
    assert post.tag is not None
    await chat.dispatcher.record_sent(post.tag, post_ts)
