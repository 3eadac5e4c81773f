"""/session start|extend|end and /session status, and the session timer."""

from __future__ import annotations

import uuid
from datetime import timedelta

from commands.context import CircleContext, CommandContext
from commands.errors import UsageError
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
from facilitation import session as core
from facilitation.agreement import reminder_line
from facilitation.durations import DurationError, format_duration, parse_duration

session_router = CommandRouter("session")

USAGE = (
    "/session start [DURATION] [wins] [turn=DURATION] · /session · "
    "/session extend DURATION · /session end"
)
START_USAGE = "/session start [DURATION] [wins] [turn=DURATION], e.g. /session start 90m turn=4m"
DEFAULT_LENGTH = timedelta(minutes=60)
MAX_LENGTH = timedelta(hours=4)
MIN_LENGTH = timedelta(minutes=1)


@session_router.command(
    "session",
    usage=USAGE,
    summary="open a timed session, see how it's going, extend or end it",
    where=Where.GROUP,
    access=Access.MEMBER,
)
async def session(ctx: CommandContext, args: str) -> None:
    sub, _, rest = args.strip().partition(" ")
    sub = sub.casefold()
    if sub == "":
        await _status(ctx)
    elif sub == "start":
        ctx.require_facilitator()
        await _start(ctx, rest)
    elif sub == "extend":
        ctx.require_facilitator()
        await _extend(ctx, rest)
    elif sub == "end" and not rest.strip():
        ctx.require_facilitator()
        stored, state = await require_session(ctx)
        try:
            await apply(ctx, stored, core.end(state, ctx.now))
        except core.SessionError as error:
            raise refusal(error) from error
    else:
        raise UsageError


def _parse_start(text: str, default_turn: timedelta) -> tuple[timedelta, timedelta, bool]:
    length, turn, wins = DEFAULT_LENGTH, None, False
    try:
        for token in text.split():
            lowered = token.casefold()
            if lowered in ("wins", "wins-only", "no-trauma"):
                wins = True
            elif lowered.startswith("turn="):
                turn = parse_duration(lowered.removeprefix("turn="), maximum=timedelta(minutes=30))
            else:
                length = parse_duration(lowered, maximum=MAX_LENGTH)
    except DurationError as exc:
        raise UsageError(str(exc), usage=START_USAGE) from exc
    if length < MIN_LENGTH:
        raise UsageError("a session lasts at least 1m", usage=START_USAGE)
    if turn is None:  # the circle's turn length, but never longer than a short session
        turn = min(default_turn, length / 4 if length < default_turn * 4 else default_turn)
        turn = max(turn, timedelta(seconds=15))
    if turn < timedelta(seconds=15) or turn > length:
        raise UsageError("a turn is at least 15s and no longer than the session", usage=START_USAGE)
    return length, turn, wins


async def _start(ctx: CommandContext, rest: str) -> None:
    circle = ctx.require_circle()
    length, turn, wins = _parse_start(rest, circle.settings.turn)
    if await open_session(ctx) is not None:
        raise UsageError("a session is already open: /session shows it", usage=USAGE)
    agreement = await ctx.uow.agreements.version(circle.id, circle.agreement_version)
    reminder = reminder_line(agreement.text) if agreement else "What is said here stays here."
    members = await ctx.uow.members.of_circle(circle.id)
    session_id = uuid.uuid4()
    transition = core.start(
        str(session_id),
        ctx.now,
        int(length.total_seconds() * 1000),
        int(turn.total_seconds() * 1000),
        wins,
        reminder,
        away=away_map(members, ctx.now),
    )
    await ctx.uow.sessions.create(
        session_id, circle.id, core.to_json(transition.state), wins_only=wins, now=ctx.now
    )
    stored = await ctx.uow.sessions.get(session_id)
    assert stored is not None
    await apply(ctx, stored, transition)


async def _extend(ctx: CommandContext, rest: str) -> None:
    try:
        by = parse_duration(rest, maximum=timedelta(hours=2))
    except DurationError as exc:
        raise UsageError(
            str(exc), usage="/session extend DURATION, e.g. /session extend 15m"
        ) from exc
    stored, state = await require_session(ctx)
    try:
        await apply(ctx, stored, core.extend(state, int(by.total_seconds() * 1000), ctx.now))
    except core.SessionError as error:
        raise refusal(error) from error


async def _status(ctx: CommandContext) -> None:
    ctx.require_member()
    found = await open_session(ctx)
    if found is None:
        ctx.reply("No session is open. A facilitator can /session start one.")
        return
    _, state = found
    left = max(state.ends_at - (state.paused_at or ctx.now), 0)
    lines = [
        f"Session: {state.phase.value}{' (wins only)' if state.wins_only else ''}, "
        f"{format_duration(timedelta(milliseconds=left)) or '0s'} left"
        + (" (paused)" if state.paused_at is not None else "")
        + "."
    ]
    queue = core.ordered_queue(state, ctx.now)
    lines.append(
        ("Someone has the floor. " if state.speaker else "The floor is open. ")
        + f"Hands up: {len(queue)}."
    )
    ctx.reply("\n".join(lines))


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
