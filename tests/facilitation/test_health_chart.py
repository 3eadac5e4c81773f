"""The circle health chart: a real PNG, readable, the same facts as the text, and private."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from facilitation.aggregates import Band
from facilitation.chart_text import ELLIPSIS, shortened, wrapped
from facilitation.health import HealthReport, LoadView, SessionView, Trend
from facilitation.health_chart import (
    ARRIVED_Y,
    BAND_COLOUR,
    BASELINE,
    COLUMN,
    COLUMNS_LEFT,
    HEIGHT,
    LEFT_Y,
    NOT_SHOWN,
    PALETTE,
    PLOT_TOP,
    WIDTH,
    day_labels,
    draw,
    render,
)
from facilitation.i18n import LANGUAGES, Language, by_code, strict_rendering
from facilitation.loop import LoopKind
from facilitation.pixel_font import covers, glyph
from facilitation.png import Canvas


def view(n: int, arrived: Band | None = Band.OKAY, left: Band | None = Band.OKAY) -> SessionView:
    return SessionView(date(2024, 5, 1 + n), 3 + n, arrived, left, wins_only=n == 5)


REPORT = HealthReport(
    sessions=tuple(view(n) for n in range(8)),
    trend=Trend(Band.OKAY, Band.OKAY),
    loop=None,
    nospace=1,
    pauses=2,
    sos=0,
    wins_only=1,
    debriefs=0,
    debrief_band=None,
    load=LoadView((4, 4), None, 8),
)


def decoded(png: bytes) -> Image.Image:
    with Image.open(io.BytesIO(png)) as checked:
        checked.verify()  # chunk CRCs and structure
    image = Image.open(io.BytesIO(png))
    image.load()  # every pixel decompressed
    return image


def colour_at(image: Image.Image, x: int, y: int) -> tuple[int, int, int]:
    pixel = image.convert("RGB").getpixel((x, y))
    assert isinstance(pixel, tuple)
    return (int(pixel[0]), int(pixel[1]), int(pixel[2]))


def tile_colour(image: Image.Image, column: int, row_y: int) -> tuple[int, int, int]:
    """A pixel inside a tile, left of its word."""
    return colour_at(image, COLUMNS_LEFT + column * COLUMN + 8, row_y + 2)


def test_it_is_a_png_of_a_reasonable_size() -> None:
    png = render(REPORT)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = decoded(png)
    assert image.format == "PNG"
    assert image.size == (WIDTH, HEIGHT) == (960, 608)
    assert 1_000 < len(png) < 60_000


def test_the_same_report_draws_the_same_bytes() -> None:
    assert render(REPORT) == render(REPORT)


def test_the_tiles_show_each_band_in_its_colour() -> None:
    sessions = (
        view(0, Band.LOW, Band.MIXED),
        view(1, Band.OKAY, None),
        *(view(n) for n in range(2, 8)),
    )
    image = decoded(render(replace(REPORT, sessions=sessions)))
    assert tile_colour(image, 0, ARRIVED_Y) == PALETTE[BAND_COLOUR[Band.LOW]]
    assert tile_colour(image, 0, LEFT_Y) == PALETTE[BAND_COLOUR[Band.MIXED]]
    assert tile_colour(image, 1, ARRIVED_Y) == PALETTE[BAND_COLOUR[Band.OKAY]]
    assert tile_colour(image, 1, LEFT_Y) == PALETTE[NOT_SHOWN]


def test_bars_grow_with_attendance_and_the_chart_changes_with_the_data() -> None:
    image = decoded(render(REPORT))
    centre = COLUMNS_LEFT + COLUMN // 2
    tallest = COLUMNS_LEFT + 7 * COLUMN + COLUMN // 2  # 10 checked in: the top of the scale
    assert colour_at(image, tallest, PLOT_TOP + 2) == PALETTE[4]
    assert colour_at(image, centre, PLOT_TOP + 2) != PALETTE[4]  # 3 checked in is lower
    assert colour_at(image, centre, BASELINE - 4) == PALETTE[4]
    fewer = replace(
        REPORT, sessions=(replace(REPORT.sessions[0], checked_in=0), *REPORT.sessions[1:])
    )
    changed = decoded(render(fewer))
    assert colour_at(changed, centre, BASELINE - 4) == PALETTE[0]
    assert render(fewer) != render(REPORT)


def test_wins_only_sessions_are_hatched_not_just_coloured() -> None:
    image = decoded(render(REPORT)).convert("RGB")
    wins = COLUMNS_LEFT + 5 * COLUMN
    plain = COLUMNS_LEFT + 4 * COLUMN
    strip = [(x, BASELINE - 20) for x in range(12, COLUMN - 12)]
    assert {image.getpixel((wins + dx, y)) for dx, y in strip} >= {PALETTE[0], PALETTE[4]}
    assert {image.getpixel((plain + dx, y)) for dx, y in strip} == {PALETTE[4]}


@pytest.mark.parametrize("count", [0, 1, 3])
def test_fewer_sessions_and_none_still_draw(count: int) -> None:
    report = replace(REPORT, sessions=REPORT.sessions[:count], trend=None)
    assert decoded(render(report)).size == (WIDTH, HEIGHT)


def test_the_loop_is_said_in_words_on_the_chart() -> None:
    looping = replace(REPORT, loop=LoopKind.TREND)
    assert render(looping) != render(REPORT)


def test_big_circles_fit_the_scale() -> None:
    big = replace(
        REPORT, sessions=tuple(replace(v, checked_in=400 + v.day.day) for v in REPORT.sessions)
    )
    assert decoded(render(big)).size == (WIDTH, HEIGHT)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([None, *Band]), min_size=16, max_size=16), st.data())
def test_a_tile_changes_only_with_its_band(bands: list[Band | None], data: st.DataObject) -> None:
    sessions = tuple(view(n, bands[2 * n], bands[2 * n + 1]) for n in range(8))
    report = replace(REPORT, sessions=sessions)
    index = data.draw(st.integers(0, 7))
    other = data.draw(st.sampled_from([b for b in [None, *Band] if b != bands[2 * index]]))
    moved = replace(report, sessions=(*sessions[:index], replace(sessions[index], arrived=other),
                                      *sessions[index + 1 :]))  # fmt: skip
    image, after = decoded(render(report)), decoded(render(moved))
    expected = PALETTE[NOT_SHOWN if other is None else BAND_COLOUR[other]]
    assert tile_colour(after, index, ARRIVED_Y) == expected
    assert tile_colour(image, index, LEFT_Y) == tile_colour(after, index, LEFT_Y)


def test_drawing_a_chart_loads_no_plotting_library() -> None:
    """The bot's memory is a tracked target: neither importing the chart nor drawing one may
    pull in numpy, Pillow or matplotlib (checked in a fresh interpreter)."""
    code = (
        "import sys\n"
        "from facilitation.aggregates import SessionFacts, tally\n"
        "from facilitation.debrief import DebriefTally\n"
        "from facilitation.health import circle_health\n"
        "from facilitation.health_chart import render\n"
        "report = circle_health([SessionFacts(0, 3, tally([1, 2, 3]))], tz='UTC', now=0,\n"
        "                       reader='x', load={}, debriefs=DebriefTally())\n"
        "assert render(report).startswith(bytes([0x89]) + b'PNG')\n"
        "print(sorted({'numpy', 'PIL', 'matplotlib'} & {m.split('.')[0] for m in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- in every language ------------------------------------------------------------------------

SEPT = REPORT.sessions
EVERY_CHART = {
    "trend": REPORT,
    "loop": replace(REPORT, loop=LoopKind.TREND),
    "arriving only": replace(REPORT, trend=Trend(Band.LOW, None)),
    "every band": replace(
        REPORT,
        sessions=(view(0, Band.LOW, Band.MIXED), view(1, None, None), view(2, Band.MIXED, None)),
        trend=Trend(Band.MIXED, Band.LOW),
    ),
    "one session": replace(REPORT, sessions=REPORT.sessions[:1], trend=None),
    "empty": replace(REPORT, sessions=(), trend=None),
    "long months": replace(
        REPORT,
        sessions=tuple(replace(v, day=date(2024, 9, 20 + i)) for i, v in enumerate(SEPT)),
    ),
}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.code)
@pytest.mark.parametrize("name", EVERY_CHART)
def test_the_chart_is_drawn_whole_in_every_language(language: Language, name: str) -> None:
    """Every label of every kind of chart, in every language: a real PNG of the chart's size,
    every character drawn from a glyph of its own (never the "?" of a missing one), and every
    shipped translation whole in its room (nothing cut with "…")."""
    with strict_rendering():
        chart = draw(EVERY_CHART[name], language)
    image = decoded(chart.canvas.png())
    assert image.size == (WIDTH, HEIGHT)
    drawn = [line for label in chart.labels for line in label.lines]
    assert len(drawn) >= {"empty": 2, "one session": 14}.get(name, 20)
    missing = {char for line in drawn for char in line if not covers(char)}
    assert not missing, f"no glyph for {sorted(missing)}"
    cut = [label.lines for label in chart.labels if label.cut]
    assert not cut, f"cut to fit: {cut}"


def test_the_chart_is_in_the_readers_language() -> None:
    spanish = draw(REPORT, "es")
    words = " ".join(line for label in spanish.labels for line in label.lines)
    assert "Salud del círculo" in words and "Al llegar" in words and "bien" in words
    assert "Circle" not in words
    assert render(REPORT, "es") != render(REPORT, "en") == render(REPORT)
    german = " ".join(line for label in draw(REPORT, "de").labels for line in label.lines)
    assert "Angekommen" in german and "1. Mai" in german


def test_days_are_named_or_all_numbered_when_a_name_does_not_fit() -> None:
    days = [date(2024, 5, 1), date(2024, 9, 28)]
    assert day_labels(days, by_code("en") or LANGUAGES[0]) == ["1 May", "28 Sept"]
    german = by_code("de")
    assert german is not None
    assert day_labels(days, german) == ["1.5.", "28.9."]  # "28. Sept." is too wide for a bar


def test_a_label_too_long_for_its_room_is_wrapped_then_cut_with_an_ellipsis() -> None:
    assert shortened("okay", 100, 2) == "okay"
    assert shortened("more than half gave one or two", 130, 2) == "more than…"
    assert shortened("Unbeschreiblichkeit", 70, 2) == "Unbes" + ELLIPSIS
    two = wrapped("one two three four five six seven", 160, 2, most=2)
    assert two.lines == ("one two three", "four five…") and two.cut
    whole = wrapped("one two three four", 160, 2, most=2)
    assert whole.lines == ("one two three", "four") and not whole.cut
    assert wrapped("", 130, 2).lines == ("",)


# --- the canvas and the font ---------------------------------------------------------------------


LETTERS = "áéíóúñüöäßçãõêâàèôîûïëœŒ«»¿¡ÁÉÍÓÚÑÜÖÄÇÀÈÊÂÔ…"
"""The letters and marks of es, de, fr and pt_BR the chart may draw."""


def test_every_printable_ascii_character_and_every_letter_has_its_own_glyph() -> None:
    for code in range(32, 127):
        assert covers(chr(code))
    for letter in LETTERS:
        assert covers(letter) and glyph(letter) != glyph("?"), letter
    assert glyph("ж") == glyph("?") and not covers("ж")
    assert glyph("–") == glyph("-") and glyph("\u00a0") == glyph(" ")
    assert glyph(" ") == (0,) * 9
    shown = [chr(c) for c in range(33, 127)] + list(LETTERS)
    assert len({glyph(char) for char in shown}) == len(shown)  # no two alike


def test_an_accented_letter_is_its_letter_under_its_accent() -> None:
    """Lower case: the letter's own rows under a two-row accent; a capital: a one-row accent
    over the letter drawn one row shorter; the cedilla below."""
    assert glyph("é")[2:] == glyph("e")[2:] and glyph("é")[:2] != (0, 0)
    assert glyph("ü")[2:] == glyph("u")[2:] and glyph("ö")[2:] == glyph("o")[2:]
    assert glyph("É")[0] != 0 and glyph("É")[1:7] != glyph("E")[1:7]
    assert glyph("ç")[:7] == glyph("c")[:7] and glyph("ç")[7:] != (0, 0)
    assert all(len(glyph(char)) == 9 for char in LETTERS)


def test_the_canvas_encodes_exactly_the_pixels_drawn() -> None:
    canvas = Canvas(20, 10, [(255, 255, 255), (200, 0, 0), (0, 0, 200)])
    canvas.fill(-5, -5, 10, 10, 1)  # clipped to the corner
    canvas.frame(10, 2, 8, 6, 2)
    canvas.fill(30, 30, 5, 5, 2)  # entirely outside: nothing
    image = decoded(canvas.png()).convert("RGB")
    assert image.getpixel((0, 0)) == image.getpixel((4, 4)) == (200, 0, 0)
    assert image.getpixel((5, 5)) == (255, 255, 255)
    assert image.getpixel((10, 2)) == image.getpixel((17, 7)) == (0, 0, 200)
    assert image.getpixel((12, 4)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("width", "height", "colours"), [(0, 5, 1), (5, 5000, 1), (5, 5, 0), (5, 5, 257)]
)
def test_the_canvas_refuses_impossible_sizes(width: int, height: int, colours: int) -> None:
    with pytest.raises(ValueError):
        Canvas(width, height, [(0, 0, 0)] * colours)
