"""/session start|extend|end and /session status, and the session timer."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from commands.arguments import duration, nothing
from commands.cohosts import refusal as cohost_refusal
from commands.compose import PLACEHOLDER
from commands.context import CircleContext, CommandContext
from commands.errors import Refusal, UsageError
from commands.holders import in_order, named_members, steering
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.session_flow import (
    SESSION_TIMER,
    apply,
    away_map,
    open_session,
    refusal,
    require_session,
)
from commands.types import Priority
from facilitation import cohosting
from facilitation import session as core
from facilitation.agreement import reminder_line
from facilitation.i18n import Duration, Piece, joined, lines
from facilitation.i18n.argument_words import COHOSTS_WITH, SESSION_KINDS
from facilitation.i18n.typed import read
from facilitation.texts import care, holding, turns
from facilitation.texts.agreement import REMINDER
from storage.records import Member

session_router = CommandRouter("session")
session = session_router.group(
    "session",
    summary=turns.SESSION_SUMMARY,
    where=Where.GROUP,
    access=Access.MEMBER,
)

PHASES = {
    core.Phase.CHECK_IN: turns.PHASE_CHECK_IN,
    core.Phase.SHARING: turns.PHASE_SHARING,
    core.Phase.CHECK_OUT: turns.PHASE_CHECK_OUT,
    core.Phase.CLOSED: turns.PHASE_CHECK_OUT,  # never shown: a closed session is not open
}
DEFAULT_LENGTH = timedelta(minutes=60)
MAX_LENGTH = timedelta(hours=4)
MIN_LENGTH = timedelta(minutes=1)
MIN_TURN = timedelta(seconds=15)
LENGTH = duration(MAX_LENGTH)  # their usage hint says the limit, never "not a duration"
TURN = duration(timedelta(minutes=30))


@dataclass(frozen=True, slots=True)
class Start:
    length: timedelta
    turn: timedelta | None  # None: the circle's turn length, fitted to the session
    wins: bool
    cohosts: bool = False
    """``with @a @b`` followed: the handler reads the mentions."""


def parse_start(text: str) -> Start:
    length, turn, wins = DEFAULT_LENGTH, None, False
    before, with_word, after = _split_with(text)
    if with_word and (not after.strip() or after.replace(PLACEHOLDER, "").strip()):
        raise UsageError(holding.COHOST_MENTION_HINT)  # only mentions may follow "with"
    for token in before.split():
        lowered = token.casefold()
        if read(SESSION_KINDS, token) == "wins":  # wins, logros, Erfolge, victoires...
            wins = True
        elif lowered.startswith("turn="):
            turn = TURN(lowered.removeprefix("turn="))
        else:
            length = LENGTH(lowered)
    if length < MIN_LENGTH:
        raise UsageError(turns.SHORTEST_SESSION_HINT)
    if turn is not None and (turn < MIN_TURN or turn > length):
        raise UsageError(turns.TURN_LENGTH_HINT)
    return Start(length, turn, wins, cohosts=with_word)


def _split_with(text: str) -> tuple[str, bool, str]:
    """``90m wins with @a @b`` → (``90m wins``, True, `` @a @b``)."""
    tokens = text.split(" ")
    for index, token in enumerate(tokens):
        if read(COHOSTS_WITH, token) == "with":  # with, con, mit, avec, com
            return " ".join(tokens[:index]), True, " ".join(tokens[index + 1 :])
    return text, False, ""


def fitted_turn(default_turn: timedelta, length: timedelta) -> timedelta:
    """The circle's turn length, but never longer than a quarter of a short session."""
    turn = min(default_turn, length / 4 if length < default_turn * 4 else default_turn)
    return max(turn, MIN_TURN)


@session.sub(
    "start",
    usage="[DURATION] [wins] [turn=DURATION] [with @member …]",
    example="/session start 90m turn=4m",
    summary=turns.START_SUMMARY,
    access=Access.FACILITATOR,
    parse=parse_start,
)
async def start(ctx: CommandContext, asked: Start) -> None:
    circle = ctx.require_circle()
    length, wins = asked.length, asked.wins
    turn = asked.turn or fitted_turn(circle.settings.turn, length)
    if await open_session(ctx) is not None:
        raise Refusal(turns.ALREADY_OPEN)
    agreement = await ctx.uow.agreements.version(circle.id, circle.agreement_version)
    reminder: Piece | str = reminder_line(agreement.text) if agreement else REMINDER
    members = await ctx.uow.members.of_circle(circle.id)
    cohosts = await _cohosts(ctx) if asked.cohosts else []
    session_id = uuid.uuid4()
    transition = core.start(
        str(session_id),
        ctx.now,
        int(length.total_seconds() * 1000),
        int(turn.total_seconds() * 1000),
        wins,
        reminder,
        away=away_map(members, ctx.now),
        host=str(ctx.require_facilitator().id),  # who opened it holds it
    )
    try:
        transition = cohosting.with_cohosts(transition, [str(m.id) for m in cohosts])
    except core.SessionError as error:
        raise cohost_refusal(error) from error
    await ctx.uow.sessions.create(
        session_id, circle.id, core.to_json(transition.state), wins_only=wins, now=ctx.now
    )
    stored = await ctx.uow.sessions.get(session_id)
    assert stored is not None
    await apply(ctx, stored, transition)


async def _cohosts(ctx: CommandContext) -> list[Member]:
    """The members ``with @a @b`` names, each able to co-host (else refused whole)."""
    named = await named_members(
        ctx, in_order(ctx.incoming.mentions), hint=holding.COHOST_MENTION_HINT
    )
    circle = ctx.require_circle()
    if any(m.unvouched or m.agreed_version < circle.agreement_version for m in named):
        raise Refusal(care.COHOST_CANT)
    return named


@session.alone(summary=turns.STATUS_SUMMARY)
async def status(ctx: CommandContext, _: None) -> None:
    found = await open_session(ctx)
    if found is None:
        ctx.reply(turns.NONE_OPEN)
        return
    state = found[1]
    left = max(state.ends_at - (state.paused_at or ctx.now), 0)
    shown: list[Piece] = [turns.STATUS.with_(phase=PHASES[state.phase], left=Duration.left(left))]
    if state.wins_only:
        shown.append(turns.STATUS_WINS)
    if state.paused_at is not None:
        shown.append(turns.STATUS_PAUSED)
    hands = len(core.ordered_queue(state, ctx.now))
    floor = turns.SOMEONE_SPEAKING if state.speaker else turns.FLOOR_FREE
    ctx.reply(lines(joined(*shown, sep=" "), floor.with_(n=hands)))


@session.sub(
    "extend",
    usage="DURATION",
    example="/session extend 15m",
    summary=turns.EXTEND_SUMMARY,
    access=Access.MEMBER,  # facilitators, and the session's co-hosts (commands/holders.py)
    parse=duration(timedelta(hours=2)),
)
async def extend(ctx: CommandContext, by: timedelta) -> None:
    stored, state = await steering(ctx, core.HostAction.EXTEND)
    try:
        await apply(ctx, stored, core.extend(state, int(by.total_seconds() * 1000), ctx.now))
    except core.SessionError as error:
        raise refusal(error) from error


@session.sub(
    "end",
    summary=turns.END_SUMMARY,
    access=Access.FACILITATOR,
    parse=nothing,
)
async def end(ctx: CommandContext, _: None) -> None:
    stored, state = await require_session(ctx)
    try:
        await apply(ctx, stored, core.end(state, ctx.now))
    except core.SessionError as error:
        raise refusal(error) from error


@session_router.timer(SESSION_TIMER, priority=Priority.URGENT)  # time-ups, the close
async def session_timer(ctx: CircleContext, session_id: uuid.UUID) -> None:
    stored = await ctx.uow.sessions.get(session_id)
    if stored is None:
        return  # closed meanwhile: the timer is simply removed
    state = core.from_json(stored.state_json)
    # The end warning is left out once everyone who checked in has checked out.
    checked_out = (
        state.phase is core.Phase.CHECK_OUT
        and await ctx.uow.checkins.awaiting_checkout(stored.id) == 0
    )
    await apply(ctx, stored, core.tick(state, ctx.now, checked_out=checked_out))
