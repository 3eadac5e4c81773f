"""Circle health: the report, its text, and that neither gives a member away."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from facilitation import care_texts
from facilitation.aggregates import Band, SessionFacts, tally
from facilitation.debrief import DebriefTally, debrief_tally
from facilitation.health import SESSIONS_SHOWN, HealthReport, Trend, circle_health, load_view
from facilitation.i18n import english
from facilitation.loop import LoopKind

DAY = 86_400_000
NOW = 1_715_958_000_000  # Fri 17 May 2024, 15:00 UTC
BAND_LEGEND = english(care_texts.BAND_LEGEND)
HEALTH_EMPTY = english(care_texts.HEALTH_EMPTY)
LOOP_LINE = english(care_texts.LOOP_LINE)


def health_lines(r: HealthReport) -> list[str]:
    """The text under the chart, in English."""
    return [english(line) for line in care_texts.health_lines(r)]


@dataclass(frozen=True)
class Raw:
    """A session as it happened: the moods themselves, which health must never show."""

    days_ago: int
    moods_in: tuple[int, ...]
    moods_out: tuple[int | None, ...] = ()
    nospace: int = 0
    pauses: int = 0
    sos: int = 0
    wins_only: bool = False

    def facts(self) -> SessionFacts:
        return SessionFacts(
            NOW - self.days_ago * DAY,
            len(self.moods_in),
            tally(self.moods_in),
            tally(self.moods_out),
            self.nospace,
            self.pauses,
            self.sos,
            self.wins_only,
        )


def report(
    raws: list[Raw],
    load: dict[str, int] | None = None,
    reader: str = "ana",
    debriefs: DebriefTally | None = None,
) -> HealthReport:
    return circle_health(
        [r.facts() for r in raws],
        tz="Europe/Berlin",
        now=NOW,
        reader=reader,
        load=load or {},
        debriefs=debriefs or DebriefTally(),
    )


WEEKS = [
    Raw(49, (1, 2, 3, 4, 2, 1), (3, 3, 4), nospace=1),
    Raw(42, (1, 2), (4,)),
    Raw(35, (4, 5, 3, 3, 2), (4, 5, 5), pauses=2),
    Raw(28, (1, 1, 2, 3), (2, 2, 1), sos=1),
    Raw(21, (2, 2, 3), (None, None, 1)),
    Raw(14, (1, 3, 2, 4, 4, 3), (2, 4, 5, 3), wins_only=True),
    Raw(7, (1, 2, 2, 3, 4), ()),
    Raw(0, (2, 4, 1, 5, 5, 4), (4, 4, 5), pauses=1),
    Raw(56, (1, 1, 1), (1, 1, 1)),  # the ninth: older than the eight shown
]


def test_the_last_eight_sessions_oldest_first_with_bands_only_where_three_moods() -> None:
    r = report(WEEKS)
    assert len(r.sessions) == SESSIONS_SHOWN
    assert r.sessions[0].day == date(2024, 3, 29)
    assert [s.checked_in for s in r.sessions] == [6, 2, 5, 4, 3, 6, 5, 6]
    assert [s.arrived for s in r.sessions] == [
        Band.LOW, None, Band.OKAY, Band.LOW, Band.LOW, Band.MIXED, Band.LOW, Band.MIXED,
    ]  # fmt: skip
    assert [s.left for s in r.sessions] == [
        Band.OKAY, None, Band.OKAY, Band.LOW, None, Band.OKAY, None, Band.OKAY,
    ]  # fmt: skip
    assert (r.nospace, r.pauses, r.sos, r.wins_only) == (1, 3, 1, 1)


def test_the_trend_pools_the_last_three_sessions() -> None:
    r = report(WEEKS)
    assert r.trend == Trend(Band.MIXED, Band.OKAY)
    assert r.loop is None
    assert "Lately, people have arrived mixed and left mostly okay" in "\n".join(health_lines(r))


def test_a_small_circle_sees_its_trend_without_per_session_moods() -> None:
    small = [Raw(14, (1, 2)), Raw(7, (2,), (3,)), Raw(0, (1, 4), (2, 2))]
    r = report(small)
    assert all(s.arrived is None and s.left is None for s in r.sessions)
    assert r.trend == Trend(Band.LOW, Band.LOW)
    assert r.loop is LoopKind.TREND
    lines = health_lines(r)
    assert LOOP_LINE in lines
    assert all("moods not shown" in line for line in lines[1:4])


def test_the_loop_shows_in_the_report_as_the_note_would_say() -> None:
    low = [Raw(d, (1, 2, 4), (1, 2, 2)) for d in (14, 7, 0)]
    r = report(low)
    assert r.loop is LoopKind.SESSIONS
    assert LOOP_LINE in health_lines(r)


def test_load_is_counts_without_names_and_your_own_when_there_are_two() -> None:
    r = report(WEEKS, load={"ana": 5, "bo": 2, "cy": 1, "dee": 0})
    assert r.load.counts == (5, 2, 1)
    assert r.load.own == 5
    text = "\n".join(health_lines(r))
    assert "Held by 3 people: 5, 2 and 1 sessions" in text
    assert "You held 5." in text
    assert "rest on one person" in text
    assert load_view({"ana": 8}, "ana", 8).own is None  # one holder: no "you"
    assert load_view({"bo": 3, "cy": 1}, "ana", 8).own is None  # the reader held none
    assert not load_view({"bo": 4, "cy": 4}, "ana", 8).concentrated


def test_debriefs_as_a_count_and_a_band_from_three_people() -> None:
    few = report(WEEKS, debriefs=debrief_tally([("ana", 1), ("ana", 2), ("bo", 1)]))
    assert (few.debriefs, few.debrief_band) == (3, None)
    assert "Debriefs: 3 answered." in health_lines(few)
    many = report(WEEKS, debriefs=debrief_tally([("ana", 1), ("bo", 2), ("cy", 5)]))
    assert many.debrief_band is Band.LOW
    assert any("holders felt mostly low" in line for line in health_lines(many))


def test_no_sessions_yet() -> None:
    r = report([])
    assert r.sessions == () and r.trend is None
    assert health_lines(r) == [HEALTH_EMPTY]


def test_the_text_carries_the_legend_and_dates_in_the_circle_zone() -> None:
    lines = health_lines(report(WEEKS))
    assert lines[0] == "Circle health: the last 8 sessions (only you see this):"
    assert lines[1] == "• Friday 29 March: 6 checked in; arrived low, left okay."
    assert "• Friday 3 May, wins only: 6 checked in; arrived mixed, left okay." in lines
    assert BAND_LEGEND in lines
    assert "/nospace: 1, /pause: 3, /sos: 1, wins-only sessions: 1." in lines


# --- privacy, as properties ---------------------------------------------------------------------

raw_session = st.builds(
    Raw,
    st.integers(0, 60),
    st.lists(st.integers(1, 5), max_size=7).map(tuple),
    st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=7).map(tuple),
    st.integers(0, 3),
    st.integers(0, 3),
    st.integers(0, 2),
    st.booleans(),
)


def everything_shown(raws: list[Raw]) -> tuple[HealthReport, list[str]]:
    r = report(raws, load={"ana": 2, "bo": 1})
    return r, health_lines(r)


@given(st.lists(raw_session, min_size=1, max_size=10), st.data())
def test_nothing_shown_lets_anyone_recover_a_mood_given_all_the_others(
    raws: list[Raw], data: st.DataObject
) -> None:
    """Change one private mood to each of 1..5, all else fixed: at least two values look alike."""
    which = data.draw(st.integers(0, len(raws) - 1))
    raw = raws[which]
    side = data.draw(st.sampled_from(["in", "out"]))
    given = raw.moods_in if side == "in" else tuple(m for m in raw.moods_out if m is not None)
    if not given:
        return
    index = data.draw(st.integers(0, len(given) - 1))
    shown = everything_shown(raws)

    def with_mood(x: int) -> list[Raw]:
        moods = (*given[:index], x, *given[index + 1 :])
        changed = (
            Raw(raw.days_ago, moods, raw.moods_out, raw.nospace, raw.pauses, raw.sos, raw.wins_only)
            if side == "in"
            else Raw(raw.days_ago, raw.moods_in, moods, raw.nospace, raw.pauses, raw.sos,
                     raw.wins_only)
        )  # fmt: skip
        return [*raws[:which], changed, *raws[which + 1 :]]

    consistent = [x for x in range(1, 6) if everything_shown(with_mood(x)) == shown]
    assert given[index] in consistent
    assert len(consistent) >= 2
    # And the classes are the whole story: 1 and 2 alike, 3, 4 and 5 alike.
    assert consistent in ([1, 2], [3, 4, 5], [1, 2, 3, 4, 5])


@given(st.lists(raw_session, min_size=1, max_size=10))
def test_a_band_is_shown_only_over_at_least_three_moods(raws: list[Raw]) -> None:
    r = report(raws)
    shown = sorted(raws, key=lambda raw: -raw.days_ago)[-SESSIONS_SHOWN:]
    for raw, view in zip(shown, r.sessions, strict=True):
        assert view.checked_in == len(raw.moods_in)
        if view.arrived is not None:
            assert len(raw.moods_in) >= 3
        if view.left is not None:
            assert sum(m is not None for m in raw.moods_out) >= 3


IDS = ("4f1c0d3e-0000-4000-8000-00000000000a", "4f1c0d3e-0000-4000-8000-00000000000b")


@given(st.lists(raw_session, max_size=10), st.sampled_from(IDS))
def test_no_member_id_is_ever_in_the_report_or_its_text(raws: list[Raw], reader: str) -> None:
    r = report(raws, load={IDS[0]: 3, IDS[1]: 2}, reader=reader)
    assert not any(member in f"{r!r}\n{health_lines(r)}" for member in IDS)
