"""How the bot names a member in a group: their alias if they chose one, else a mention."""

from __future__ import annotations

from facilitation.i18n import Someone
from storage.records import Member


def member_named(member: Member, *, notify: bool = True) -> Someone:
    """The member as a text: their alias (no ping) if they chose one, else a mention (when
    ``notify``) or "someone". Whoever sends it passes ``about=[member.id]`` along."""
    if member.alias:
        return Someone(member.aci, member.alias, mention=False)
    return Someone(member.aci, None, mention=notify)
