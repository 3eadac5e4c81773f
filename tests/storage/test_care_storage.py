"""Facilitator care and circle health stored (issue 16): who held each session, the load
notice, debriefs, rotas, the session tallies and counts, what /circle health reads, and the
circle settings; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from facilitation.aggregates import MoodTally
from facilitation.circle import CircleSettings
from facilitation.debrief import Debrief
from facilitation.rota import RotaError, Swap, take_swap
from storage.repositories.sessions import Counted, SessionAggregates
from storage.unit_of_work import Storage
from tests.storage.care import DAY, HOUR, NOW, Circle, build


async def test_holders_are_counted_once_per_session_and_read_back_per_member(
    any_storage: Storage,
) -> None:
    c = await build(any_storage, sessions=3)
    f1, f2 = c.ids["f1"], c.ids["f2"]
    async with any_storage.unit_of_work() as uow:
        # Recorded again (a close retried): nothing doubles.
        assert await uow.hosting.record(c.sessions[-1], c.id, [f1, f2, f1]) == 0
        held = await uow.hosting.held_by(c.id)
        assert held == {f1: (NOW, NOW + DAY, NOW + 2 * DAY), f2: (NOW + 2 * DAY,)}
        assert await uow.hosting.held_at(c.id, uuid.UUID(f2)) == (NOW + 2 * DAY,)
        assert await uow.hosting.held_at(c.id, uuid.UUID(c.ids["m1"])) == ()
        assert await uow.hosting.load_among(c.sessions[1:]) == {f1: 2, f2: 1}
        assert await uow.hosting.load_among([]) == {}
        assert await uow.hosting.holds(c.sessions[-1], uuid.UUID(f2))
        assert not await uow.hosting.holds(c.sessions[0], uuid.UUID(f2))
        latest = await uow.hosting.latest_held(c.id, uuid.UUID(f1), since=NOW + DAY)
        assert latest is not None and latest.session_id == c.sessions[-1]
        assert latest.closed_at == NOW + 2 * DAY
        assert await uow.hosting.latest_held(c.id, uuid.UUID(f2), since=NOW + 3 * DAY) is None


async def test_the_load_notice_is_kept_per_membership(any_storage: Storage) -> None:
    c = await build(any_storage)
    f1 = uuid.UUID(c.ids["f1"])
    async with any_storage.unit_of_work() as uow:
        assert await uow.hosting.last_notice(f1) is None
        await uow.hosting.set_notice(f1, NOW + DAY)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        assert await uow.hosting.last_notice(f1) == NOW + DAY
        assert await uow.hosting.last_notice(uuid.UUID(c.ids["f2"])) is None


async def test_holders_stay_for_the_load_window_and_the_last_eight_sessions(
    any_storage: Storage,
) -> None:
    c = await build(any_storage, sessions=10)  # one a day: NOW .. NOW + 9 days
    async with any_storage.unit_of_work() as uow:
        # Day 14: the last 8 sessions (days 2-9) are shown; days 0 and 1 are within 14 days.
        assert await uow.hosting.purge(NOW + 14 * DAY) == 0
        # A moment later: day 1 is within the window still, day 0 is neither shown nor in it.
        assert await uow.hosting.purge(NOW + 14 * DAY + 1) == 1
        assert await uow.hosting.purge(NOW + 40 * DAY) == 1  # day 1 left: not shown
        held = await uow.hosting.held_by(c.id)
        assert held[c.ids["f1"]] == tuple(NOW + n * DAY for n in range(2, 10))
        assert await uow.hosting.purge(NOW + 400 * DAY) == 0  # the last 8 always stay


async def test_a_debrief_given_again_replaces_the_first_and_health_sees_a_tally(
    any_storage: Storage,
) -> None:
    c = await build(any_storage)
    f1, f2 = uuid.UUID(c.ids["f1"]), uuid.UUID(c.ids["f2"])
    last = c.sessions[-1]
    async with any_storage.unit_of_work() as uow:
        assert not await uow.debriefs.record(last, c.id, f1, Debrief(4, "fine"), NOW + DAY)
        assert await uow.debriefs.record(last, c.id, f1, Debrief(1, "wiped out"), NOW + DAY)
        assert not await uow.debriefs.record(last, c.id, f2, Debrief(2, None), NOW + DAY)
        assert not await uow.debriefs.record(c.sessions[0], c.id, f1, Debrief(5, None), NOW)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        one = await uow.debriefs.tally([last])
        assert one.answers == MoodTally(2, 2) and one.people == 2
        both = await uow.debriefs.tally(c.sessions)
        assert both.answers == MoodTally(3, 2) and both.people == 2
        assert (await uow.debriefs.tally([])).people == 0


async def test_debrief_words_go_with_the_check_in_retention_the_score_stays(
    any_storage: Storage,
) -> None:
    c = await build(any_storage)
    f1 = uuid.UUID(c.ids["f1"])
    async with any_storage.unit_of_work() as uow:
        await uow.debriefs.record(c.sessions[-1], c.id, f1, Debrief(2, "heavy"), NOW + DAY)
        retention = CircleSettings().retention_days * DAY
        assert await uow.debriefs.purge_words(NOW + DAY + retention) == 0
        assert await uow.debriefs.purge_words(NOW + DAY + retention + 1) == 1
        assert await uow.debriefs.purge_words(NOW + DAY + retention + 2) == 0
        tally = await uow.debriefs.tally([c.sessions[-1]])
        assert tally.answers == MoodTally(1, 1)
        assert await uow.debriefs.purge(NOW + 400 * DAY) == 0  # fewer than 8 sessions: all shown


async def test_debriefs_go_once_health_no_longer_shows_their_session(
    any_storage: Storage,
) -> None:
    c = await build(any_storage, sessions=9)
    f1 = uuid.UUID(c.ids["f1"])
    async with any_storage.unit_of_work() as uow:
        for session_id in c.sessions[:2]:
            await uow.debriefs.record(session_id, c.id, f1, Debrief(3, None), NOW)
        assert await uow.debriefs.purge(NOW + 400 * DAY) == 1  # the oldest of nine
        assert (await uow.debriefs.tally(c.sessions)).answers.given == 1


async def test_sessions_keep_tallies_and_counts_and_health_reads_them(
    any_storage: Storage,
) -> None:
    c = await build(any_storage, sessions=2)
    async with any_storage.unit_of_work() as uow:
        # Counted only in an open session.
        assert not await uow.sessions.count_in(c.id, Counted.SOS)
        open_id = uuid.uuid4()
        await uow.sessions.create(open_id, c.id, "{}", wins_only=True, now=NOW + 5 * DAY)
        for what in (Counted.NOSPACE, Counted.PAUSE, Counted.PAUSE, Counted.SOS):
            assert await uow.sessions.count_in(c.id, what)
        await uow.sessions.close(open_id, "{}", SessionAggregates(0, 0), NOW + 5 * DAY + HOUR)
        await uow.debriefs.record(open_id, c.id, uuid.UUID(c.ids["f1"]), Debrief(2, None), NOW)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        inputs = await uow.health.inputs(c.id)
        assert [f.closed_at for f in inputs.history] == [NOW, NOW + DAY, NOW + 5 * DAY + HOUR]
        first, _, newest = inputs.history
        assert first.moods_in == MoodTally(3, 2) and first.moods_out == MoodTally(2, 0)
        assert newest.moods_in is None  # a close that kept no tally shows none
        assert (newest.nospace, newest.pauses, newest.sos, newest.wins_only) == (1, 2, 1, True)
        assert inputs.load == {c.ids["f1"]: 2, c.ids["f2"]: 1}  # the third had no holders
        assert inputs.debriefs.answers == MoodTally(1, 1)
        facts = await uow.sessions.closed_facts(c.id, 2)
        assert [f.cohosts for f in facts] == [0, 1]
        assert len((await uow.health.inputs(c.id, count=1)).history) == 1


async def test_the_circle_settings_of_both_issues_are_stored(any_storage: Storage) -> None:
    c = await build(any_storage)
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.get(c.id)
        assert circle is not None
        assert (circle.settings.load_limit, circle.settings.tell_expiry_days) == (4, 7)
        assert circle.settings.agreement_by_consent is False
        changed = (
            circle.settings.with_setting("load", 6)
            .with_setting("tell-expiry", 3)
            .with_setting("agreement", "consent")
        )
        await uow.circles.update_settings(c.id, changed)
        await uow.commit()
    fresh = Storage(any_storage.engine, any_storage.keyring)  # no cache: read from the row
    async with fresh.unit_of_work() as uow:
        circle = await uow.circles.get(c.id)
        assert circle is not None
        assert (circle.settings.load_limit, circle.settings.tell_expiry_days) == (6, 3)
        assert circle.settings.agreement_by_consent is True


async def _rota(storage: Storage, c: Circle, order: list[str]) -> uuid.UUID:
    async with storage.unit_of_work() as uow:
        rota = await uow.rotas.set(c.id, c.schedule_id, [c.ids[n] for n in order])
        await uow.commit()
    return rota.id


async def test_a_rota_keeps_its_order_its_last_host_and_a_swap(any_storage: Storage) -> None:
    c = await build(any_storage)
    ids = c.ids
    rota_id = await _rota(any_storage, c, ["f1", "m1", "f2"])
    async with any_storage.unit_of_work() as uow:
        with pytest.raises(RotaError):
            await uow.rotas.set(c.id, c.schedule_id, [])
        await uow.rotas.reminded(rota_id, NOW + 7 * DAY, ids["f1"])
        swap = Swap(NOW + 7 * DAY, ids["f1"], (ids["m1"], ids["f2"]))
        await uow.rotas.save_swap(rota_id, swap, NOW + 6 * DAY)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        rota = await uow.rotas.of_schedule(c.schedule_id)
        assert rota is not None and rota.id == rota_id
        assert rota.members == (ids["f1"], ids["m1"], ids["f2"])
        assert (rota.last_host, rota.reminded_start) == (ids["f1"], NOW + 7 * DAY)
        assert rota.swap == swap and rota.swap_asked_at == NOW + 6 * DAY
        taken = take_swap(swap, ids["f2"], NOW + 6 * DAY + HOUR)
        await uow.rotas.swap_taken(rota, taken)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        rota = await uow.rotas.get(rota_id)
        assert rota is not None and rota.last_host == ids["f2"] and rota.swap == taken
        # Replaced: the order changes, the last host stays, the swap (of the old rota) goes.
        replaced = await uow.rotas.set(c.id, c.schedule_id, [ids["m1"], ids["f2"]])
        assert replaced.id == rota_id and replaced.swap is None
        assert replaced.members == (ids["m1"], ids["f2"]) and replaced.last_host == ids["f2"]
        # The next reminder drops any swap of the session before.
        await uow.rotas.save_swap(rota_id, Swap(NOW, ids["m1"], (ids["f2"],)), NOW)
        await uow.rotas.reminded(rota_id, NOW + 14 * DAY, None)
        rota = await uow.rotas.get(rota_id)
        assert rota is not None and rota.swap is None and rota.last_host is None
        assert [r.id for r in await uow.rotas.of_circle(c.id)] == [rota_id]
        assert await uow.rotas.remove(c.schedule_id) == rota_id
        assert await uow.rotas.of_schedule(c.schedule_id) is None
        assert await uow.rotas.remove(c.schedule_id) is None


async def test_someone_leaving_is_taken_off_every_rota(any_storage: Storage) -> None:
    c = await build(any_storage)
    ids = c.ids
    rota_id = await _rota(any_storage, c, ["f1", "m1", "f2"])
    async with any_storage.unit_of_work() as uow:
        await uow.rotas.reminded(rota_id, NOW, ids["m1"])
        swap = Swap(NOW, ids["m1"], (ids["f1"], ids["f2"]))
        await uow.rotas.save_swap(rota_id, swap, NOW)
        [change] = await uow.rotas.without_members([c.id], frozenset({ids["m1"]}))
        assert change.rota_id == rota_id and not change.emptied
        rota = await uow.rotas.get(rota_id)
        assert rota is not None and rota.members == (ids["f1"], ids["f2"])
        assert rota.last_host is None and rota.swap is None  # their swap ends with them
        # Out of a swap someone else asked: it stands while someone asked is left.
        await uow.rotas.save_swap(rota_id, Swap(NOW, ids["f1"], (ids["f2"],)), NOW)
        assert await uow.rotas.without_members([c.id], frozenset({ids["m2"]})) == []
        [change] = await uow.rotas.without_members([c.id], frozenset({ids["f2"]}))
        rota = await uow.rotas.get(rota_id)
        assert rota is not None and rota.members == (ids["f1"],) and rota.swap is None
        [change] = await uow.rotas.without_members([c.id], frozenset({ids["f1"]}))
        assert change.emptied and await uow.rotas.get(rota_id) is None
