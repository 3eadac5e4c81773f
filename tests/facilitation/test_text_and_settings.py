from __future__ import annotations

import unicodedata
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.agreement import DEFAULT_AGREEMENT, reminder_line
from facilitation.circle import CircleSettings, Door, SettingError, Unvouched, validate_time_zone
from facilitation.text import alias_key, clean_display_name, clean_free_text

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


@given(st.text(max_size=60))
def test_clean_names_hold_no_control_format_or_bidi_characters(text: str) -> None:
    cleaned = clean_display_name(text)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in cleaned)
    assert not set(BIDI) & set(cleaned)
    assert cleaned == cleaned.strip()
    assert clean_display_name(cleaned) == cleaned


def test_spoofed_names_collapse_to_what_is_shown() -> None:
    assert clean_display_name("Al\u202eice\u200b") == "Alice"
    assert alias_key("ＳＫＹ") == alias_key("sky")


def test_free_text_keeps_lines_but_not_overrides() -> None:
    assert clean_free_text("one\r\ntwo\u202e\n\x07three", limit=100) == "one\ntwo\nthree"
    assert len(clean_free_text("x" * 50, limit=10)) == 10


def test_settings_are_validated() -> None:
    settings = CircleSettings()
    assert settings.with_setting("vouches", 3).vouches == 3
    assert settings.with_setting("turn", timedelta(minutes=2)).turn == timedelta(minutes=2)
    for name, value in [
        ("vouches", 0),
        ("vouches", 11),
        ("size", 1),
        ("retention", 0),
        ("turn", timedelta(seconds=5)),
        ("turn", 5),
        ("vouches", True),
        ("tz", "Nowhere/Else"),
        ("colour", 1),
        ("door", "ajar"),
        ("unvouched", "maybe"),
        ("disappearing", timedelta(seconds=5)),
        ("disappearing", timedelta(weeks=5)),
        ("disappearing", 7),
    ]:
        with pytest.raises(SettingError):
            settings.with_setting(name, value)


def test_the_door_unvouched_and_disappearing_settings() -> None:
    settings = CircleSettings()
    assert (settings.door, settings.unvouched, settings.disappearing) == (
        Door.LOCKED,
        Unvouched.HOLD,
        None,  # the group's own timer is left alone until a facilitator sets one
    )
    assert settings.with_setting("door", "OPEN").door is Door.OPEN
    assert settings.with_setting("unvouched", "allow").unvouched is Unvouched.ALLOW
    week = timedelta(weeks=1)
    assert settings.with_setting("disappearing", week).disappearing == week
    assert settings.with_setting("disappearing", "off").disappearing == timedelta(0)


def test_time_zones_are_canonical_iana_names() -> None:
    assert validate_time_zone("america/new_york") == "America/New_York"
    for bad in ("", "../../etc/passwd", "/etc/localtime", "x" * 80):
        with pytest.raises(SettingError):
            validate_time_zone(bad)


def test_sessions_open_with_the_agreements_first_point() -> None:
    assert reminder_line(DEFAULT_AGREEMENT).startswith("What is said in the circle stays")
    assert reminder_line("\n  - Be kind.\n") == "Be kind."


def test_the_anonymous_line_and_consent_settings() -> None:
    settings = CircleSettings()
    assert settings.tell_expiry_days == 7
    assert settings.agreement_by_consent is False
    assert settings.with_setting("tell-expiry", 14).tell_expiry_days == 14
    consent = settings.with_setting("agreement", "consent")
    assert consent.agreement_by_consent is True
    assert consent.with_setting("agreement", "facilitators").agreement_by_consent is False
    for name, value in [
        ("tell-expiry", 0),
        ("tell-expiry", 31),
        ("tell-expiry", "7"),
        ("tell-expiry", True),
        ("agreement", "vote"),
        ("agreement", True),
    ]:
        with pytest.raises(SettingError):
            settings.with_setting(name, value)


def test_settings_stored_before_the_new_ones_read_back_with_their_defaults() -> None:
    """storage builds CircleSettings from its columns by keyword: a row from before these
    settings existed must keep today's behaviour (agreement set by facilitators, 7 days)."""
    stored = CircleSettings(
        vouches=3,
        size=20,
        tz="Europe/Berlin",
        turn=timedelta(minutes=4),
        retention_days=30,
        tenure_days=14,
        request_days=7,
        vouch_retention_days=180,
        resources_in_group=False,
    )
    assert stored.tell_expiry_days == 7
    assert stored.agreement_by_consent is False
