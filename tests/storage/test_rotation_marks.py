"""Key rotation and the roster marks: a ban survives a rotation whenever its person is still
known; retirement refuses to drop marks only the old generation recognises."""

from __future__ import annotations

import uuid

import pytest

from facilitation.circle import CircleSettings, Purpose, Role
from storage.keyring import Keyring
from storage.rotation import RotationError, retire, rotate
from storage.unit_of_work import Storage

GROUP = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="
NOW = 1_767_225_600_000
DAY = 86_400_000


async def test_bans_follow_the_key_and_retire_guards_the_rest(
    any_storage: Storage, keyring: Keyring
) -> None:
    known, forgotten = str(uuid.uuid4()), str(uuid.uuid4())
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        await uow.people.get_or_create(known, NOW)  # removed people keep their person row
        await uow.marks.ban(circle.id, known, NOW)
        await uow.marks.ban(circle.id, forgotten, NOW)  # they asked to be forgotten since
        await uow.marks.add_founder_number(circle.id, "+15550000042", NOW)
        await uow.commit()
    new = keyring.with_new_generation()[0]
    await rotate(any_storage.engine, new)
    with pytest.raises(RotationError) as refused:
        await retire(any_storage.engine, new, 1, now=NOW)
    message = str(refused.value)
    assert "2 ban or founder mark(s)" in message and "--drop-marks" in message
    assert known not in message and forgotten not in message and "+1555" not in message
    smaller = await retire(any_storage.engine, new, 1, drop_marks=True, now=NOW)
    assert smaller.ids == (2,)
    after = Storage(any_storage.engine, smaller)
    async with after.unit_of_work() as uow:
        assert await uow.marks.is_banned(circle.id, known)  # made again under generation 2
        assert not await uow.marks.is_banned(circle.id, forgotten)
        assert not await uow.marks.founder_numbers_among(circle.id, ["+15550000042"])
    assert (await retire(any_storage.engine, new, 1, now=NOW)).ids == (2,)  # nothing left to guard


async def test_marks_are_scoped_to_their_circle_and_kind(any_storage: Storage) -> None:
    someone = str(uuid.uuid4())
    async with any_storage.unit_of_work() as uow:
        one = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        other = await uow.circles.create("b3RoZXI=", Purpose.VENTING, CircleSettings(), NOW)
        await uow.marks.ban(one.id, someone.upper(), NOW)
        await uow.marks.ban(one.id, someone, NOW)  # twice: still one mark
        assert await uow.marks.is_banned(one.id, someone)
        assert not await uow.marks.is_banned(other.id, someone)
        assert await uow.marks.banned_from(someone) == [one.id]
        assert await uow.marks.lift_ban(one.id, someone)
        assert not await uow.marks.is_banned(one.id, someone)
        await uow.marks.add_founder_number(one.id, "+15550000042", NOW)
        assert await uow.marks.founder_numbers_among(one.id, ["+15550000042", "+1"]) == {
            "+15550000042"
        }
        assert await uow.marks.take_founder_number(one.id, "+15550000042")
        assert not await uow.marks.take_founder_number(one.id, "+15550000042")
        await uow.marks.add_founder_number(one.id, "+15550000043", NOW)
        assert await uow.marks.purge_founders(NOW + 31 * 86_400_000) == 1
        await uow.commit()


async def test_a_refused_retirement_drops_no_mark(any_storage: Storage, keyring: Keyring) -> None:
    """--drop-marks with an outstanding invite from before the rotation: the retirement is
    refused, and the circle's ban list is untouched (nothing is half done)."""
    forgotten = str(uuid.uuid4())
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        inviter = await uow.people.get_or_create(str(uuid.uuid4()), NOW)
        member = await uow.members.add(circle.id, inviter, Role.MEMBER, founder=True, now=NOW)
        await uow.invites.add(circle.id, member.id, "old-open", NOW, NOW + 30 * DAY)
        await uow.marks.ban(circle.id, forgotten, NOW)  # only generation 1 recognises it
        await uow.commit()
    new = keyring.with_new_generation()[0]
    await rotate(any_storage.engine, new)
    with pytest.raises(RotationError, match="unused invite"):
        await retire(any_storage.engine, new, 1, drop_marks=True, now=NOW + DAY)
    async with any_storage.unit_of_work() as uow:
        assert await uow.marks.is_banned(circle.id, forgotten)
    smaller = await retire(
        any_storage.engine, new, 1, drop_marks=True, drop_invites=True, now=NOW + DAY
    )
    assert smaller.ids == (2,)
    async with Storage(any_storage.engine, new).unit_of_work() as uow:
        assert not await uow.marks.is_banned(circle.id, forgotten)
