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
At 960×584 on a phone the 2× and 3× letters are crisp and the file is a few kilobytes.
"""

from __future__ import annotations

from facilitation import care_texts
from facilitation.aggregates import Band
from facilitation.health import HealthReport, SessionView
from facilitation.png import Canvas

WIDTH, HEIGHT = 960, 584
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

LABELS_RIGHT = 140
COLUMNS_LEFT = 152
COLUMN = 96
PLOT_TOP, BASELINE = 124, 316
ARRIVED_Y, LEFT_Y, TILE_H = 356, 396, 32
TREND_Y, LEGEND_Y = 442, 478


def render(report: HealthReport) -> bytes:
    """The chart as PNG bytes (deterministic: the same report gives the same bytes)."""
    canvas = Canvas(WIDTH, HEIGHT, PALETTE)
    canvas.text(28, 24, care_texts.chart_title(max(1, len(report.sessions))), INK, 3)
    if not report.sessions:
        canvas.text(28, 80, care_texts.CHART_EMPTY, MUTED)
        return canvas.png()
    canvas.text(28, 66, care_texts.CHART_SUBTITLE, MUTED)
    _bars(canvas, report.sessions)
    canvas.right_text(LABELS_RIGHT, ARRIVED_Y + 7, care_texts.CHART_ARRIVED, INK)
    canvas.right_text(LABELS_RIGHT, LEFT_Y + 7, care_texts.CHART_LEFT, INK)
    for index, view in enumerate(report.sessions):
        left = COLUMNS_LEFT + index * COLUMN
        _tile(canvas, left + 6, ARRIVED_Y, COLUMN - 12, TILE_H, view.arrived)
        _tile(canvas, left + 6, LEFT_Y, COLUMN - 12, TILE_H, view.left)
    trend = care_texts.chart_trend(report)
    if trend is not None:
        canvas.text(28, TREND_Y, trend, INK)
    _legend(canvas)
    return canvas.png()


def _step(most: int) -> int:
    """A round gridline step giving at most about five lines."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if most <= step * 5:
            return step
    return -(-most // 5)


def _bars(canvas: Canvas, sessions: tuple[SessionView, ...]) -> None:
    most = max([1, *(s.checked_in for s in sessions)])
    step = _step(most)
    top = step * -(-most // step)
    height = BASELINE - PLOT_TOP
    for value in range(0, top + 1, step):
        y = BASELINE - value * height // top
        canvas.fill(COLUMNS_LEFT, y, COLUMN * len(sessions), 1, GRID)
        canvas.right_text(LABELS_RIGHT, y - 8, str(value), MUTED)
    for index, view in enumerate(sessions):
        left = COLUMNS_LEFT + index * COLUMN
        bar = view.checked_in * height // top
        canvas.fill(left + 12, BASELINE - bar, COLUMN - 24, bar, BAR)
        if view.wins_only:
            canvas.hatch(left + 12, BASELINE - bar, COLUMN - 24, bar, WHITE)
        canvas.centred_text(left + COLUMN // 2, BASELINE - bar - 24, str(view.checked_in), INK)
        canvas.centred_text(left + COLUMN // 2, BASELINE + 10, care_texts.chart_day(view.day), INK)
    canvas.fill(COLUMNS_LEFT, BASELINE, COLUMN * len(sessions), 2, INK)


def _tile(canvas: Canvas, x: int, y: int, w: int, h: int, band: Band | None) -> None:
    if band is None:
        canvas.fill(x, y, w, h, NOT_SHOWN)
        canvas.centred_text(x + w // 2, y + 7, care_texts.CHART_NOT_SHOWN, MUTED)
        return
    canvas.fill(x, y, w, h, BAND_COLOUR[band])
    canvas.centred_text(x + w // 2, y + 7, care_texts.CHART_BAND_WORDS[band], INK)


def _legend(canvas: Canvas) -> None:
    """Two columns: each band's tile and what it means, the not-shown tile, the hatched bar."""
    tiles: list[tuple[Band | None, str]] = [
        *((band, care_texts.CHART_LEGEND[band]) for band in Band),
        (None, care_texts.CHART_NOT_SHOWN_LEGEND),
    ]
    for index, (band, words) in enumerate(tiles):
        x, y = _legend_place(index)
        _tile(canvas, x, y - 3, 72, TILE_H, band)
        canvas.text(x + 84, y + 4, words, INK)
    x, y = _legend_place(len(tiles))
    canvas.fill(x + 16, y, 40, 26, BAR)
    canvas.hatch(x + 16, y, 40, 26, WHITE)
    canvas.text(x + 84, y + 4, care_texts.CHART_WINS_LEGEND, INK)


def _legend_place(index: int) -> tuple[int, int]:
    return 28 + (index % 2) * 460, LEGEND_Y + (index // 2) * 34
