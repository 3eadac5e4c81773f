"""/tell and /reply: the anonymous line from a member to the circle's facilitators.

The rules are ``facilitation.tell`` (who hears what, expiry, who may answer); this module
reads the ticket and the circle, hands the core the roster, and does what its ``Outcome``
says: store or delete the ticket, move its expiry timer, send each ``Delivery`` by direct
message and tell the one who acted. The words travel only in those messages: they are
rendered into the encrypted outbox in the same transaction and leave it once sent; no
table keeps them, and nothing here logs them, or who sent them.

Which circle: a new ``/tell`` is about the circle the sender's direct messages are about
(their only one, or the one chosen with ``/use``; otherwise they are asked to choose). A
``/reply N`` or ``/tell close N`` needs no choice: ticket numbers are unique across the
bot's circles, so the ticket says which circle it belongs to, and someone who is not a
party to it hears the same as for a number that never existed. Such a command runs under
the lock its direct message took (the chosen circle's, or the person's own); the ticket's
rows are changed with single statements and its expiry timer re-checks the ticket, so the
worst a race with that timer can do is tell a side twice that the conversation closed.
"""

from __future__ import annotations

import uuid

from commands.care_args import care
from commands.care_roster import CircleRoster, circle_roster
from commands.context import CircleContext, CommandContext
from commands.errors import Refusal
from commands.guards import PICK_A_CIRCLE
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation import tell
from facilitation.tell import Outcome, TellError, TellRefused
from facilitation.tell_args import CloseTicket, NewTicket, ReplyArgs, parse_reply, parse_tell
from facilitation.tell_texts import (
    REPLY_SUMMARY,
    TELL_SUMMARY,
    delivery_text,
    refusal,
    render,
)
from storage.records import Circle, Member
from storage.repositories.tickets import StoredTicket
from storage.repositories.timers import TICKET_EXPIRY_TIMER

tell_router = CommandRouter("tell")
tell_group = tell_router.group(
    "tell",
    summary=TELL_SUMMARY,
    where=Where.DIRECT,
    access=Access.ANYONE,  # a member; the handler asks which circle only for a new one
)


@tell_group.otherwise(
    parse=care(parse_tell),
    usage=("<what you'd like the facilitators to hear>", "close N"),
)
async def tell_command(ctx: CommandContext, parsed: NewTicket | CloseTicket) -> None:
    if isinstance(parsed, CloseTicket):
        await _on_ticket(ctx, parsed.number, None)
        return
    member, circle = _teller(ctx)
    found = await circle_roster(ctx.uow, circle.id, ctx.now)
    number = await ctx.uow.tickets.next_number()
    try:
        outcome = tell.open_ticket(number, str(member.id), parsed.text, found.roster, ctx.now)
    except TellError as exc:
        raise Refusal(refusal(exc.code)) from None
    assert outcome.ticket is not None
    stored = await ctx.uow.tickets.create(circle.id, outcome.ticket)
    await _carry_out(ctx, circle, found, stored, outcome)


@tell_router.command(
    "reply",
    usage="N <your words>",
    summary=REPLY_SUMMARY,
    where=Where.DIRECT,
    access=Access.ANYONE,  # a party to ticket N, in whichever circle it is
    parse=care(parse_reply),
)
async def reply_command(ctx: CommandContext, parsed: ReplyArgs) -> None:
    await _on_ticket(ctx, parsed.number, parsed.text)


@tell_router.timer(TICKET_EXPIRY_TIMER)
async def expire(ctx: CircleContext, ticket_id: uuid.UUID) -> None:
    """Silence ended it (or the facilitators on its side all stepped down): both sides are
    told, and nothing of it stays."""
    stored = await ctx.uow.tickets.get(ticket_id)
    if stored is None:
        return
    circle = ctx.require_circle()
    found = await circle_roster(ctx.uow, circle.id, ctx.now)
    outcome = tell.sweep(stored.ticket, found.roster, ctx.now, circle.settings.tell_expiry_days)
    if outcome is None:  # the setting was lengthened since the timer was armed
        await _arm(ctx, circle, stored.id, stored.ticket)
        return
    await _carry_out(ctx, circle, found, stored, outcome)


async def retime(ctx: CommandContext, circle: Circle, expiry_days: int) -> None:
    """``/circle set tell-expiry``: every open conversation's timer follows the new length
    at once (each ends ``expiry_days`` after its last message)."""
    for stored in await ctx.uow.tickets.of_circle(circle.id):
        due = stored.ticket.expires_at(expiry_days)
        await ctx.set_timer(TICKET_EXPIRY_TIMER, stored.id, due)


def _teller(ctx: CommandContext) -> tuple[Member, Circle]:
    """The sender's membership a new ``/tell`` is about (the usual member check)."""
    if ctx.member is None and ctx.memberships:
        raise Refusal(PICK_A_CIRCLE)
    if ctx.member is None:
        raise Refusal(refusal(TellRefused.NOT_MEMBER))
    return ctx.member, ctx.require_circle()


async def _on_ticket(ctx: CommandContext, number: int, text: str | None) -> None:
    """``/reply N <text>`` (``text``) or ``/tell close N`` (None), from either side."""
    stored = await ctx.uow.tickets.by_number(number)
    member = None
    if stored is not None:
        member = next((m for m in ctx.memberships if m.circle_id == stored.circle_id), None)
    if stored is None or member is None:
        raise Refusal(refusal(TellRefused.UNKNOWN, number))
    circle = ctx.circle
    if circle is None or circle.id != stored.circle_id:
        circle = await ctx.uow.circles.get(stored.circle_id)
        if circle is None:
            raise Refusal(refusal(TellRefused.UNKNOWN, number))
        ctx.circle, ctx.member = circle, member
    found = await circle_roster(ctx.uow, circle.id, ctx.now)
    days = circle.settings.tell_expiry_days
    me = str(member.id)
    try:
        if text is None:
            outcome = tell.close(stored.ticket, me, found.roster, ctx.now, days)
        else:
            outcome = tell.reply(stored.ticket, me, text, found.roster, ctx.now, days)
    except TellError as exc:
        raise Refusal(refusal(exc.code, number)) from None
    await _carry_out(ctx, circle, found, stored, outcome)


async def _carry_out(
    ctx: CircleContext,
    circle: Circle,
    found: CircleRoster,
    stored: StoredTicket,
    outcome: Outcome,
) -> None:
    """Store what the core decided, then say it: each delivery by direct message, and the
    confirmation to whoever acted (a command's sender; a timer has none)."""
    days = circle.settings.tell_expiry_days
    if outcome.ticket is None:
        await ctx.uow.tickets.end(stored.id)
        await ctx.set_timer(TICKET_EXPIRY_TIMER, stored.id, None)
    else:
        if outcome.ticket != stored.ticket:
            await ctx.uow.tickets.save(stored, outcome.ticket)
        await _arm(ctx, circle, stored.id, outcome.ticket)
    for delivery in outcome.deliveries:
        aci = found.aci(delivery.recipient)
        if aci is not None:
            ctx.direct(aci, delivery_text(delivery, days))
    if outcome.confirmation is not None and isinstance(ctx, CommandContext):
        number = stored.ticket.number
        ctx.reply(render(outcome.confirmation, number, expiry_days=days))


async def _arm(
    ctx: CircleContext, circle: Circle, ticket_id: uuid.UUID, ticket: tell.Ticket
) -> None:
    due = ticket.expires_at(circle.settings.tell_expiry_days)
    await ctx.set_timer(TICKET_EXPIRY_TIMER, ticket_id, due)
