"""Applying the facilitation core's transitions to a circle: persist the state, post what
it says (members named by alias with a real Signal mention), arm its one timer, and on close
post the anonymous summary and look out for the trauma loop."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from commands.closing import care_after_close
from commands.context import CircleContext
from commands.errors import Refusal
from facilitation import session as core
from facilitation.aggregates import tally
from facilitation.checkins import summary
from facilitation.i18n import Piece, Someone
from facilitation.session import (
    Closed,
    Post,
    SessionError,
    SessionState,
    Transition,
    from_json,
    to_json,
)
from facilitation.session_members import anonymous
from facilitation.texts import turns
from storage.records import Member
from storage.repositories.sessions import SessionAggregates, StoredSession

if TYPE_CHECKING:
    from facilitation.i18n.render import Writer

SESSION_TIMER = "session"

REFUSALS = {
    "not-speaker": turns.NOT_SPEAKER,
    "already-queued": turns.ALREADY_QUEUED,
    "already-speaking": turns.ALREADY_SPEAKING,
    "not-queued": turns.NOT_QUEUED,
    "paused": turns.PAUSED,
    "not-paused": turns.NOT_PAUSED,
    "closed": turns.CLOSED,
    "checking-out": turns.CHECKING_OUT,
    "away": turns.AWAY,
}


def refusal(error: SessionError) -> Refusal:
    return Refusal(REFUSALS.get(error.code, turns.CANT_NOW))


async def open_session(ctx: CircleContext) -> tuple[StoredSession, SessionState] | None:
    circle = ctx.require_circle()
    stored = await ctx.uow.sessions.open_in(circle.id)
    return None if stored is None else (stored, from_json(stored.state_json))


async def require_session(ctx: CircleContext) -> tuple[StoredSession, SessionState]:
    found = await open_session(ctx)
    if found is None:
        raise Refusal(turns.NO_SESSION)
    return found


async def change(
    ctx: CircleContext,
    step: Callable[[SessionState], Transition],
    refuse: Callable[[SessionError], Refusal] = refusal,
) -> Transition:
    """One change to the open session by a command: refused (``refuse`` says how) if the
    core refuses it, else applied."""
    stored, state = await require_session(ctx)
    try:
        transition = step(state)
    except SessionError as error:
        raise refuse(error) from error
    await apply(ctx, stored, transition)
    return transition


async def apply(ctx: CircleContext, stored: StoredSession, transition: Transition) -> None:
    """Persist, announce, re-arm; the one path every session change takes."""
    closed: Closed | None = None
    for effect in transition.effects:
        if isinstance(effect, Post):
            text, about = await render(ctx, effect)
            ctx.post(text, about=about)
        elif isinstance(effect, Closed):
            closed = effect
    if closed is not None:
        # What outlives a session is anonymous: its state keeps no member ids.
        await _close(ctx, stored, to_json(anonymous(transition.state)), closed.holders)
        await ctx.set_timer(SESSION_TIMER, stored.id, None)
        return
    await ctx.uow.sessions.save(stored.id, to_json(transition.state))
    await ctx.set_timer(SESSION_TIMER, stored.id, transition.due_at)


async def carry_on(
    ctx: CircleContext, stored: StoredSession, state: SessionState, *, floor_freed: bool
) -> None:
    """Apply a state someone was taken out of: if they held the floor, the next speaker is
    called (unless the session is paused or not sharing); otherwise the timer is kept right."""
    transition: Transition | None = None
    if floor_freed and state.phase is core.Phase.SHARING and state.paused_at is None:
        try:
            transition = core.next_speaker(state, ctx.now)
        except SessionError:
            transition = None
    await apply(ctx, stored, transition or core.tick(state, ctx.now))


@dataclass(frozen=True, slots=True)
class WithPeople:
    """A text of the session core with its members filled in: each member id it names
    becomes their account (for a mention) and the name the circle knows them by."""

    text: Piece
    people: Mapping[str, Someone]

    def write(self, out: Writer) -> None:
        before = out.people
        out.people = {**before, **self.people}
        try:
            out.value(self.text)
        finally:
            out.people = before

    def __repr__(self) -> str:
        return f"WithPeople(people={len(self.people)})"


async def render(
    ctx: CircleContext, post: Post, *, ping: bool = True
) -> tuple[WithPeople, list[uuid.UUID]]:
    """The post ready to send, and the ids of everyone it names: their member and person
    ids, so a /forgetme finds it while it is unsent (even once they left the circle).
    ``ping=False``: everyone is named without a mention (an answer to a question, like
    ``/cohost``, needn't notify the people it names)."""
    circle = ctx.require_circle()
    mentioned = set(post.mentions) if ping else set()
    people: dict[str, Someone] = {}
    about: list[uuid.UUID] = []
    for ref in post.members:
        wanted = uuid.UUID(ref)
        member = await ctx.uow.members.get(wanted)
        about += [wanted] if member is None else [wanted, member.person_id]
        if ref in mentioned and member is not None:
            people[ref] = Someone(member.aci, member.alias)
        elif ref in mentioned:
            people[ref] = Someone(ref, mention=False)  # "someone"
        else:  # named without pinging them: the name /queue shows
            names = await ctx.uow.members.display_names(circle.id, {wanted})
            people[ref] = Someone(ref, names.get(wanted), mention=False)
    return WithPeople(post.text, people), about


async def _close(
    ctx: CircleContext, stored: StoredSession, state_json: str, holders: tuple[str, ...]
) -> None:
    moods = await ctx.uow.checkins.moods(stored.id)
    checked_in, checked_out = len(moods.checkins), len(moods.checkouts)
    # All that outlives the session of its moods: how many were given and how many were low
    # (facilitation/aggregates.py); no average or median, which would give a mood away.
    aggregates = SessionAggregates(
        checked_in=checked_in,
        checked_out=checked_out,
        moods_in=tally(moods.checkins),
        moods_out=tally(moods.checkouts),
        cohosts=max(len(holders) - 1, 0),
    )
    await ctx.uow.sessions.close(stored.id, state_json, aggregates, ctx.now)
    ctx.post(summary(checked_in, checked_out, stored.wins_only))
    await care_after_close(ctx, stored.id, holders)


def away_map(members: list[Member], now: int) -> dict[str, int]:
    return {
        str(m.id): m.away_until for m in members if m.away_until is not None and m.away_until > now
    }
