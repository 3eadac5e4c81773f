"""What the bot says about holding the circle: co-hosts, the rota, load, debriefs, circle health.

Every text a person reads for these rules is here, as a named constant or a small function, so the
message catalog can take them over whole. They follow VOICE.md: nobody is named where a count will
do, nothing private is repeated, stepping back is thanked, and a facilitator who has held a lot
hears something kind and useful, privately.

Texts that go to the group never name a person except through a ``MemberRef`` the session core
puts in front of them (a host's role is public in the circle anyway).
"""

from __future__ import annotations

from datetime import date

from facilitation.aggregates import Band, lighter
from facilitation.checkins import MOOD_SCALE
from facilitation.guard import GUIDANCE, NOTE_START
from facilitation.health import HealthReport, LoadView, SessionView, Trend
from facilitation.i18n.render import english
from facilitation.loop import LoopKind
from facilitation.rota import MAX_ROTA
from facilitation.texts import care

# --- co-hosting (posts in the group; a mention goes in front or after) -----------------------

COHOST_REFUSALS = {
    "already-holding": "They're already holding this session.",
    "away": "That member can't co-host right now.",
    "too-many-cohosts": "A session can have up to 3 co-hosts.",
    "not-cohost": "They aren't co-hosting this session.",
    "closed": "That session has already closed.",
}
"""Replies to a refused ``/cohost`` (by the ``SessionError`` code). "away" is not said as such:
whether someone stepped back is theirs to tell."""

COHOST_ONLY = "Only a facilitator or one of this session's co-hosts can do that."

# --- load (to the facilitator alone: their own count) ------------------------------------------


def load_notice(held: int, days: int) -> str:
    """The thank-you and nudge after someone has held ``held`` sessions in ``days`` days."""
    return (
        f"Thank you for holding the circle: you've held {held} of its sessions in the last "
        f"{days} days. That's a lot of holding, and it matters.\n"
        "It's okay to ask someone to co-host (/cohost @member during a session) or to take a "
        "week off (/away 7d). A circle is stronger when the holding is shared."
    )


# --- debriefs (by direct message) ---------------------------------------------------------------

DEBRIEF_USAGE = english(care.DEBRIEF_USAGE.with_(scale=care.MOOD_SCALE))
DEBRIEF_PROMPT = (
    "Thank you for holding that session. How are you after holding it?\n"
    f"If you like, answer /debrief 1-5 and a few words ({MOOD_SCALE}). Nobody sees your answer: "
    "facilitators see only how many answered, and how holders felt overall once several people "
    "have answered."
)
DEBRIEF_THANKS = "Thank you for telling me. Rest well: holding space is work."
DEBRIEF_NONE = (
    "There's no session of yours to debrief right now. Thank you for checking in with yourself."
)
LOW_MOOD_CARE = english(care.LOW_MOOD)
"""The care line for a low mood, privately: a low check-in and a low debrief alike."""
TALK_TO_A_FACILITATOR = (
    "It can help to talk it over with another facilitator, or someone you trust. And it's okay "
    "to hand the next session to someone else (/rota swap) or to take a week off (/away 7d)."
)
LOW_DEBRIEF_CARE = f"{LOW_MOOD_CARE}\n{TALK_TO_A_FACILITATOR}"


# --- the rota (privately, to the people on it) --------------------------------------------------


def rota_reminder(when: str, *, over_load: bool) -> str:
    """To the next host, the day before; ``when`` from ``rota.describe_when``."""
    lines = [
        f"A reminder, just for you: you're on the rota to host the circle's session on {when}. "
        "Thank you for holding it."
    ]
    if over_load:
        lines.append(
            "You've held a lot lately. If this one is too much, that's okay: ask for a swap, "
            "or let the circle take a week off."
        )
    lines.append("Can't make it? /rota swap asks the others on the rota, privately.")
    return "\n".join(lines)


def rota_nobody_free(when: str) -> str:
    """To the facilitators, when nobody on the rota could be picked (no names: see ``rota``)."""
    return (
        f"Nobody on the rota is free to host the session on {when}. A facilitator could host "
        "it, or the circle could take the week off, and that's okay."
    )


def swap_ask(when: str) -> str:
    return (
        f"Could you host the circle's session on {when}? The person on the rota for it can't "
        "make it. Answer /rota take to host it; if you can't, there's no need to answer."
    )


def swap_sent(asked: int) -> str:
    return english(care.SWAP_SENT.with_(n=asked))


def swap_taken(when: str) -> str:
    return f"Someone on the rota has taken the session on {when}. Thank you for asking."


def swap_thanks(when: str) -> str:
    return f"Thank you: you're hosting the session on {when}. I'll tell the one who asked."


ROTA_REFUSALS = {
    "empty": "Name at least one person: /schedule rota N @member @member …",
    "repeated": "Name each person on the rota once.",
    "too-long": f"A rota can have up to {MAX_ROTA} people.",
    "not-your-turn": "Only the person on the rota for the next session can ask for a swap.",
    "started": "That session has already started.",
    "nobody-free": (
        "I couldn't find anyone else on the rota to ask right now. A facilitator could host it, "
        "or the circle could take the week off, and that's okay."
    ),
    "not-asked": "There's no swap for you to take right now.",
    "taken": "Someone else has already taken it. Thank you for offering.",
}
NEXT_HOST = "Next host: "
"""``/schedule`` puts the next host's alias after this."""


# --- the trauma-loop note (privately, to the facilitators) --------------------------------------

HEALTH_POINTER = "/circle health shows how the last sessions went."


def loop_note(kind: LoopKind) -> str:
    """The note for ``loop.loop_note_due``; the trend (small circles) has no numbers in it."""
    if kind is LoopKind.SESSIONS:
        seen = "for the last three sessions, people in your circle have mostly arrived low"
    else:
        seen = "lately, people in your circle have mostly arrived low"
    return (
        f"{NOTE_START}{seen} and not left lighter. That can be the start of a trauma loop, "
        f"where the group keeps circling shared pain. {HEALTH_POINTER}\n{GUIDANCE}"
    )


# --- circle health (to a facilitator, by direct message, under the chart) -----------------------

BAND_WORDS = {Band.LOW: "low", Band.MIXED: "mixed", Band.OKAY: "okay"}
"""The band names, in the text and on the chart alike."""
TREND_WORDS = {Band.LOW: "mostly low", Band.MIXED: "mixed", Band.OKAY: "mostly okay"}
BAND_LEGEND = (
    "Low: more than half gave a mood of 1 or 2. Mixed: at least a third did. Okay: fewer did. "
    "Moods show only where at least 3 people gave one, so nobody's answer can be worked out."
)
HEALTH_EMPTY = "No sessions have closed yet. Circle health fills in after the first one."
NOT_SHOWN = "not shown"
LOOP_LINE = (
    "Lately, people have been arriving low and leaving no lighter. That can be the start of a "
    "trauma loop, where the group keeps circling shared pain. A wins-only session "
    "(/session start 45m wins) or a grounding exercise (/pause) may help."
)
"""Shown instead of the trend when ``loop.loop_pattern`` holds; no numbers, like the note."""


def health_title(sessions: int) -> str:
    return (
        "Circle health: the last session"
        if sessions == 1
        else (f"Circle health: the last {sessions} sessions")
    )


def day_label(day: date) -> str:
    """``Tue 12 May``."""
    return f"{day:%a} {day.day} {day:%b}"


def _band(value: Band | None) -> str:
    return NOT_SHOWN if value is None else BAND_WORDS[value]


def _session_line(view: SessionView) -> str:
    wins = " (wins only)" if view.wins_only else ""
    line = f"• {day_label(view.day)}{wins}: {view.checked_in} checked in"
    if view.arrived is None and view.left is None:
        return f"{line}; moods not shown."
    return f"{line}; arrived {_band(view.arrived)}, left {_band(view.left)}."


def _trend_line(trend: Trend) -> str:
    line = f"Lately, people have arrived {TREND_WORDS[trend.arrived]}"
    if trend.left is None:
        return f"{line}."
    line = f"{line} and left {TREND_WORDS[trend.left]}"
    return (
        f"{line}: the sessions seem to help." if lighter(trend.arrived, trend.left) else f"{line}."
    )


def _load_lines(load: LoadView) -> list[str]:
    if not load.counts:
        return ["Nobody is recorded as holding these sessions."]
    people = "1 person" if len(load.counts) == 1 else f"{len(load.counts)} people"
    counts = [str(count) for count in load.counts]
    listed = counts[0] if len(counts) == 1 else f"{', '.join(counts[:-1])} and {counts[-1]}"
    lines = [f"Held by {people}: {listed} sessions (co-hosting counts too)."]
    if load.own is not None:
        lines.append(f"You held {load.own}.")
    if load.concentrated:
        lines.append(
            "More than half of them rest on one person. A co-host (/cohost @member) or a rota "
            "(/schedule rota) shares the holding."
        )
    return lines


def _debrief_line(report: HealthReport) -> str:
    if report.debriefs == 0:
        return "Debriefs: none answered yet."
    line = f"Debriefs: {report.debriefs} answered"
    if report.debrief_band is None:
        return f"{line}."
    line = f"{line}; holders felt {TREND_WORDS[report.debrief_band]} after holding."
    if report.debrief_band is Band.LOW:
        line += " Sharing the holding may help: /cohost, or a rota (/schedule rota)."
    return line


def health_lines(report: HealthReport) -> list[str]:
    """The text under the chart: the same facts, for reading (and for screen readers)."""
    if not report.sessions:
        return [HEALTH_EMPTY]
    lines = [f"{health_title(len(report.sessions))} (only you see this):"]
    lines += [_session_line(view) for view in report.sessions]
    lines.append(BAND_LEGEND)
    if report.loop is not None:
        lines.append(LOOP_LINE)
    elif report.trend is not None:
        lines.append(_trend_line(report.trend))
    lines.append(
        f"/nospace: {report.nospace}, /pause: {report.pauses}, /sos: {report.sos}, "
        f"wins-only sessions: {report.wins_only}."
    )
    lines.append(_debrief_line(report))
    lines += _load_lines(report.load)
    return lines


# --- the chart's words (short: they sit on an image 960 pixels wide) ----------------------------

CHART_SUBTITLE = "Bars: people who checked in. Tiles: how most people arrived and left."
CHART_ARRIVED = "Arrived"
CHART_LEFT = "Left"
CHART_NOT_SHOWN = "-"
CHART_LEGEND = {
    Band.LOW: "more than half gave 1 or 2",
    Band.MIXED: "a third or more gave 1 or 2",
    Band.OKAY: "fewer gave 1 or 2",
}
CHART_NOT_SHOWN_LEGEND = "not shown: under 3 moods"
CHART_WINS_LEGEND = "wins-only session"


def chart_day(day: date) -> str:
    """``29 Mar``: fits under a bar."""
    return f"{day.day} {day:%b}"


def chart_trend(report: HealthReport) -> str | None:
    """One line under the tiles: the trend, or the loop, in words only."""
    if report.loop is not None:
        return "Lately: arriving low and leaving no lighter (see the note below)."
    if report.trend is None:
        return None
    line = f"Lately: arriving {TREND_WORDS[report.trend.arrived]}"
    if report.trend.left is not None:
        line += f", leaving {TREND_WORDS[report.trend.left]}"
    return f"{line}."
