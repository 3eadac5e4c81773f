"""What the bot says about holding the circle: co-hosts, the rota, load, debriefs, circle health.

Every text is a named message of the catalog (facilitation/texts/care.py and health.py); this
module puts them together with their values and returns lazy texts, rendered in the reader's
language when sent. They follow VOICE.md: nobody is named where a count will do, nothing
private is repeated, stepping back is thanked, and a facilitator who has held a lot hears
something kind and useful, privately.

The chart's words (``chart_*`` and ``CHART_*``) are lazy texts too: ``health_chart`` renders
them in the reader's language, the language the text under the chart is sent in.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from facilitation.aggregates import Band, lighter
from facilitation.cohosting import MAX_COHOSTS
from facilitation.health import HealthReport, LoadView, SessionView, Trend
from facilitation.i18n import Piece, lines
from facilitation.i18n.when import DayAndMonth
from facilitation.loop import LoopKind
from facilitation.rota import MAX_ROTA
from facilitation.texts import care, turns
from facilitation.texts import health as words

# --- co-hosting ---------------------------------------------------------------------------------

COHOST_REFUSALS: dict[str, Piece] = {
    "already-holding": care.COHOST_ALREADY,
    "away": care.COHOST_CANT,
    "too-many-cohosts": care.COHOST_TOO_MANY.with_(n=MAX_COHOSTS),
    "not-cohost": care.COHOST_NOT,
    "closed": turns.CLOSED,
}
"""Replies to a refused ``/cohost`` (by the ``SessionError`` code). "away" is not said as such:
whether someone stepped back is theirs to tell."""

COHOST_ONLY = care.COHOST_ONLY

# --- load (to the facilitator alone: their own count) ------------------------------------------


def load_notice(held: int, days: int) -> Piece:
    """The thank-you and nudge after someone has held ``held`` sessions in ``days`` days."""
    return care.LOAD_NOTICE.with_(held=held, days=days)


# --- debriefs (by direct message) ---------------------------------------------------------------

DEBRIEF_USAGE = care.DEBRIEF_USAGE.with_(scale=care.MOOD_SCALE)
DEBRIEF_PROMPT = care.DEBRIEF_PROMPT.with_(scale=care.MOOD_SCALE)
DEBRIEF_THANKS = care.DEBRIEF_THANKS
DEBRIEF_NONE = care.DEBRIEF_NONE
LOW_MOOD_CARE = care.LOW_MOOD
"""The care line for a low debrief, privately."""
TALK_TO_A_FACILITATOR = care.TALK_TO_A_FACILITATOR
LOW_DEBRIEF_CARE = lines(LOW_MOOD_CARE, TALK_TO_A_FACILITATOR)


# --- the rota (privately, to the people on it) --------------------------------------------------


def rota_reminder(when: Piece | str, *, over_load: bool) -> Piece:
    """To the next host, the day before; ``when`` is when the session is."""
    said: list[Piece] = [care.ROTA_REMINDER.with_(when=when)]
    if over_load:
        said.append(care.ROTA_OVER_LOAD)
    said.append(care.ROTA_SWAP_HINT)
    return lines(*said)


def rota_nobody_free(when: Piece | str) -> Piece:
    """To the facilitators, when nobody on the rota could be picked (no names: see ``rota``)."""
    return care.ROTA_NOBODY_FREE.with_(when=when)


def swap_ask(when: Piece | str) -> Piece:
    return care.SWAP_ASK.with_(when=when)


def swap_sent(asked: int) -> Piece:
    return care.SWAP_SENT.with_(n=asked)


def swap_taken(when: Piece | str) -> Piece:
    return care.SWAP_TAKEN.with_(when=when)


def swap_thanks(when: Piece | str) -> Piece:
    return care.SWAP_THANKS.with_(when=when)


ROTA_REFUSALS: dict[str, Piece] = {
    "empty": care.ROTA_EMPTY,
    "repeated": care.ROTA_REPEATED,
    "too-long": care.ROTA_TOO_LONG.with_(n=MAX_ROTA),
    "not-your-turn": care.ROTA_NOT_YOUR_TURN,
    "started": care.ROTA_STARTED,
    "nobody-free": care.ROTA_NOBODY_TO_ASK,
    "not-asked": care.ROTA_NOT_ASKED,
    "taken": care.ROTA_TAKEN,
}
NEXT_HOST = care.NEXT_HOST
"""``/schedule`` says the next host with this (``who``: their name, without a mention)."""


# --- the trauma-loop note (privately, to the facilitators) --------------------------------------

HEALTH_POINTER = care.HEALTH_POINTER


def loop_note(kind: LoopKind) -> Piece:
    """The note for ``loop.loop_note_due``; the trend (small circles) has no numbers in it."""
    message = care.LOOP_SESSIONS if kind is LoopKind.SESSIONS else care.LOOP_TREND
    return message.with_(start=care.NOTE_START, pointer=HEALTH_POINTER, guidance=care.GUIDANCE)


# --- circle health (to a facilitator, by direct message, under the chart) -----------------------

BAND_WORDS = {Band.LOW: words.BAND_LOW, Band.MIXED: words.BAND_MIXED, Band.OKAY: words.BAND_OKAY}
"""The band names, in the text and on the chart alike."""
TREND_WORDS = {
    Band.LOW: words.TREND_LOW,
    Band.MIXED: words.TREND_MIXED,
    Band.OKAY: words.TREND_OKAY,
}
BAND_LEGEND = words.BAND_LEGEND
HEALTH_EMPTY = words.EMPTY
LOOP_LINE = words.LOOP_LINE
"""Shown instead of the trend when ``loop.loop_pattern`` holds; no numbers, like the note."""


def health_title(sessions: int) -> Piece:
    return words.TITLE.with_(n=sessions)


def _day(day: date) -> DayAndMonth:
    """``Tuesday 7 May``: a calendar day, written the reader's way."""
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return DayAndMonth(int(noon.timestamp() * 1000), "UTC")


def _band(value: Band | None) -> Piece:
    return words.NOT_SHOWN if value is None else BAND_WORDS[value]


def _session_line(view: SessionView) -> Piece:
    day: Piece = words.WINS_DAY.with_(day=_day(view.day)) if view.wins_only else _day(view.day)
    if view.arrived is None and view.left is None:
        return words.SESSION_NOT_SHOWN.with_(day=day, n=view.checked_in)
    return words.SESSION_BANDS.with_(
        day=day, n=view.checked_in, arrived=_band(view.arrived), left=_band(view.left)
    )


def _trend_line(trend: Trend) -> Piece:
    arrived = TREND_WORDS[trend.arrived]
    if trend.left is None:
        return words.TREND_ARRIVED.with_(arrived=arrived)
    message = words.TREND_LIGHTER if lighter(trend.arrived, trend.left) else words.TREND_BOTH
    return message.with_(arrived=arrived, left=TREND_WORDS[trend.left])


def _load_lines(load: LoadView) -> list[Piece]:
    if not load.counts:
        return [words.NOBODY_HOLDING]
    said: list[Piece] = [words.HELD_BY.with_(n=len(load.counts), counts=list(load.counts))]
    if load.own is not None:
        said.append(words.YOU_HELD.with_(n=load.own))
    if load.concentrated:
        said.append(words.CONCENTRATED)
    return said


def _debrief_lines(report: HealthReport) -> list[Piece]:
    if report.debriefs == 0:
        return [words.NO_DEBRIEFS]
    if report.debrief_band is None:
        return [words.DEBRIEFS.with_(n=report.debriefs)]
    band = TREND_WORDS[report.debrief_band]
    said: list[Piece] = [words.DEBRIEFS_BAND.with_(n=report.debriefs, band=band)]
    if report.debrief_band is Band.LOW:
        said.append(words.SHARE_THE_HOLDING)
    return said


def health_lines(report: HealthReport) -> list[Piece]:
    """The text under the chart: the same facts, for reading (and for screen readers)."""
    if not report.sessions:
        return [HEALTH_EMPTY]
    said: list[Piece] = [words.HEADING.with_(title=health_title(len(report.sessions)))]
    said += [_session_line(view) for view in report.sessions]
    said.append(BAND_LEGEND)
    if report.loop is not None:
        said.append(LOOP_LINE)
    elif report.trend is not None:
        said.append(_trend_line(report.trend))
    said.append(
        words.COUNTS.with_(
            nospace=report.nospace, pauses=report.pauses, sos=report.sos, wins=report.wins_only
        )
    )
    said += _debrief_lines(report)
    said += _load_lines(report.load)
    return said


# --- the chart's words (short: they sit on an image 960 pixels wide) ----------------------------

CHART_SUBTITLE = words.CHART_SUBTITLE
CHART_ARRIVED = words.CHART_ARRIVED
CHART_LEFT = words.CHART_LEFT
CHART_NOT_SHOWN = "-"
CHART_BAND_WORDS = {
    Band.LOW: words.CHART_TILE_LOW,
    Band.MIXED: words.CHART_TILE_MIXED,
    Band.OKAY: words.CHART_TILE_OKAY,
}
"""The band on a tile: the band's word where it fits in 7 letters, a shorter one where not."""
CHART_LEGEND = {
    Band.LOW: words.CHART_LEGEND_LOW,
    Band.MIXED: words.CHART_LEGEND_MIXED,
    Band.OKAY: words.CHART_LEGEND_OKAY,
}
CHART_NOT_SHOWN_LEGEND = words.CHART_NOT_SHOWN_LEGEND
CHART_WINS_LEGEND = words.CHART_WINS_LEGEND
CHART_EMPTY = HEALTH_EMPTY


def chart_title(sessions: int) -> Piece:
    return health_title(sessions)


def chart_trend(report: HealthReport) -> Piece | None:
    """One line under the tiles: the trend, or the loop, in words only."""
    if report.loop is not None:
        return words.CHART_LOOP
    if report.trend is None:
        return None
    arrived = TREND_WORDS[report.trend.arrived]
    if report.trend.left is None:
        return words.CHART_TREND_ARRIVING.with_(arrived=arrived)
    left = TREND_WORDS[report.trend.left]
    return words.CHART_TREND_BOTH.with_(arrived=arrived, left=left)
