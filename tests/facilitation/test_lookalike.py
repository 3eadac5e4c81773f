"""Confusable skeletons (UTS #39) from Unicode's data, as the bot compares names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.lookalike import look_alike, name_key, prototype, skeleton


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sky", "\u0405ky"),  # Cyrillic capital DZE
        ("Sky", "\ua4e2ky"),  # Lisu SA
        ("Sky", "\U0001d412\U0001d424\U0001d432"),  # mathematical bold
        ("Sky", "ＳＫＹ"),  # fullwidth, and case
        ("paypal", "p\u0430yp\u0430l"),  # Cyrillic a
        ("Alex", "AIex"),  # capital i for l
        ("modern", "rnodern"),  # m is "rn"
        ("Bob", "B0b"),  # zero for O
        ("Rowan", "R\u043ewan"),  # Cyrillic o
        ("Mira", "Mira\u200b"),  # a zero-width space is cleaned away
    ],
)
def test_look_alikes_share_a_key(one: str, other: str) -> None:
    assert look_alike(one, other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Sky", "Skye"), ("Ana", "Anna"), ("Rowan", "Rowen"), ("Lee", "Li"), ("Sam", "Pam")],
)
def test_different_names_stay_different(one: str, other: str) -> None:
    assert not look_alike(one, other)


def test_the_skeleton_follows_unicodes_prototypes() -> None:
    assert prototype("\u0405") == "S"  # a source character leads to its prototype
    assert prototype("S") == "S"  # the prototype stays
    assert prototype("m") == "rn"  # a sequence prototype
    assert prototype("\u0430") == "a"  # Cyrillic a
    assert prototype("k") == "k"  # nothing leads elsewhere from a plain letter
    assert skeleton("\u0405ky") == skeleton("Sky") == "Sky"


@given(st.text(max_size=32))
def test_the_key_is_stable(name: str) -> None:
    key = name_key(name)
    assert name_key(key) == key
    assert look_alike(name, key)
