"""Everything the bot runs with once signalbot is ready, built in one place.

``build_runtime`` opens the database, takes the key generation to write with, and wires the
parts together: the gateway client, the send queue, the timers in signalbot's scheduler, the
command dispatcher and the group follower. The ``Runtime`` it returns is complete and frozen:
nothing in it is filled in later. It then handles each message, timer and group update
(bot/app.py hands them over) and closes everything in order.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.adapter import to_incoming
from bot.clock import AdjustableClock
from bot.config import Settings
from bot.gateway import GatewayClient
from bot.keyfence import ProcessKeys
from bot.roster import GroupFollower
from bot.sender import OutgoingQueue
from bot.signalbot_seam import Signalbot
from bot.timers import RunTimer, SchedulerTimers
from bot.transport import SignalbotTransport
from commands.app import build_dispatcher
from commands.context import Deps
from commands.dispatcher import Dispatcher
from commands.support import held_sos
from storage.unit_of_work import Storage

log = logging.getLogger("holdspace.bot")

QUOTE_SETTLE_SECONDS = 3.0
DRAIN_SECONDS = 10


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    clock: AdjustableClock
    keys: ProcessKeys
    storage: Storage
    gateway: GatewayClient
    sender: OutgoingQueue
    dispatcher: Dispatcher
    follower: GroupFollower

    async def start(self) -> None:
        """Start sending; queue what a previous run left unsent; arm the stored timers."""
        await self.sender.start()
        resumed = await self.sender.resume_from_outbox()
        if resumed:
            log.warning("resending %d replies a previous run had not sent", resumed)
        armed = await self.dispatcher.rearm_all()
        log.info("re-armed %d timers from the database", armed)

    async def handle(self, message: Any, *, read_ahead: bool) -> None:
        """One message signalbot read. Read ahead (/sos, /pause) it does not wait for room
        in the send queue; either way, a key without the database's generation finds
        nobody, so it waits for the key (a /sos gets the guide to human help first)."""
        incoming = to_incoming(message, self.settings.signal.phone_number)
        if incoming is None:
            return
        if not self.keys.is_usable:
            # /sos needs no database to get the guide to human help: at once, storing nothing.
            self.sender.submit(held_sos(incoming))
        if not read_ahead:
            await self.sender.room()
        await self.keys.usable()
        if incoming.quote is not None:  # it may reply to a post whose timestamp is in flight
            await self.sender.tags_settled(timeout=QUOTE_SETTLE_SECONDS)
        self.sender.submit(await self.dispatcher.handle(incoming))

    async def run_timer(self, kind: str, ref_id: uuid.UUID) -> None:
        await self.keys.usable()
        self.sender.submit(await self.dispatcher.run_timer(kind, ref_id))

    async def group_changed(self, group_id: str, actor: str | None) -> None:
        """A group update envelope: the circle follows its group within seconds."""
        self.gateway.forget_roster(group_id)
        await self.follower.changed(group_id, actor)

    async def close(self) -> None:
        """Send what is queued (for a while), then close the gateway and the database,
        saying first that this process no longer holds any key generation."""
        await self.sender.drain(timeout=DRAIN_SECONDS)
        await self.sender.stop()
        await self.gateway.close()
        with contextlib.suppress(OSError, SQLAlchemyError):
            await self.keys.leave(self.storage)  # no longer a process rotation waits for
        await self.storage.close()


async def build_runtime(
    settings: Settings,
    keys: ProcessKeys,
    clock: AdjustableClock,
    signal: Signalbot,
    fire: RunTimer,
) -> Runtime:
    """``fire``: what a timer that comes due calls (bot/app.py hands it to the runtime)."""
    storage = await Storage.open(
        settings.storage.url,
        keys.loaded,
        migrate=settings.storage.auto_upgrade,
        account=settings.signal.phone_number,
        checkpoint_in_background=True,
    )
    try:
        await keys.beat(storage)  # the generation to write with, before any write
        async with storage.unit_of_work() as uow:
            if await uow.circles.claim_unowned():
                log.warning("circles from an older version now belong to this bot's account")
            await uow.commit()
    except BaseException:
        await storage.close()  # signalbot retries its start-up, which builds all this again
        raise
    gateway = GatewayClient(settings.signal)
    dispatcher = build_dispatcher(
        Deps(
            storage=storage,
            groups=gateway,
            clock=clock,
            timers=SchedulerTimers(signal.scheduler, clock, fire),
            membership=gateway,
        )
    )
    sender = OutgoingQueue(
        SignalbotTransport(signal, settings.outgoing.send_timeout_seconds),
        storage,
        settings.outgoing,
        on_tagged_sent=dispatcher.record_sent,
    )
    dispatcher.on_withdrawn = sender.withdraw
    # The roster follows each circle's group: on each update envelope, at start-up (changes
    # made while the bot was down), hourly (an update that was lost), soon after a failed read.
    follower = GroupFollower(dispatcher, gateway, sender, keys)
    return Runtime(settings, clock, keys, storage, gateway, sender, dispatcher, follower)
