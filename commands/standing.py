"""Where someone stands decides what they may touch: the rules in one place.

Two checks, each small enough to become a guard of its own when commands turn declarative:

- ``check_standing``: someone in the circle's group who came in without a vouch (added in
  the Signal app, or through a group link) gets the agreement, the guides and, once they
  ``/agree``, the sessions, but nothing of the circle's trust data (the commands marked
  ``trusted``) until a facilitator decides. They are told so once, kindly; after that
  such commands pass in silence, so the group isn't filled with the same refusal.
- ``require_tenure``: the trust actions (``/vouch``, ``/object``, ``/invite``,
  ``/resource flag``) count only from members who accepted the current agreement and have
  been in the circle for its tenure (founders at once), by the same rule as a vouch.
"""

from __future__ import annotations

from commands.context import CommandContext
from commands.errors import Refusal
from commands.requests_flow import policy, voucher
from facilitation import vouching
from storage.records import Member

TENURE_WORDS = {
    "object": "Concerns",
    "invite": "Invites",
    "flag": "Flags",
}


def require_tenure(ctx: CommandContext, action: str) -> Member:
    """The member, if their word counts for ``action`` ("object", "invite", "flag")."""
    member = ctx.require_agreed()
    circle = ctx.require_circle()
    rules = policy(circle)
    me = voucher(member, circle)
    if vouching.can_attest(me, rules, ctx.now) is vouching.VouchRefused.TOO_NEW:
        days = vouching.tenure_left_days(me, rules, ctx.now)
        when = f"in {days} day{'s' if days != 1 else ''}"
        tail = {
            "object": " If something worries you now, please tell a facilitator privately.",
            "invite": " Until then, a longer-standing member can invite the person you know.",
            "flag": " If an entry looks unsafe now, please tell a facilitator privately.",
        }[action]
        raise Refusal(
            f"{TENURE_WORDS[action]} count from members who have been in the circle a while; "
            f"yours will count {when}.{tail}"
        )
    return member
