"""The circle health chart: a PNG the bot sends with ``/circle health``.

What it shows, from one ``HealthReport`` (so it says what the text under it says): the last
sessions left to right, a bar per session for the people who checked in (the count written on
it), and under each bar two tiles, how most people arrived and how most left, as band words on
colour. Then the trend, and a legend.

Accessible, not colour alone: every tile carries its word ("low", "mixed", "okay", or "-" for
not shown), wins-only sessions are hatched as well as named in the legend, and the colours are
from the Okabe-Ito set, told apart with the common colour-vision deficiencies. The text sent
with the chart repeats every fact (a screen reader cannot read an image).

The plotting choice: ``png`` says why this is drawn with our own few primitives rather than
matplotlib. The trade-off accepted: a pixel font and flat shapes instead of anti-aliased type.
At 960×608 on a phone the 2× and 3× letters are crisp and the file is a few kilobytes.

Every word on it is a catalog text rendered in the reader's language (the language the text
under it is sent in), days in the language's short form ("7 May", "7. Mai"; "7/5" for every
day of the chart when a month's name would not fit under a bar). Each label has its room
(``chart_text``): a longer translation wraps or is cut with "…", never drawn over its neighbour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from facilitation import care_texts
from facilitation.aggregates import Band
from facilitation.chart_text import Fitted, fits, wrapped
from facilitation.health import HealthReport, SessionView
from facilitation.i18n import Language, Piece, formatting, language_of
from facilitation.i18n import render as render_text
from facilitation.png import Canvas

WIDTH, HEIGHT = 960, 608
WHITE, INK, GRID, MUTED, BAR, NOT_SHOWN = 0, 1, 2, 3, 4, 8
PALETTE = (
    (255, 255, 255),
    (33, 37, 41),
    (222, 226, 230),
    (94, 100, 108),
    (68, 84, 106),
    (230, 159, 0),  # low: Okabe-Ito orange
    (240, 228, 66),  # mixed: Okabe-Ito yellow
    (86, 180, 233),  # okay: Okabe-Ito sky blue
    (236, 236, 236),  # not shown
)
BAND_COLOUR = {Band.LOW: 5, Band.MIXED: 6, Band.OKAY: 7}

MARGIN = 28
LINE = 20
"""From one line of 2× text to the next."""
LABELS_RIGHT = 140
COLUMNS_LEFT = 152
COLUMN = 96
PLOT_TOP, BASELINE = 140, 316
ARRIVED_Y, LEFT_Y, TILE_H = 356, 396, 32
TILE_W = COLUMN - 12
TREND_Y, LEGEND_Y = 442, 496
LEGEND_COLUMN, LEGEND_TEXT = 460, 90
FULL = WIDTH - 2 * MARGIN
"""The room of a line across the chart."""


@dataclass(slots=True)
class Chart:
    """One chart being drawn for one reader: the canvas, and every label as drawn."""

    language: Language
    canvas: Canvas = field(default_factory=lambda: Canvas(WIDTH, HEIGHT, PALETTE))
    labels: list[Fitted] = field(default_factory=list)

    def words(self, text: Piece | str) -> str:
        return text if isinstance(text, str) else render_text(text, self.language).text

    def label(
        self,
        x: int,
        y: int,
        text: Piece | str,
        colour: int,
        *,
        room: int,
        scale: int = 2,
        most: int = 1,
        align: str = "left",
    ) -> int:
        """Draws ``text`` in ``room`` pixels (``x`` is its left, centre or right edge, by
        ``align``) on at most ``most`` lines; returns how many lines it took."""
        fitted = wrapped(self.words(text), room, scale, most)
        self.labels.append(fitted)
        for index, line in enumerate(fitted.lines):
            top = y + index * LINE * scale // 2
            if align == "right":
                self.canvas.right_text(x, top, line, colour, scale)
            elif align == "centre":
                self.canvas.centred_text(x, top, line, colour, scale)
            else:
                self.canvas.text(x, top, line, colour, scale)
        return len(fitted.lines)


def render(report: HealthReport, language: Language | str | None = None) -> bytes:
    """The chart as PNG bytes, in ``language`` (deterministic: same report, same bytes)."""
    return draw(report, language).canvas.png()


def draw(report: HealthReport, language: Language | str | None = None) -> Chart:
    """The chart drawn, with its labels as drawn (the tests read them)."""
    chart = Chart(language_of(language) if not isinstance(language, Language) else language)
    title = care_texts.chart_title(max(1, len(report.sessions)))
    chart.label(MARGIN, 24, title, INK, room=FULL, scale=3)
    if not report.sessions:
        chart.label(MARGIN, 80, care_texts.CHART_EMPTY, MUTED, room=FULL, most=2)
        return chart
    chart.label(MARGIN, 66, care_texts.CHART_SUBTITLE, MUTED, room=FULL, most=2)
    _bars(chart, report.sessions)
    for y, words in ((ARRIVED_Y, care_texts.CHART_ARRIVED), (LEFT_Y, care_texts.CHART_LEFT)):
        chart.label(LABELS_RIGHT, y + 7, words, INK, room=LABELS_RIGHT - 8, align="right")
    for index, view in enumerate(report.sessions):
        left = COLUMNS_LEFT + index * COLUMN
        _tile(chart, left + 6, ARRIVED_Y, view.arrived)
        _tile(chart, left + 6, LEFT_Y, view.left)
    trend = care_texts.chart_trend(report)
    if trend is not None:
        chart.label(MARGIN, TREND_Y, trend, INK, room=FULL, most=2)
    _legend(chart)
    return chart


def _step(most: int) -> int:
    """A round gridline step giving at most about five lines."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if most <= step * 5:
            return step
    return -(-most // 5)


def day_labels(days: list[date], language: Language) -> list[str]:
    """``7 May`` under each bar, or ``7/5`` under all of them when a name would not fit."""
    named = [formatting.short_day(day, language) for day in days]
    if all(fits(day, COLUMN - 4, 2) for day in named):
        return named
    return [formatting.numeric_day(day, language) for day in days]


def _bars(chart: Chart, sessions: tuple[SessionView, ...]) -> None:
    canvas = chart.canvas
    most = max([1, *(s.checked_in for s in sessions)])
    step = _step(most)
    top = step * -(-most // step)
    height = BASELINE - PLOT_TOP
    for value in range(0, top + 1, step):
        y = BASELINE - value * height // top
        canvas.fill(COLUMNS_LEFT, y, COLUMN * len(sessions), 1, GRID)
        canvas.right_text(LABELS_RIGHT, y - 8, str(value), MUTED)
    days = day_labels([view.day for view in sessions], chart.language)
    for index, view in enumerate(sessions):
        left = COLUMNS_LEFT + index * COLUMN
        bar = view.checked_in * height // top
        canvas.fill(left + 12, BASELINE - bar, COLUMN - 24, bar, BAR)
        if view.wins_only:
            canvas.hatch(left + 12, BASELINE - bar, COLUMN - 24, bar, WHITE)
        canvas.centred_text(left + COLUMN // 2, BASELINE - bar - 24, str(view.checked_in), INK)
        centre = left + COLUMN // 2
        chart.label(centre, BASELINE + 10, days[index], INK, room=COLUMN - 4, align="centre")
    canvas.fill(COLUMNS_LEFT, BASELINE, COLUMN * len(sessions), 2, INK)


def _tile(chart: Chart, x: int, y: int, band: Band | None) -> None:
    if band is None:
        chart.canvas.fill(x, y, TILE_W, TILE_H, NOT_SHOWN)
        words: Piece | str = care_texts.CHART_NOT_SHOWN
        colour = MUTED
    else:
        chart.canvas.fill(x, y, TILE_W, TILE_H, BAND_COLOUR[band])
        words, colour = care_texts.CHART_BAND_WORDS[band], INK
    chart.label(x + TILE_W // 2, y + 7, words, colour, room=TILE_W, align="centre")


def _legend(chart: Chart) -> None:
    """Two columns: each band's tile and what it means, the not-shown tile, the hatched bar."""
    tiles: list[tuple[Band | None, Piece]] = [
        *((band, care_texts.CHART_LEGEND[band]) for band in Band),
        (None, care_texts.CHART_NOT_SHOWN_LEGEND),
    ]
    room = LEGEND_COLUMN - LEGEND_TEXT - 12
    for index, (band, words) in enumerate(tiles):
        x, y = _legend_place(index)
        _tile(chart, x - 6, y - 3, band)
        chart.label(x + LEGEND_TEXT, y + 4, words, INK, room=room)
    x, y = _legend_place(len(tiles))
    chart.canvas.fill(x + 16, y, 40, 26, BAR)
    chart.canvas.hatch(x + 16, y, 40, 26, WHITE)
    chart.label(x + LEGEND_TEXT, y + 4, care_texts.CHART_WINS_LEGEND, INK, room=room)


def _legend_place(index: int) -> tuple[int, int]:
    return MARGIN + (index % 2) * LEGEND_COLUMN, LEGEND_Y + (index // 2) * 34
