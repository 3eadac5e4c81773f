"""The group follower keeps to the key fence: a bot whose key lacks the generation the
database is written with would not recognise the circle's members and would enrol them
again, so it reads no group until its key is back (bot/roster.py, bot/keyfence.py)."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from bot.roster import GroupFollower
from commands.ports import GroupSnapshot
from commands.roster_sync import Outcome

GROUP = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="


class Keys:
    def __init__(self) -> None:
        self.ready = asyncio.Event()

    async def usable(self) -> None:
        await self.ready.wait()

    @property
    def is_usable(self) -> bool:
        return self.ready.is_set()


class Dispatcher:
    def __init__(self, outcome: Outcome = Outcome.DONE) -> None:
        self.reads: list[tuple[str, str | None]] = []
        self.outcome = outcome

    async def reconcile(
        self, group_id: str, actor: str | None = None, snapshot: GroupSnapshot | None = None
    ) -> tuple[Outcome, list[Any]]:
        self.reads.append((group_id, actor))
        return self.outcome, []

    async def circle_groups(self) -> list[str]:
        return [GROUP]


class Gateway:
    async def snapshots(self) -> dict[str, GroupSnapshot]:
        return {
            GROUP: GroupSnapshot(
                members=(),
                admins=(),
                bot_in_group=True,
                bot_is_admin=True,
                members_can_add=False,
                link_on=False,
            )
        }


class Sender:
    def submit(self, staged: list[Any]) -> None:
        pass


def follower(dispatcher: Dispatcher, keys: Keys) -> GroupFollower:
    return GroupFollower(cast(Any, dispatcher), cast(Any, Gateway()), cast(Any, Sender()), keys)


async def settle() -> None:
    for _ in range(20):  # let every ready task run as far as it can (no timer involved)
        await asyncio.sleep(0)


async def test_no_group_is_read_while_the_key_lacks_the_databases_generation() -> None:
    keys, dispatcher = Keys(), Dispatcher(Outcome.UNREADABLE)
    following = follower(dispatcher, keys)
    await following.everything()  # the hourly and start-up round: skipped
    await following.retry()
    assert dispatcher.reads == []
    update = asyncio.create_task(following.changed(GROUP, "someone"))  # an update waits
    await settle()
    assert dispatcher.reads == [] and not update.done()
    keys.ready.set()  # the key file now holds the generation
    await update
    assert dispatcher.reads == [(GROUP, "someone")]
    keys.ready.clear()
    await following.retry()  # the unreadable group waits for its retry, still
    assert dispatcher.reads == [(GROUP, "someone")]
    keys.ready.set()
    await following.retry()
    await following.everything()
    assert dispatcher.reads == [(GROUP, "someone"), (GROUP, None), (GROUP, None)]
