"""Each guard alone: given a context and an invocation, it passes or raises a refusal.

No database: the guards read only what the sender resolution put on the context (the
circle, the member, their memberships) and the declared rules."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from typing import Any, cast

import pytest

from commands.arguments import ignored
from commands.context import CommandContext, Deps
from commands.errors import Quiet, Refusal
from commands.guards import (
    GUARDS,
    PICK_A_CIRCLE,
    TOO_LONG,
    UNVOUCHED_REFUSAL,
    access,
    attempts,
    standing,
    strangers,
    tenure,
    too_long,
    where,
)
from commands.router import CommandRouter
from commands.rules import IF_KNOWN, IGNORED, SERVED, Access, Strangers, Tenure, Where, answered
from commands.spec import Invocation
from commands.types import Incoming, Priority
from facilitation.circle import CircleSettings, Purpose, Role, Standing
from facilitation.i18n import english
from facilitation.text import MAX_COMMAND_CHARS
from facilitation.vouching import DAY_MS
from storage.records import Circle, Member, Person
from storage.unit_of_work import UnitOfWork

NOW = 1_767_225_600_000
SENDER = str(uuid.uuid4())
CIRCLE = Circle(uuid.uuid4(), "group=", Purpose.SUPPORT, CircleSettings(), 2, NOW - 100 * DAY_MS)
FLAGS = Tenure("Flags count from members who have been here a while; yours will count {when}.")


def member(**changes: Any) -> Member:
    found = Member(
        id=uuid.uuid4(),
        circle_id=CIRCLE.id,
        person_id=uuid.uuid4(),
        aci=SENDER,
        role=Role.MEMBER,
        alias=None,
        joined_at=NOW - 30 * DAY_MS,
        agreed_version=2,
        founder=False,
    )
    return replace(found, **changes)


def context(*, direct: bool = False, text: str = "/x", **found: Any) -> CommandContext:
    deps = Deps(
        storage=cast(Any, None),
        groups=cast(Any, None),
        clock=cast(Any, None),
        timers=cast(Any, None),
        membership=cast(Any, None),
    )
    incoming = Incoming(None if direct else "group=", SENDER, NOW, text)
    ctx = CommandContext(uow=cast(UnitOfWork, None), deps=deps, now=NOW, incoming=incoming)
    for name, value in found.items():
        setattr(ctx, name, value)
    return ctx


def call(strangers: Strangers = IGNORED, **rules: Any) -> Invocation:
    router = CommandRouter("test")
    router.command("thing", usage="", summary="s", parse=ignored, strangers=strangers, **rules)(
        _noop
    )
    return router.groups[0].spec().resolve("")


async def _noop(ctx: CommandContext, value: None) -> None:
    return None


def refusal(guard: Any, ctx: CommandContext, invocation: Invocation) -> str:
    with pytest.raises(Refusal) as refused:
        guard(ctx, invocation)
    return english(refused.value.reply)


def test_strangers_hear_nothing_unless_the_command_says_otherwise() -> None:
    with pytest.raises(Quiet):
        strangers(context(direct=True), call())
    strangers(context(direct=True), call(SERVED))  # /help, /join
    strangers(context(direct=False), call())  # a group is never a stranger's DM
    known = Person(uuid.uuid4(), SENDER, None)
    strangers(context(direct=True, person=known), call(IF_KNOWN))  # /mydata of a newcomer
    with pytest.raises(Quiet):
        strangers(context(direct=True), call(IF_KNOWN))
    strangers(context(direct=True, memberships=[member()]), call())  # a member is no stranger


def test_a_strangers_fixed_answer_comes_a_few_times_an_hour() -> None:
    rule = answered("Only members can vouch.", priority=Priority.URGENT)
    ctx = context(direct=True)
    for _ in range(5):
        with pytest.raises(Refusal) as refused:
            strangers(ctx, call(rule))
        assert refused.value.reply == "Only members can vouch."
        assert refused.value.priority is Priority.URGENT
    with pytest.raises(Quiet):
        strangers(ctx, call(rule))


def test_too_long_is_refused_before_anything_reads_it() -> None:
    too_long(context(text="/x " + "y" * (MAX_COMMAND_CHARS - 3)), call())
    with pytest.raises(Refusal) as refused:
        too_long(context(text="/x " + "y" * MAX_COMMAND_CHARS), call())
    assert refused.value.reply == TOO_LONG


def test_where_says_where_the_command_works() -> None:
    where(context(direct=False), call(where=Where.GROUP))
    assert re.search(
        "works in your circle's group",
        refusal(where, context(direct=True), call(where=Where.GROUP)),
    )
    assert re.search(
        "only by direct message", refusal(where, context(direct=False), call(where=Where.DIRECT))
    )
    group = CommandRouter("t").group("agreement", summary="s")
    group.sub("set", parse=ignored, where=Where.GROUP, elsewhere="Change it in the group.")(_noop)
    assert re.search(
        "^Change it in the group.$",
        refusal(where, context(direct=True), group.spec().resolve("set")),
    )


def test_someone_without_a_vouch_is_told_once_then_quietly_refused_trust_data() -> None:
    waiting = member(standing=Standing.UNVOUCHED)
    ctx = context(member=waiting)
    standing(ctx, call(trusted=False))  # sessions, the agreement: open to them
    with pytest.raises(Refusal) as refused:
        standing(ctx, call(trusted=True))
    assert refused.value.reply == UNVOUCHED_REFUSAL
    with pytest.raises(Quiet):
        standing(ctx, call(trusted=True))
    standing(context(member=member()), call(trusted=True))


def test_access_checks_circle_membership_agreement_and_role() -> None:
    access(context(), call(access=Access.ANYONE))
    assert re.search("isn't a circle yet", refusal(access, context(), call(access=Access.MEMBER)))
    assert re.search(
        "for members", refusal(access, context(circle=CIRCLE), call(access=Access.MEMBER))
    )
    access(context(circle=CIRCLE, member=member()), call(access=Access.MEMBER))
    behind = member(agreed_version=1)
    assert re.search(
        "community agreement first",
        refusal(access, context(circle=CIRCLE, member=behind), call(access=Access.AGREED)),
    )
    assert re.search(
        "Only a facilitator",
        refusal(access, context(circle=CIRCLE, member=member()), call(access=Access.FACILITATOR)),
    )
    access(
        context(circle=CIRCLE, member=member(role=Role.FACILITATOR)),
        call(access=Access.FACILITATOR),
    )


def test_a_member_of_several_circles_picks_one_before_a_direct_message_counts() -> None:
    several = [member(), member(circle_id=uuid.uuid4())]
    with pytest.raises(Refusal) as refused:
        access(context(direct=True, memberships=several), call(access=Access.MEMBER))
    assert refused.value.reply == PICK_A_CIRCLE
    access(context(direct=True, memberships=several), call(access=Access.ANYONE))  # /use


def test_tenure_counts_from_the_circles_minimum_and_founders_at_once() -> None:
    new = member(joined_at=NOW - 3 * DAY_MS)
    with pytest.raises(Refusal) as refused:
        tenure(context(circle=CIRCLE, member=new), call(access=Access.AGREED, tenure=FLAGS))
    assert refused.value.reply.endswith("yours will count in 11 days.")
    almost = member(joined_at=NOW - 13 * DAY_MS - 1)
    assert re.search(
        "in 1 day[.]",
        refusal(
            tenure, context(circle=CIRCLE, member=almost), call(access=Access.AGREED, tenure=FLAGS)
        ),
    )
    founder = member(joined_at=NOW, founder=True)
    tenure(context(circle=CIRCLE, member=founder), call(access=Access.AGREED, tenure=FLAGS))
    tenure(context(circle=CIRCLE, member=new), call(access=Access.AGREED))  # no tenure rule


def test_a_limited_command_drops_a_flood_without_a_word() -> None:
    ctx = context(direct=True)
    for _ in range(5):
        attempts(ctx, call(limited=True))
    with pytest.raises(Quiet):
        attempts(ctx, call(limited=True))
    attempts(ctx, call(limited=False))


def test_the_chain_runs_in_the_order_that_decides_what_a_stranger_hears() -> None:
    assert GUARDS[:2] == (strangers, too_long)  # a stranger's long text: still nothing
    assert GUARDS.index(where) < GUARDS.index(standing) < GUARDS.index(access)
    assert GUARDS.index(access) < GUARDS.index(tenure)
