"""How the bot names a member in a group: their alias if they chose one, else a mention."""

from __future__ import annotations

from commands.compose import MessageText
from storage.records import Member


def add_member(text: MessageText, member: Member, *, notify: bool = True) -> MessageText:
    """Append the member's alias, or a mention when they have none (and ``notify``)."""
    if member.alias:
        return text.concerning([member.id]).add(member.alias)
    if notify:
        return text.mention(member.aci)
    return text.add("a member")
