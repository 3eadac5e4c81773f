"""Circle health, as a facilitator reads it by direct message under its chart: how sessions
went in bands (never a number that gives a mood away), who holds them, and what may help.

The chart's words are here too, drawn on the chart in the reader's language (the chart's pixel
font has the letters of every language here). They have little room: a tile holds 7 letters, a
legend line about 30, the trend two lines of about 75; a longer translation is cut with "…",
and a test fails if a shipped one is.
"""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# TRANSLATORS: the band a session's moods are shown in ("arrived low, left okay").
BAND_LOW = Msg("health.band_low", "low", kind=Kind.WORD)
BAND_MIXED = Msg("health.band_mixed", "mixed", kind=Kind.WORD)
BAND_OKAY = Msg("health.band_okay", "okay", kind=Kind.WORD)
# TRANSLATORS: how people arrived or left over several sessions ("arrived mostly low").
TREND_LOW = Msg("health.trend_low", "mostly low", kind=Kind.WORD)
TREND_MIXED = Msg("health.trend_mixed", "mixed", kind=Kind.WORD)
TREND_OKAY = Msg("health.trend_okay", "mostly okay", kind=Kind.WORD)
NOT_SHOWN = Msg("health.not_shown", "not shown", kind=Kind.WORD)

BAND_LEGEND = Msg(
    "health.band_legend",
    "Low: more than half gave a mood of 1 or 2. Mixed: at least a third did. Okay: fewer did. "
    "Moods show only where at least 3 people gave one, so nobody's answer can be worked out.",
    kind=Kind.WORD,
)
EMPTY = Msg(
    "health.empty",
    "No sessions have closed yet. Circle health fills in after the first one.",
)
LOOP_LINE = Msg(
    "health.loop_line",
    "Lately, people have been arriving low and leaving no lighter. That can be the start of a "
    "trauma loop, where the group keeps circling shared pain. A wins-only session "
    "(/session start 45m wins) or a grounding exercise (/pause) may help.",
    kind=Kind.WORD,
)
TITLE = Plural(
    "health.title",
    "Circle health: the last session",
    "Circle health: the last {n} sessions",
    kind=Kind.WORD,
)
# TRANSLATORS: {title} is health.title.
HEADING = Msg("health.heading", "{title} (only you see this):", kind=Kind.WORD, title=Slot.TEXT)
# TRANSLATORS: one session: {day} ("Tuesday 7 May"), how many checked in, and the bands.
SESSION_NOT_SHOWN = Plural(
    "health.session_not_shown",
    "• {day}: {n} checked in; moods not shown.",
    "• {day}: {n} checked in; moods not shown.",
    kind=Kind.WORD,
    day=Slot.DATE,
)
SESSION_BANDS = Plural(
    "health.session_bands",
    "• {day}: {n} checked in; arrived {arrived}, left {left}.",
    "• {day}: {n} checked in; arrived {arrived}, left {left}.",
    kind=Kind.WORD,
    day=Slot.DATE,
    arrived=Slot.TEXT,
    left=Slot.TEXT,
)
WINS_DAY = Msg("health.wins_day", "{day}, wins only", kind=Kind.WORD, day=Slot.DATE)
TREND_ARRIVED = Msg(
    "health.trend_arrived",
    "Lately, people have arrived {arrived}.",
    kind=Kind.WORD,
    arrived=Slot.TEXT,
)
TREND_BOTH = Msg(
    "health.trend_both",
    "Lately, people have arrived {arrived} and left {left}.",
    kind=Kind.WORD,
    arrived=Slot.TEXT,
    left=Slot.TEXT,
)
TREND_LIGHTER = Msg(
    "health.trend_lighter",
    "Lately, people have arrived {arrived} and left {left}: the sessions seem to help.",
    kind=Kind.WORD,
    arrived=Slot.TEXT,
    left=Slot.TEXT,
)
# TRANSLATORS: how often the circle's members stepped back or asked for help, as counts.
COUNTS = Msg(
    "health.counts",
    "/nospace: {nospace}, /pause: {pauses}, /sos: {sos}, wins-only sessions: {wins}.",
    kind=Kind.WORD,
    nospace=Slot.COUNT,
    pauses=Slot.COUNT,
    sos=Slot.COUNT,
    wins=Slot.COUNT,
)
NO_DEBRIEFS = Msg("health.no_debriefs", "Debriefs: none answered yet.", kind=Kind.WORD)
DEBRIEFS = Plural(
    "health.debriefs", "Debriefs: {n} answered.", "Debriefs: {n} answered.", kind=Kind.WORD
)
DEBRIEFS_BAND = Plural(
    "health.debriefs_band",
    "Debriefs: {n} answered; holders felt {band} after holding.",
    "Debriefs: {n} answered; holders felt {band} after holding.",
    kind=Kind.WORD,
    band=Slot.TEXT,
)
SHARE_THE_HOLDING = Msg(
    "health.share_the_holding",
    "Sharing the holding may help: /cohost, or a rota with /schedule rota.",
    kind=Kind.WORD,
)
NOBODY_HOLDING = Msg(
    "health.nobody_holding", "Nobody is recorded as holding these sessions.", kind=Kind.WORD
)
# TRANSLATORS: {n} people held the sessions; {counts} how many each held ("5 and 2").
HELD_BY = Plural(
    "health.held_by",
    "Held by {n} person: {counts} sessions, co-hosting included.",
    "Held by {n} people: {counts} sessions, co-hosting included.",
    kind=Kind.WORD,
    counts=Slot.LIST,
)
YOU_HELD = Msg("health.you_held", "You held {n}.", kind=Kind.WORD, n=Slot.COUNT)
CONCENTRATED = Msg(
    "health.concentrated",
    "More than half of them rest on one person. A co-host (/cohost @member) or a rota "
    "(/schedule rota) shares the holding.",
    kind=Kind.WORD,
)

# --- the chart's words (short: they sit on an image 960 pixels wide) --------------------------

CHART_SUBTITLE = Msg(
    "health.chart_subtitle",
    "Bars: people who checked in. Tiles: how most people arrived and left.",
    kind=Kind.WORD,
)
# TRANSLATORS: a band's word on a chart tile: at most 7 letters (the band's own word if it fits).
CHART_TILE_LOW = Msg("health.chart_tile_low", "low", kind=Kind.WORD)
CHART_TILE_MIXED = Msg("health.chart_tile_mixed", "mixed", kind=Kind.WORD)
CHART_TILE_OKAY = Msg("health.chart_tile_okay", "okay", kind=Kind.WORD, same_in=("de",))
# TRANSLATORS: beside a row of tiles; at most 10 letters.
CHART_ARRIVED = Msg("health.chart_arrived", "Arrived", kind=Kind.WORD)
CHART_LEFT = Msg("health.chart_left", "Left", kind=Kind.WORD)
# TRANSLATORS: the legend's lines (this and the four below): at most 30 letters each.
CHART_LEGEND_LOW = Msg("health.chart_legend_low", "more than half gave 1 or 2", kind=Kind.WORD)
CHART_LEGEND_MIXED = Msg("health.chart_legend_mixed", "a third or more gave 1 or 2", kind=Kind.WORD)
CHART_LEGEND_OKAY = Msg("health.chart_legend_okay", "fewer gave 1 or 2", kind=Kind.WORD)
CHART_NOT_SHOWN_LEGEND = Msg(
    "health.chart_not_shown_legend", "not shown: under 3 moods", kind=Kind.WORD
)
CHART_WINS_LEGEND = Msg("health.chart_wins_legend", "wins-only session", kind=Kind.WORD)
CHART_LOOP = Msg(
    "health.chart_loop",
    "Lately: arriving low and leaving no lighter (see the note below).",
    kind=Kind.WORD,
)
CHART_TREND_ARRIVING = Msg(
    "health.chart_trend_arriving", "Lately: arriving {arrived}.", kind=Kind.WORD, arrived=Slot.TEXT
)
CHART_TREND_BOTH = Msg(
    "health.chart_trend_both",
    "Lately: arriving {arrived}, leaving {left}.",
    kind=Kind.WORD,
    arrived=Slot.TEXT,
    left=Slot.TEXT,
)
