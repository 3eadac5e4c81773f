"""One function writes every moment people read, in the circle's time zone."""

from __future__ import annotations

from facilitation.time_text import Style, format_local

NEW_YEAR_UTC = 1_767_225_600_000  # Thu 1 Jan 2026 00:00 UTC


def test_each_style_in_the_circles_zone() -> None:
    la = "America/Los_Angeles"  # still Wed 31 Dec 2025 there
    assert format_local(NEW_YEAR_UTC, la, Style.WEEKDAY_TIME) == "Wed 16:00"
    assert format_local(NEW_YEAR_UTC, la, Style.DAY) == "Wed 31 Dec"
    assert format_local(NEW_YEAR_UTC, la, Style.DAY_TIME) == "Wed 31 Dec 16:00"
    assert format_local(NEW_YEAR_UTC, la, Style.DAY_YEAR) == "Wed 31 Dec 2025"
    assert format_local(NEW_YEAR_UTC, la, Style.DAY_YEAR_TIME) == "Wed 31 Dec 2025 16:00"
    assert format_local(NEW_YEAR_UTC, la, Style.DATE) == "31 Dec 2025"
    assert format_local(NEW_YEAR_UTC, la, Style.ISO_DATE) == "2025-12-31"
    assert format_local(NEW_YEAR_UTC, la, Style.LONG_DAY_TIME) == "Wednesday 31 December at 16:00"
    assert format_local(NEW_YEAR_UTC, "UTC", Style.DATE) == "01 Jan 2026"


def test_summer_time_is_the_zones_own() -> None:
    july = NEW_YEAR_UTC + 181 * 86_400_000  # 1 Jul 2026 00:00 UTC
    assert format_local(july, "Europe/Berlin", Style.WEEKDAY_TIME) == "Wed 02:00"
    assert format_local(NEW_YEAR_UTC, "Europe/Berlin", Style.WEEKDAY_TIME) == "Thu 01:00"
