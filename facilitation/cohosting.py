"""Co-hosting: sharing the floor for one session.

Support-group guides name facilitator burnout as the greatest risk to a group's survival and
recommend at least two facilitators. A co-host is a member a facilitator trusts with this
session's steering (``/next``, ``/pause``, ``/resume``, ``/session extend``: see
``session_state.may_steer``), for this session only.

The holders live in the session's own state rather than in a table: the role then ends with the
session by construction (closing hands them over in ``Closed`` and keeps none), and a stored state
from before co-hosting simply has none (``from_json`` defaults both fields).

Like every transition, these first catch up on timer steps already due, so a ``/cohost`` sent as
the session runs out is refused with "closed" and the pending timer closes it, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from facilitation import prompts
from facilitation.i18n import ListOf, lines
from facilitation.session import next_due, tick
from facilitation.session_state import (
    Effect,
    Phase,
    Post,
    SessionError,
    SessionState,
    Transition,
)
from facilitation.texts import session as texts

MAX_COHOSTS = 3
"""More than three co-hosts is a committee; the floor would have no one holding it."""


def _caught_up(state: SessionState, now: int) -> tuple[SessionState, list[Effect]]:
    caught = tick(state, now)
    if caught.state.phase is Phase.CLOSED:
        raise SessionError("closed")
    return caught.state, list(caught.effects)


def _check_new(state: SessionState, member: str, now: int, adding: int = 1) -> None:
    if member in state.holders:
        raise SessionError("already-holding")
    if state.is_away(member, now):
        raise SessionError("away")
    if len(state.cohosts) + adding > MAX_COHOSTS:
        raise SessionError("too-many-cohosts")


def _transition(state: SessionState, effects: list[Effect]) -> Transition:
    return Transition(state, tuple(effects), next_due(state))


def names(members: Sequence[str]) -> ListOf:
    """``@a``, ``@a and @b``, ``@a, @b and @c``: mentions listed the language's way."""
    return ListOf([prompts.speaker(member) for member in members])


def add_cohost(state: SessionState, member: str, now: int) -> Transition:
    """``/cohost @member``: they share the floor until the session closes."""
    state, effects = _caught_up(state, now)
    _check_new(state, member, now)
    state = replace(state, cohosts=(*state.cohosts, member))
    effects.append(Post(texts.COHOST_JOINED.with_(who=prompts.speaker(member))))
    return _transition(state, effects)


def remove_cohost(state: SessionState, member: str, now: int) -> Transition:
    """Undo a co-host chosen by mistake, or let one step back (``/cohost remove @member``)."""
    state, effects = _caught_up(state, now)
    if member not in state.cohosts:
        raise SessionError("not-cohost")
    state = replace(state, cohosts=tuple(m for m in state.cohosts if m != member))
    effects.append(Post(texts.COHOST_STEPPED_BACK.with_(who=prompts.speaker(member))))
    return _transition(state, effects)


def with_cohosts(opening: Transition, cohosts: Sequence[str]) -> Transition:
    """``/session start ... with @a @b``: the opening, with co-hosts, announced in one post.

    ``opening`` is what ``session.start`` returned (at ``started_at``); a repeated name counts
    once. Refused whole (SessionError) if any of them cannot co-host, so nothing half-starts.
    """
    state = opening.state
    wanted = tuple(dict.fromkeys(cohosts))
    if not wanted:
        return opening
    for member in wanted:
        _check_new(state, member, state.started_at, adding=len(wanted))
    state = replace(state, cohosts=wanted)
    line = texts.COHOSTING_WITH.with_(names=names(wanted))
    effects = [
        Post(lines(effect.text, line)) if isinstance(effect, Post) and index == 0 else effect
        for index, effect in enumerate(opening.effects)
    ]
    return Transition(state, tuple(effects), opening.due_at)


def holders_post(state: SessionState) -> Post:
    """``/cohost`` alone: who holds the session, by name (a host's role is public in the circle)."""
    if state.host is None and not state.cohosts:
        return Post(texts.NO_HOLDERS)
    if state.host is None:
        return Post(texts.COHOSTED_BY.with_(cohosts=names(state.cohosts)))
    host = prompts.speaker(state.host)
    if state.cohosts:
        return Post(texts.HOSTED_BY_WITH.with_(host=host, cohosts=names(state.cohosts)))
    return Post(texts.HOSTED_BY.with_(host=host))
