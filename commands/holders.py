"""Who holds a session, and who may steer it: the checks /next, /resume and /session extend
share with the co-hosts (``session_state.may_steer``), and the members a command names.

Steering is checked in the handler, after the guards: whether someone co-hosts is part of
the open session's state, which the guards (sync, rule-only) do not read. The commands that
co-hosts may use are declared for members (``Access.MEMBER``, or ``AGREED`` for /next, which
a speaker uses to pass the floor); a co-host agreed to the circle's agreement when named.
A co-host of a session that has closed is refused as anyone would be: no session is open,
or they do not co-host the one that is.
"""

from __future__ import annotations

from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.session_flow import require_session
from commands.speech import Text
from commands.types import Mention
from facilitation.care_texts import COHOST_ONLY
from facilitation.session import HostAction, SessionState, may_steer
from facilitation.texts.membership import NOT_IN_CIRCLE
from storage.records import Member
from storage.repositories.sessions import StoredSession


async def steering(ctx: CommandContext, action: HostAction) -> tuple[StoredSession, SessionState]:
    """The open session, if the sender may take ``action`` in it (a facilitator, or one of
    its co-hosts); refused to them alone otherwise."""
    member = ctx.require_member()  # a co-host agreed when named; a facilitator always may
    stored, state = await require_session(ctx)
    if not may_steer(state, str(member.id), action, facilitator=member.is_facilitator):
        raise Refusal(COHOST_ONLY, alone=True)
    return stored, state


def in_order(mentions: tuple[Mention, ...]) -> list[Mention]:
    """Mentions as they appear in the text, each person once."""
    seen: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        seen.setdefault(mention.aci.lower(), mention)
    return list(seen.values())


async def named_members(
    ctx: CommandContext, mentions: list[Mention], *, hint: Text | None
) -> list[Member]:
    """The circle's members these mentions name, in order; a usage error (``hint``) if there
    are none, a refusal if one is not in the circle. Nobody is added on the way: a host or
    co-host is someone the circle already knows."""
    if not mentions:
        raise UsageError(hint)
    circle = ctx.require_circle()
    found = []
    for mention in mentions:
        member = await ctx.uow.members.by_aci(circle.id, mention.aci)
        if member is None:
            raise Refusal(NOT_IN_CIRCLE)
        found.append(member)
    return found
