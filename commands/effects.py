"""What a transaction that commits leaves behind: its messages in the outbox, its timers armed.

Shared by the command pipeline and the jobs (timers, reads of a group): the messages a
context produced are staged in the encrypted outbox in the same transaction as the change,
and its timer changes reach the scheduler only once that transaction has committed.
"""

from __future__ import annotations

import uuid

from commands.context import CircleContext
from commands.ports import TimerPort
from commands.speech import rendered
from commands.types import Outgoing, encode_outgoing
from storage.records import Circle
from storage.unit_of_work import UnitOfWork

Staged = list[tuple[uuid.UUID | None, Outgoing]]
"""Committed outbox rows (None: a notice never stored, like the flood notice) and what each
says; the bot's send queue takes them."""


async def stage(
    uow: UnitOfWork, outgoing: list[Outgoing], now: int, circle: Circle | None = None
) -> Staged:
    """Each message rendered in its reader's language (``circle``: the one the context
    worked in, whose language its group posts take), then stored in the outbox."""
    final = await rendered(uow, outgoing, circle)
    return [
        (await uow.outbox.add(encode_outgoing(item), now, ordinal), item)
        for ordinal, item in enumerate(final)
    ]


def apply_timers(timers: TimerPort, ctx: CircleContext) -> None:
    """Arm (or disarm) each timer the committed context changed, once, at its last value."""
    final: dict[tuple[str, uuid.UUID], int | None] = {}
    for kind, ref_id, due_at in ctx.timer_changes:
        final[(kind, ref_id)] = due_at
    for (kind, ref_id), due_at in final.items():
        if due_at is None:
            timers.disarm(kind, ref_id)
        else:
            timers.arm(kind, ref_id, due_at)
