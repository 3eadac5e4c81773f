"""From one ``Incoming`` to committed state and queued replies, exactly once.

For each command: resolve the sender (``commands.senders``), take the circle's lock, open one
transaction, claim the (sender, timestamp) dedupe key, run the guards, the parser and the
handler, stage the replies in the outbox, commit. A malformed or refused command rolls the
whole transaction back and is answered in a fresh one (the claim, the sender's arrival if
the first pass made one, the reply): refusals are rare, and a savepoint around every handler
cost two more statements per command, two more round trips on PostgreSQL. An unexpected
error rolls back everything and the member gets a short apology. No refusal, usage line or
apology ever quotes the member's message (``CommandContext.refuse``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace

from commands.catalog import Catalog
from commands.context import CommandContext, Deps
from commands.effects import Staged, apply_timers, stage
from commands.errors import Quiet, Refusal, UsageError
from commands.guards import check_guards
from commands.locks import KeyedLocks
from commands.parsing import is_plain_name, parse_command
from commands.rules import Access
from commands.senders import (
    RESOLVE_ATTEMPTS,
    DirectSender,
    StaleSender,
    lock_key,
    read_direct,
    resolve,
)
from commands.spec import Invocation
from commands.speech import rendered
from commands.support import failed_sos
from commands.types import Incoming, OutgoingMessage, Recipient
from facilitation.i18n import english
from facilitation.text import MAX_COMMAND_CHARS
from facilitation.texts import refusals as said
from facilitation.texts.commands import USAGE_LINE
from storage.records import Circle

log = logging.getLogger("holdspace.commands")

APOLOGY = said.APOLOGY
SLOW_DOWN = said.SLOW_DOWN


class CommandPipeline:
    def __init__(self, catalog: Catalog, deps: Deps, locks: KeyedLocks) -> None:
        self.catalog = catalog
        self.deps = deps
        self.locks = locks
        # Told which queued outbox rows an erasure deleted (the bot's send queue drops them).
        self.on_withdrawn: Callable[[Sequence[uuid.UUID]], None] | None = None

    async def handle(self, incoming: Incoming) -> Staged:
        """Run one command; returns the replies it committed to the outbox."""
        # The adapter caps text at MAX_COMMAND_CHARS + 1 before it gets here.
        parsed = parse_command(incoming.text[: MAX_COMMAND_CHARS + 1])
        if parsed is None:
            return []
        now = self.deps.clock.now_ms()
        name, args = parsed
        if not self._never_slowed(name) and not self.deps.budget.take(incoming.sender, now):
            # A flood is dropped here, before any lock or database work; its sender hears
            # about it once a minute, by direct message, so the group isn't spammed.
            if self.deps.budget.should_notice(incoming.sender, now):
                return [(None, await self._slow_down(incoming.sender))]
            return []
        for _ in range(RESOLVE_ATTEMPTS):
            staged = await self._attempt(incoming, name, args)
            if staged is not None:
                return staged
        log.warning("a direct message's circle kept changing while it waited; apologised")
        return await self._apologise(incoming)

    def _never_slowed(self, name: str) -> bool:
        """/sos is never dropped for a flood: the crisis path always answers."""
        spec = self.catalog.commands.get(name)
        return spec is not None and spec.rules.access is Access.CRISIS

    async def _attempt(self, incoming: Incoming, name: str, args: str) -> Staged | None:
        """One pass under the lock; None if the sender's resolution went stale."""
        try:
            direct = None
            if incoming.is_direct:
                direct = await read_direct(self.deps.storage, incoming.sender)
        except Exception as exc:  # noqa: BLE001 - reading the sender failed: the same apology
            log.error("command failed: %s (%s)", type(exc).__name__, _safe_name(name))
            return await self._apologise(incoming, name)
        async with self.locks.hold(lock_key(incoming, direct)):
            try:
                return await self._run(incoming, name, args, direct)
            except Exception as exc:  # noqa: BLE001 - a member's message must never crash us
                log.error("command failed: %s (%s)", type(exc).__name__, _safe_name(name))
                return await self._apologise(incoming, name)

    async def _run(
        self, incoming: Incoming, name: str, args: str, direct: DirectSender | None
    ) -> Staged | None:
        now = self.deps.clock.now_ms()
        async with self.deps.storage.unit_of_work() as uow:
            if not await uow.events.claim(incoming.sender, incoming.timestamp, now):
                return []  # the same message again: it already acted once
            ctx = CommandContext(incoming=incoming, uow=uow, deps=self.deps, now=now)
            try:
                joined = await resolve(ctx, direct)
            except StaleSender:
                return None  # leaving the block rolls the claim back; the caller reads again
            refused = await self._invoke(ctx, self.catalog.invocation(name, args))
            if refused is None:
                staged = await stage(uow, ctx.outgoing, now, ctx.circle)
                await uow.commit()
        if refused is not None:
            # Leaving the block rolled back whatever the handler wrote.
            return await self._answer_alone(
                incoming, refused, resolve_again=joined, about=ctx.circle
            )
        apply_timers(self.deps.timers, ctx)
        await self._after_erasure(ctx)
        return staged

    @staticmethod
    async def _invoke(ctx: CommandContext, call: Invocation) -> Refusal | None:
        """The guards, the parser, the handler. A refusal (a usage error becomes one) is
        answered after the transaction is rolled back; None: commit what it did."""
        ctx.priority = call.priority
        try:
            check_guards(ctx, call)
            if call.action is None:
                raise UsageError
            await call.action.handler(ctx, call.action.parse(call.args))
        except UsageError as exc:
            usage = exc.usage or call.usage
            shown = said.USAGE_HINT.with_(usage=usage, hint=exc.hint) if exc.hint else usage
            return Refusal(USAGE_LINE.with_(usage=shown))
        except Refusal as exc:
            return exc
        except Quiet:
            return Refusal("")  # refused without a word: they were told why already
        return None

    async def _after_erasure(self, ctx: CommandContext) -> None:
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

    async def _slow_down(self, sender: str) -> OutgoingMessage:
        """The once-a-minute notice to someone flooding, in their language: one read, not
        staged (nothing of a flood is stored)."""
        notice = OutgoingMessage(Recipient.person(sender), "", lazy=SLOW_DOWN)
        try:
            async with self.deps.storage.unit_of_work() as uow:
                [shown] = await rendered(uow, [notice], None)
        except Exception as exc:  # noqa: BLE001 - the notice still goes, in English
            log.error("could not look up a language for a notice (%s)", type(exc).__name__)
            return replace(notice, text=english(SLOW_DOWN), lazy=None)
        assert isinstance(shown, OutgoingMessage)
        return shown

    async def _apologise(self, incoming: Incoming, name: str | None = None) -> Staged:
        """The apology for a command that failed; a /sos gets the guide to human help
        instead, built without the database (which may be what failed)."""
        if name is not None and self._never_slowed(name):
            return failed_sos(incoming)
        return await self._answer_alone(incoming, Refusal(APOLOGY), resolve_again=False)

    async def _answer_alone(
        self,
        incoming: Incoming,
        answer: Refusal,
        *,
        resolve_again: bool,
        about: Circle | None = None,
    ) -> Staged:
        """Claim the message and send ``answer`` (nothing, if empty), in a transaction of
        its own. ``resolve_again``: also record the membership the command's first pass
        added (someone new in the group, and what their arrival says to the facilitators);
        an apology after an unexpected error does not risk that work again. ``about``: the
        circle the first pass found, whose language the answer takes: a refusal posted in
        that circle's group, or a newcomer's ``/join`` answered by direct message to
        someone with no language of their own (commands/speech.py)."""
        now = self.deps.clock.now_ms()
        async with self.deps.storage.unit_of_work() as uow:
            if not await uow.events.claim(incoming.sender, incoming.timestamp, now):
                return []
            ctx = CommandContext(incoming=incoming, uow=uow, deps=self.deps, now=now)
            if resolve_again:
                await resolve(ctx, None)  # a group message: its circle's lock is still held
            ctx.refuse(answer)
            circle = ctx.circle if ctx.circle is not None else about
            staged = await stage(uow, ctx.outgoing, now, circle)
            await uow.commit()
        return staged


def _safe_name(name: str) -> str:
    return name if is_plain_name(name) else "?"
