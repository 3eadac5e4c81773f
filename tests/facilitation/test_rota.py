"""The rota: order with skips, the fall-backs, the day-before reminder and swaps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.load import DAY_MS
from facilitation.rota import (
    MAX_ROTA,
    HostPick,
    Pick,
    RotaError,
    ask_swap,
    day_before,
    describe_when,
    in_turn,
    make_rota,
    next_rota_reminder,
    pick_host,
    take_swap,
)
from facilitation.schedule import Weekday, WeeklyRule, next_occurrence

H = 3_600_000
ROTA = ("ana", "bo", "cy", "dee")
AT = 1_700_000_000_000


def ms(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> int:
    return int(datetime(year, month, day, hour, minute, tzinfo=UTC).timestamp() * 1000)


def pick(last: str | None = None, limit: int = 4, **state: object) -> HostPick:
    away = {m: AT + int(u) for m, u in state.items() if isinstance(u, int)}
    load = {m: n for m, (n,) in ((m, v) for m, v in state.items() if isinstance(v, tuple))}
    return pick_host(ROTA, last, at=AT, away=away, load=load, limit=limit)


def test_hosts_go_in_turn_after_whoever_hosted_last() -> None:
    assert pick() == HostPick("ana", Pick.IN_TURN)
    assert pick("ana").host == "bo"
    assert pick("dee").host == "ana"
    assert pick("stranger").host == "ana"  # someone no longer on the rota: from the top


def test_a_four_week_rota_goes_round() -> None:
    last = None
    hosts = []
    for _ in range(8):
        last = pick(last).host
        hosts.append(last)
    assert hosts == [*ROTA, *ROTA]


def test_whoever_is_away_at_the_reminder_is_passed_over() -> None:
    assert pick("ana", bo=DAY_MS).host == "cy"
    assert pick("ana", bo=0).host == "bo"  # back by the time the reminder is due
    assert pick("ana", bo=-H).host == "bo"


def test_whoever_is_at_the_load_limit_is_passed_over() -> None:
    assert pick("ana", bo=(4,)).host == "cy"
    assert pick("ana", bo=(3,)).host == "bo"
    assert pick("ana", limit=3, bo=(3,)).host == "cy"


def test_the_last_host_comes_round_again_only_after_everyone_else() -> None:
    assert pick("ana", bo=DAY_MS, cy=DAY_MS, dee=DAY_MS) == HostPick("ana", Pick.IN_TURN)


def test_when_everyone_free_is_at_the_limit_the_least_loaded_is_asked_kindly() -> None:
    result = pick("ana", ana=(6,), bo=(5,), cy=(4,), dee=(4,))
    assert result == HostPick("cy", Pick.OVER_LOAD)
    assert result.over_load
    assert pick("ana", ana=(6,), bo=(5,), cy=DAY_MS, dee=(9,)).host == "bo"


def test_when_everyone_is_away_nobody_is_picked() -> None:
    assert pick(ana=H, bo=H, cy=H, dee=H) == HostPick(None, Pick.NOBODY)


@given(
    st.lists(st.sampled_from(ROTA), unique=True, min_size=1).map(tuple),
    st.one_of(st.none(), st.sampled_from(ROTA)),
    st.dictionaries(st.sampled_from(ROTA), st.integers(-2, 2).map(lambda d: AT + d * H)),
    st.dictionaries(st.sampled_from(ROTA), st.integers(0, 8)),
    st.integers(2, 6),
)
def test_the_pick_is_always_sound(
    rota: tuple[str, ...],
    last: str | None,
    away: dict[str, int],
    load: dict[str, int],
    limit: int,
) -> None:
    result = pick_host(rota, last, at=AT, away=away, load=load, limit=limit)
    free = [m for m in rota if away.get(m, AT) <= AT]
    if result.host is None:
        assert result.how is Pick.NOBODY and not free
        return
    assert result.host in free  # never someone away
    if result.how is Pick.IN_TURN:
        assert load.get(result.host, 0) < limit
        # Nobody free and under the limit was passed over on the way to them.
        order = in_turn(rota, last)
        for member in order[: order.index(result.host)]:
            assert member not in free or load.get(member, 0) >= limit
    else:
        assert all(load.get(m, 0) >= limit for m in free)
        assert load.get(result.host, 0) == min(load.get(m, 0) for m in free)


@pytest.mark.parametrize(
    ("members", "code"),
    [((), "empty"), (("ana", "bo", "ana"), "repeated"), (tuple(map(str, range(21))), "too-long")],
)
def test_a_bad_rota_is_refused(members: tuple[str, ...], code: str) -> None:
    with pytest.raises(RotaError) as caught:
        make_rota(members)
    assert caught.value.code == code


def test_a_good_rota_keeps_its_order() -> None:
    assert make_rota(["cy", "ana"]) == ("cy", "ana")
    assert len(make_rota([str(n) for n in range(MAX_ROTA)])) == MAX_ROTA


# --- the reminder --------------------------------------------------------------------------------

TUESDAY_7PM = WeeklyRule(Weekday.TUE, 19, 0, H)


def test_the_reminder_is_the_day_before_at_the_same_local_time() -> None:
    # Tuesday 14 May 2024, 19:00 in Berlin (UTC+2) is 17:00 UTC.
    now = ms(2024, 5, 10, 12)
    reminder = next_rota_reminder(TUESDAY_7PM, "Europe/Berlin", now, None)
    assert reminder.start_ms == ms(2024, 5, 14, 17)
    assert reminder.due_ms == ms(2024, 5, 13, 17)


def test_the_day_before_is_a_local_day_across_a_clock_change() -> None:
    # Sunday 31 March 2024 Berlin springs forward: Monday 1 April 19:00 is 17:00 UTC, and
    # Sunday 19:00 is also 17:00 UTC, only 24 hours earlier because Sunday is 23 hours long.
    start = ms(2024, 4, 1, 17)
    assert day_before(start, "Europe/Berlin") == ms(2024, 3, 31, 17)
    # A Monday 02:30 session: Sunday 02:30 did not exist; the reminder comes as the clocks jump.
    assert day_before(ms(2024, 4, 1, 0, 30), "Europe/Berlin") == ms(2024, 3, 31, 1)


def test_a_reminder_sent_moves_the_next_one_on_a_week() -> None:
    now = ms(2024, 5, 13, 17)
    first = next_rota_reminder(TUESDAY_7PM, "Europe/Berlin", now, None)
    assert first.due_ms == now
    after = next_rota_reminder(TUESDAY_7PM, "Europe/Berlin", now, first.start_ms)
    assert after.start_ms == first.start_ms + 7 * DAY_MS
    assert after.due_ms == ms(2024, 5, 20, 17)


def test_a_rota_set_less_than_a_day_ahead_reminds_at_once() -> None:
    now = ms(2024, 5, 14, 9)
    reminder = next_rota_reminder(TUESDAY_7PM, "Europe/Berlin", now, None)
    assert reminder == type(reminder)(now, ms(2024, 5, 14, 17))


@given(
    st.integers(ms(2020, 1, 1), ms(2030, 1, 1)),
    st.sampled_from(
        ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"]
    ),
)
def test_a_reminder_is_never_late_and_always_before_its_session(now: int, tz: str) -> None:
    reminder = next_rota_reminder(TUESDAY_7PM, tz, now, None)
    assert now <= reminder.due_ms < reminder.start_ms
    assert reminder.start_ms == next_occurrence(TUESDAY_7PM, tz, now)
    assert reminder.start_ms - reminder.due_ms <= 25 * H


def test_the_session_is_described_in_local_time() -> None:
    assert describe_when(ms(2024, 5, 14, 17), "Europe/Berlin") == "Tuesday 14 May at 19:00"


# --- swaps ----------------------------------------------------------------------------------------

START = AT + DAY_MS


def test_a_swap_asks_the_others_on_the_rota_who_are_not_away() -> None:
    swap = ask_swap(ROTA, "bo", "bo", START, now=AT, away={"dee": AT + H, "ana": AT - H})
    assert swap.asked == ("cy", "ana")
    taken = take_swap(swap, "ana", AT + H)
    assert taken.taken_by == "ana"
    assert taken.asker == "bo" and taken.start_ms == START


@pytest.mark.parametrize(
    ("asker", "now", "away", "code"),
    [
        ("cy", AT, {}, "not-your-turn"),
        ("bo", START, {}, "started"),
        ("bo", AT, {"ana": START, "cy": START, "dee": START}, "nobody-free"),
    ],
)
def test_a_swap_that_cannot_be_asked(asker: str, now: int, away: dict[str, int], code: str) -> None:
    with pytest.raises(RotaError) as caught:
        ask_swap(ROTA, "bo", asker, START, now=now, away=away)
    assert caught.value.code == code


def test_only_the_first_of_those_asked_takes_it_and_only_before_it_starts() -> None:
    swap = ask_swap(ROTA, "bo", "bo", START, now=AT, away={"dee": START})
    for member, at, code in [
        ("dee", AT, "not-asked"),
        ("bo", AT, "not-asked"),
        ("cy", START, "started"),
    ]:
        with pytest.raises(RotaError) as caught:
            take_swap(swap, member, at)
        assert caught.value.code == code
    taken = take_swap(swap, "cy", AT)
    with pytest.raises(RotaError) as caught:
        take_swap(taken, "ana", AT)
    assert caught.value.code == "taken"
    assert pick_host(ROTA, taken.taken_by, at=START, away={}, load={}, limit=4).host == "dee"
