"""Speaking turns: /hand, /lower, /queue, /done, /next, /pause, /resume."""

from __future__ import annotations

import uuid

from commands.arguments import ignored, nothing, words
from commands.context import CommandContext
from commands.holders import steering
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.session_flow import change, require_session
from commands.types import Priority
from facilitation import session as core
from facilitation.i18n import Duration, Piece, Someone, lines
from facilitation.texts import turns as texts
from storage.repositories.sessions import Counted

turns_router = CommandRouter("turns")


@turns_router.command(
    "hand",
    usage="[topic]",
    summary=texts.HAND_SUMMARY,
    where=Where.GROUP,
    access=Access.AGREED,
    parse=words,  # the core cleans it and keeps MAX_TOPIC_CHARS of it
)
async def hand(ctx: CommandContext, topic: str) -> None:
    member = ctx.require_agreed()
    me = str(member.id)
    if member.is_away(ctx.now):  # raising a hand means you're back
        await ctx.uow.members.set_away(member.id, None)
        await change(ctx, lambda s: core.set_back(s, me, ctx.now))
    transition = await change(ctx, lambda s: core.raise_hand(s, me, topic or None, ctx.now))
    speaker = transition.state.speaker
    if speaker is None or speaker.member != me:
        ctx.react("✋")


@turns_router.command(
    "lower",
    usage="",
    summary=texts.LOWER_SUMMARY,
    where=Where.GROUP,
    access=Access.AGREED,
    parse=nothing,
)
async def lower(ctx: CommandContext, _: None) -> None:
    me = str(ctx.require_agreed().id)
    await change(ctx, lambda s: core.lower_hand(s, me, ctx.now))
    ctx.react("👌")


@turns_router.command(
    "queue",
    usage="",
    summary=texts.QUEUE_SUMMARY,
    where=Where.GROUP,
    access=Access.MEMBER,
    parse=nothing,
)
async def queue(ctx: CommandContext, _: None) -> None:
    """Who speaks and who waits, by name without a mention. The order is the progressive
    stack (who hasn't spoken today goes first), but nobody is labelled by it: whether
    someone has shared yet is not the queue's to announce."""
    state = (await require_session(ctx))[1]
    circle = ctx.require_circle()
    waiting = core.ordered_queue(state, ctx.now)
    shown = [raised.member for raised in waiting]
    if state.speaker is not None:
        shown.append(state.speaker.member)
    found = await ctx.uow.members.display_names(circle.id, {uuid.UUID(m) for m in shown})
    names = {str(member_id): name for member_id, name in found.items()}

    def who(member: str) -> Someone:
        return Someone(member, names.get(member), mention=False)

    said: list[Piece] = []
    if state.speaker is not None:
        left = max(state.speaker.ends_at - (state.paused_at or ctx.now), 0)
        said.append(texts.SPEAKING.with_(who=who(state.speaker.member), left=Duration.left(left)))
    if waiting:
        said.append(texts.WAITING)
        said += [
            texts.WAITING_LINE.with_(place=place, who=who(raised.member))
            for place, raised in enumerate(waiting, start=1)
        ]
    if not said:
        said.append(texts.EMPTY_QUEUE)
    ctx.reply(lines(*said), about=found)


@turns_router.command(
    "done",
    usage="",
    summary=texts.DONE_SUMMARY,
    where=Where.GROUP,
    access=Access.AGREED,
    priority=Priority.URGENT,  # the floor passes on: the circle waits for it
    parse=ignored,
)
async def done(ctx: CommandContext, _: None) -> None:
    me = str(ctx.require_agreed().id)
    await change(ctx, lambda s: core.done(s, me, ctx.now))


@turns_router.command(
    "next",
    usage="",
    summary=texts.NEXT_SUMMARY,
    where=Where.GROUP,
    access=Access.AGREED,
    priority=Priority.URGENT,
    parse=ignored,
)
async def next_(ctx: CommandContext, _: None) -> None:
    member = ctx.require_agreed()
    state = (await require_session(ctx))[1]
    speaker = state.speaker.member if state.speaker is not None else None
    steers = core.may_steer(
        state, str(member.id), core.HostAction.NEXT, facilitator=member.is_facilitator
    )
    if speaker == str(member.id) and not steers:
        await change(ctx, lambda s: core.done(s, str(member.id), ctx.now))
        return
    await steering(ctx, core.HostAction.NEXT)
    await change(ctx, lambda s: core.next_speaker(s, ctx.now))


@turns_router.command(
    "pause",
    usage="",
    summary=texts.PAUSE_SUMMARY,
    where=Where.GROUP,
    access=Access.AGREED,
    priority=Priority.URGENT,
    parse=ignored,
)
async def pause(ctx: CommandContext, _: None) -> None:
    await change(ctx, lambda s: core.pause(s, ctx.now))
    await ctx.uow.sessions.count_in(ctx.require_circle().id, Counted.PAUSE)  # for /circle health


@turns_router.command(
    "resume",
    usage="",
    summary=texts.RESUME_SUMMARY,
    where=Where.GROUP,
    access=Access.MEMBER,  # facilitators, and the session's co-hosts (commands/holders.py)
    parse=ignored,
)
async def resume(ctx: CommandContext, _: None) -> None:
    await steering(ctx, core.HostAction.RESUME)
    await change(ctx, lambda s: core.resume(s, ctx.now))
