"""From one ``Incoming`` to committed state and queued replies, exactly once.

For each command: take the circle's lock, open one transaction, claim the (sender,
timestamp) dedupe key, run the handler, stage the replies in the outbox, commit. A malformed
or refused command rolls the whole transaction back and is answered in a fresh one (the
claim, the sender's membership, the reply): refusals are rare, and a savepoint around every
handler cost two more statements per command, two more round trips on PostgreSQL. An
unexpected error rolls back everything and the member gets a short apology.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from commands.catalog import Catalog
from commands.context import CircleContext, CommandContext, Deps
from commands.errors import Quiet, Refusal, UsageError
from commands.guards import check_guards
from commands.locks import KeyedLocks
from commands.parsing import is_plain_name, parse_command
from commands.ports import GroupSnapshot
from commands.roster_sync import Outcome, arrive_unseen, reconcile
from commands.router import CommandRouter, TimerHandler
from commands.types import (
    Incoming,
    Outgoing,
    OutgoingMessage,
    Priority,
    Recipient,
    encode_outgoing,
)
from facilitation.text import MAX_COMMAND_CHARS
from storage.records import Person
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("holdspace.commands")

APOLOGY = "Sorry, something went wrong on my side and nothing was changed. Please try again."
SLOW_DOWN = (
    "You're sending commands faster than I can follow, so I'm skipping some for a moment. "
    "Please wait a little and send the one you need again."
)

Staged = list[tuple[uuid.UUID | None, Outgoing]]


class Dispatcher:
    def __init__(self, routers: Iterable[CommandRouter], deps: Deps) -> None:
        self.catalog = Catalog(routers)
        self.timer_handlers = self.catalog.timers
        self.timer_priorities = self.catalog.timer_priorities
        self.sent_handlers = self.catalog.sent
        self.deps = replace(deps, help=self.catalog.help)
        self.locks = KeyedLocks()
        # Told which queued outbox rows an erasure deleted (the bot's send queue drops them).
        self.on_withdrawn: Callable[[Sequence[uuid.UUID]], None] | None = None

    async def handle(self, incoming: Incoming) -> Staged:
        """Run one command; returns the replies it committed to the outbox."""
        # The adapter caps text at MAX_COMMAND_CHARS + 1 before it gets here.
        parsed = parse_command(incoming.text[: MAX_COMMAND_CHARS + 1])
        if parsed is None:
            return []
        now = self.deps.clock.now_ms()
        if not self.deps.budget.take(incoming.sender, now):
            # A flood is dropped here, before any lock or database work; its sender hears
            # about it once a minute, by direct message, so the group isn't spammed.
            if self.deps.budget.should_notice(incoming.sender, now):
                notice = OutgoingMessage(Recipient.person(incoming.sender), SLOW_DOWN)
                return [(None, notice)]
            return []
        name, args = parsed
        key = await self._lock_key(incoming)
        async with self.locks.hold(key):
            try:
                return await self._run(incoming, name, args)
            except Exception as exc:  # noqa: BLE001 - a member's message must never crash us
                log.error("command failed: %s (%s)", type(exc).__name__, _safe_name(name))
                return await self._apologise(incoming)

    async def _lock_key(self, incoming: Incoming) -> str:
        if incoming.group_id is not None:
            return f"g:{incoming.group_id}"
        async with self.deps.storage.unit_of_work() as uow:
            ctx = self._context(incoming, uow, 0)
            await self._resolve_direct(ctx)
        if ctx.circle is not None:
            return f"g:{ctx.circle.group_id}"
        return f"p:{incoming.sender.lower()}"

    def _context(self, incoming: Incoming, uow: UnitOfWork, now: int) -> CommandContext:
        return CommandContext(incoming=incoming, uow=uow, deps=self.deps, now=now)

    async def _run(self, incoming: Incoming, name: str, args: str) -> Staged:
        now = self.deps.clock.now_ms()
        async with self.deps.storage.unit_of_work() as uow:
            if not await uow.events.claim(incoming.sender, incoming.timestamp, now):
                return []  # the same message again: it already acted once
            ctx = self._context(incoming, uow, now)
            joined = await self._resolve(ctx)
            refused = await self._invoke(ctx, name, args)
            if refused is None:
                staged = await self._stage(uow, ctx.outgoing, now)
                await uow.commit()
        if refused is not None:
            # Leaving the block rolled back whatever the handler wrote.
            return await self._answer_alone(incoming, refused, resolve=joined)
        self._apply_timers(ctx)
        await self._after_erasure(ctx)
        return staged

    async def _resolve(self, ctx: CommandContext) -> bool:
        """Find the circle and the sender's membership; True if the sender was just added
        to the circle (a group member the circle had not seen yet)."""
        if ctx.incoming.group_id is None:
            await self._resolve_direct(ctx)
            return False
        return await self._resolve_group(ctx, ctx.incoming.group_id)

    # --- timers --------------------------------------------------------------------------
    async def run_timer(self, kind: str, ref_id: uuid.UUID) -> Staged:
        """Run one timer if it is due; idempotent (a timer that is gone or not yet due does
        nothing but re-arm). Takes the circle's lock like a command does."""
        handler = self.timer_handlers.get(kind)
        if handler is None:
            log.error("no handler for timer kind %s", kind)
            return []
        async with self.deps.storage.unit_of_work() as uow:
            timer = await uow.timers.get(kind, ref_id)
            circle = None if timer is None else await uow.circles.get(timer.circle_id)
        if timer is None or circle is None:
            return []
        async with self.locks.hold(f"g:{circle.group_id}"):
            try:
                return await self._run_timer(handler, kind, ref_id)
            except Exception as exc:  # noqa: BLE001 - one bad timer must not stop the others
                log.error("timer %s failed: %s", kind, type(exc).__name__)
                return []

    async def _run_timer(self, handler: TimerHandler, kind: str, ref_id: uuid.UUID) -> Staged:
        now = self.deps.clock.now_ms()
        async with self.deps.storage.unit_of_work() as uow:
            timer = await uow.timers.get(kind, ref_id)
            if timer is None:
                return []
            if timer.due_at > now:  # moved later meanwhile, or fired early: just re-arm
                self.deps.timers.arm(kind, ref_id, timer.due_at)
                return []
            ctx = CircleContext(
                uow=uow,
                deps=self.deps,
                now=now,
                priority=self.timer_priorities.get(kind, Priority.NORMAL),
            )
            ctx.circle = await uow.circles.get(timer.circle_id)
            await handler(ctx, ref_id)
            if not any(change[:2] == (kind, ref_id) for change in ctx.timer_changes):
                await ctx.set_timer(kind, ref_id, None)  # a handler that didn't re-arm is done
            staged = await self._stage(uow, ctx.outgoing, now)
            await uow.commit()
        self._apply_timers(ctx)
        return staged

    async def run_due(self) -> Staged:
        """Run every timer due now (tests with a fake clock; catch-up)."""
        async with self.deps.storage.unit_of_work() as uow:
            due = await uow.timers.due(self.deps.clock.now_ms())
        staged: Staged = []
        for timer in due:
            staged += await self.run_timer(timer.kind, timer.ref_id)
        return staged

    async def record_sent(self, tag: str, timestamp: int) -> None:
        """The gateway's timestamp for a tagged message (e.g. a join-request post)."""
        kind, _, ref = tag.partition(":")
        handler = self.sent_handlers.get(kind)
        if handler is None:
            return
        try:
            async with self.deps.storage.unit_of_work() as uow:
                await handler(uow, uuid.UUID(ref), timestamp)
                await uow.commit()
        except Exception as exc:  # noqa: BLE001 - the send itself succeeded; log and go on
            log.error("could not record a sent message (%s)", type(exc).__name__)

    async def rearm_all(self) -> int:
        """Copy every stored timer into the scheduler (start-up, or after the clock moved)."""
        async with self.deps.storage.unit_of_work() as uow:
            timers = await uow.timers.all()
        for timer in timers:
            self.deps.timers.arm(timer.kind, timer.ref_id, timer.due_at)
        return len(timers)

    async def _after_erasure(self, ctx: CircleContext) -> None:
        """/forgetme committed: queued copies of the messages it deleted stay unsent, and
        the deleted values leave the database's files (WAL, dead rows) before the reply."""
        if ctx.withdrawn and self.on_withdrawn is not None:
            self.on_withdrawn(ctx.withdrawn)
        if not ctx.erased_from:
            return
        try:
            await self.deps.storage.clear_residue(ctx.erased_from)
        except Exception as exc:  # noqa: BLE001 - the erasure stands; the hourly purge retries
            log.error("could not clear erased values from the files (%s)", type(exc).__name__)

    def _apply_timers(self, ctx: CircleContext) -> None:
        final: dict[tuple[str, uuid.UUID], int | None] = {}
        for kind, ref_id, due_at in ctx.timer_changes:
            final[(kind, ref_id)] = due_at
        for (kind, ref_id), due_at in final.items():
            if due_at is None:
                self.deps.timers.disarm(kind, ref_id)
            else:
                self.deps.timers.arm(kind, ref_id, due_at)

    async def _resolve_group(self, ctx: CommandContext, group_id: str) -> bool:
        uow = ctx.uow
        ctx.circle = await uow.circles.by_group(group_id)
        if ctx.circle is None:
            return False
        # One joined look-up serves the common case of someone the circle already knows.
        ctx.member = await uow.members.by_aci(ctx.circle.id, ctx.incoming.sender)
        joined = ctx.member is None
        if ctx.member is None:
            # In the group but not on the roster (its update was lost, or not read yet):
            # they arrive by the roster's rules, unvouched unless something vouches for them.
            ctx.member = await arrive_unseen(ctx)
        ctx.person = Person(ctx.member.person_id, ctx.member.aci, None)
        return joined

    # --- the roster follows the group --------------------------------------------------------
    async def reconcile(
        self, group_id: str, actor: str | None = None, snapshot: GroupSnapshot | None = None
    ) -> tuple[Outcome, Staged]:
        """Read one circle's group and follow it (see commands.roster_sync); ``actor``: the
        sender of the group update that asked for it; ``snapshot``: the group, already read.
        Takes the circle's lock."""
        async with self.deps.storage.unit_of_work() as uow:
            found = await uow.circles.by_group(group_id)
        if found is None:
            return Outcome.NOT_A_CIRCLE, []
        async with self.locks.hold(f"g:{group_id}"):
            try:
                async with self.deps.storage.unit_of_work() as uow:
                    now = self.deps.clock.now_ms()
                    ctx = CircleContext(uow=uow, deps=self.deps, now=now)
                    ctx.circle = await uow.circles.get(found.id)
                    if ctx.circle is None:
                        return Outcome.NOT_A_CIRCLE, []
                    outcome = await reconcile(ctx, actor, snapshot)
                    staged = await self._stage(uow, ctx.outgoing, now)
                    await uow.commit()
            except Exception as exc:  # noqa: BLE001 - one group must not stop the others
                log.error("following a group failed: %s", type(exc).__name__)
                return Outcome.UNREADABLE, []
        self._apply_timers(ctx)
        return outcome, staged

    async def circle_groups(self) -> list[str]:
        """The group ids of this bot's circles (the hourly and start-up reads)."""
        async with self.deps.storage.unit_of_work() as uow:
            return [circle.group_id for circle in await uow.circles.all()]

    async def _resolve_direct(self, ctx: CommandContext) -> None:
        uow = ctx.uow
        ctx.person = await uow.people.by_aci(ctx.incoming.sender)
        if ctx.person is None:
            return
        memberships = await uow.members.of_person(ctx.person.id)
        if not memberships:
            return
        chosen = None
        if len(memberships) == 1:
            chosen = memberships[0]
        else:
            chosen = next(
                (m for m in memberships if m.circle_id == ctx.person.active_circle_id), None
            )
        ctx.memberships = memberships
        if chosen is None:
            return  # a member of several circles who hasn't picked one yet (/use)
        ctx.member = chosen
        ctx.circle = await uow.circles.get(chosen.circle_id)

    async def _invoke(self, ctx: CommandContext, name: str, args: str) -> Refusal | None:
        """Run the command; a refusal (or a usage error, as one) if it was refused, to be
        answered after the transaction is rolled back. None: commit what it did."""
        call = self.catalog.invocation(name, args)
        ctx.priority = call.priority
        try:
            check_guards(ctx, call)
            if call.action is None:
                raise UsageError
            await call.action.handler(ctx, call.action.parse(call.args))
        except UsageError as exc:
            hint = f" ({exc.hint})" if exc.hint else ""
            return Refusal(f"Usage: {exc.usage or call.usage}{hint}")
        except Refusal as exc:
            return exc
        except Quiet:
            return Refusal("")  # refused without a word: they were told why already
        return None

    @staticmethod
    async def _stage(uow: UnitOfWork, outgoing: list[Outgoing], now: int) -> Staged:
        return [
            (await uow.outbox.add(encode_outgoing(item), now, ordinal), item)
            for ordinal, item in enumerate(outgoing)
        ]

    async def _apologise(self, incoming: Incoming) -> Staged:
        return await self._answer_alone(incoming, Refusal(APOLOGY), resolve=False)

    async def _answer_alone(self, incoming: Incoming, answer: Refusal, *, resolve: bool) -> Staged:
        """Claim the message and reply ``answer`` (nothing, if empty), in a transaction of its
        own. ``resolve``: also record the membership the command's first pass added (someone
        new in the group, and what their arrival says to the facilitators); an apology after
        an unexpected error does not risk that work again."""
        now = self.deps.clock.now_ms()
        async with self.deps.storage.unit_of_work() as uow:
            if not await uow.events.claim(incoming.sender, incoming.timestamp, now):
                return []
            ctx = self._context(incoming, uow, now)
            if resolve:
                await self._resolve(ctx)
            if answer.reply:
                ctx.reply(answer.reply, priority=answer.priority)
            staged = await self._stage(uow, ctx.outgoing, now)
            await uow.commit()
        return staged


def _safe_name(name: str) -> str:
    return name if is_plain_name(name) else "?"
