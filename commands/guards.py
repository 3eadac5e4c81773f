"""The checks a command passes before its parser and handler run, in one chain.

Each guard is a small function of the context and the invocation (the command, the action
its arguments ask for, and so the rules declared on them, ``commands.rules``). A guard that
says no raises a ``Refusal`` (or ``Quiet``: no answer at all); the pipeline then rolls back
and answers alone. None of them writes to the database. A new kind of check (a membership
state, a language) is one more function here and one more entry in ``GUARDS``.
"""

from __future__ import annotations

from collections.abc import Callable

from commands.context import CommandContext
from commands.errors import Quiet, Refusal
from commands.requests_flow import policy, voucher
from commands.rules import Access, Where
from commands.spec import Invocation
from facilitation import vouching
from facilitation.i18n import Verbatim
from facilitation.text import MAX_COMMAND_CHARS
from facilitation.texts import refusals as said

Guard = Callable[[CommandContext, Invocation], None]

TOO_LONG = said.TOO_LONG.with_(n=MAX_COMMAND_CHARS)
UNVOUCHED_REFUSAL = said.UNVOUCHED
PICK_A_CIRCLE = said.PICK_A_CIRCLE


def strangers(ctx: CommandContext, call: Invocation) -> None:
    """Someone in no circle, by direct message, gets what the command's spec says they
    get (``Strangers``): by default nothing at all."""
    if not ctx.incoming.is_direct or ctx.memberships:
        return
    rule = call.command.strangers
    if rule.served or (rule.if_known and ctx.person is not None):
        return
    if rule.answer is not None and ctx.deps.join_limits.per_sender.allow(
        ctx.incoming.sender, ctx.now
    ):
        raise Refusal(rule.answer, priority=rule.priority)
    raise Quiet


def too_long(ctx: CommandContext, call: Invocation) -> None:
    """Refused before anything reads the arguments (the adapter cuts text just past this)."""
    if len(ctx.incoming.text) > MAX_COMMAND_CHARS:
        raise Refusal(TOO_LONG)


def where(ctx: CommandContext, call: Invocation) -> None:
    rules, direct = call.rules, ctx.incoming.is_direct
    wrong = Where.DIRECT not in rules.where if direct else Where.GROUP not in rules.where
    if not wrong:
        return
    if rules.elsewhere is not None:
        raise Refusal(rules.elsewhere, alone=True)
    command = Verbatim(f"/{call.name}")
    if direct:
        raise Refusal(said.GROUP_ONLY.with_(command=command))
    raise Refusal(said.DIRECT_ONLY.with_(command=command), alone=True)


def standing(ctx: CommandContext, call: Invocation) -> None:
    """Someone in the group who came in without a vouch gets the agreement, the guides and,
    once they /agree, the sessions, but none of the circle's trust data (``trusted``) until
    a facilitator decides. They are told so once; after that such commands pass in silence,
    so the group isn't filled with the same refusal."""
    member = ctx.member
    if not call.rules.trusted or member is None or not member.unvouched:
        return
    if ctx.deps.notices.first(member.id):
        raise Refusal(UNVOUCHED_REFUSAL, alone=True)
    raise Quiet


def access(ctx: CommandContext, call: Invocation) -> None:
    needed = call.rules.access
    if needed is Access.ANYONE:
        return
    if ctx.incoming.is_direct and ctx.member is None and ctx.memberships:
        raise Refusal(PICK_A_CIRCLE)
    ctx.require_circle()
    if needed is Access.MEMBER:
        ctx.require_member()
    elif needed is Access.AGREED:
        ctx.require_agreed()
    elif needed is Access.FACILITATOR:
        ctx.require_facilitator()


def tenure(ctx: CommandContext, call: Invocation) -> None:
    """The trust actions count only from members who have been in the circle for its
    tenure, founders at once, by the rule a vouch follows; facilitators are not exempt."""
    rule = call.rules.tenure
    if rule is None:
        return
    member, circle = ctx.require_agreed(), ctx.require_circle()
    rules, me = policy(circle), voucher(member, circle)
    if vouching.can_attest(me, rules, ctx.now) is vouching.VouchRefused.TOO_NEW:
        days = vouching.tenure_left_days(me, rules, ctx.now)
        raise Refusal(rule.saying(said.IN_DAYS.with_(n=days)), alone=True)


def attempts(ctx: CommandContext, call: Invocation) -> None:
    """A few tries an hour per sender (``/join``); a flood gets no answer at all."""
    if call.rules.limited and not ctx.deps.join_limits.per_sender.allow(
        ctx.incoming.sender, ctx.now
    ):
        raise Quiet


GUARDS: tuple[Guard, ...] = (strangers, too_long, where, standing, access, tenure, attempts)


def check_guards(ctx: CommandContext, call: Invocation) -> None:
    if call.rules.access is Access.CRISIS:
        return  # the crisis path answers whatever else is unresolved (commands/support.py)
    for guard in GUARDS:
        guard(ctx, call)
