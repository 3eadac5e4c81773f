from __future__ import annotations

import base64
import pickle
import re
from typing import Any

import pytest
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given
from hypothesis import strategies as st

import storage.keyring as keyring_mod
from storage.keyring import (
    Keyring,
    KeyringError,
    generate_key_text,
    parse_key_text,
)
from tests.storage.keys import B1, B2, K1, K2, SHORT, assert_no_key_material

# --- key text -----------------------------------------------------------------------


def test_generate_parse_round_trip() -> None:
    text = generate_key_text()
    assert text.startswith("#")
    (key_line,) = [line for line in text.splitlines() if not line.startswith("#")]
    assert key_line.startswith("1:")
    assert len(base64.b64decode(key_line[2:], validate=True)) == 32
    ring = parse_key_text(text)
    assert ring.ids == (1,)
    assert ring.primary_id == 1
    assert parse_key_text(ring.to_key_text()).subkey(1, b"x") == ring.subkey(1, b"x")


def test_generate_is_random_and_takes_an_id() -> None:
    assert generate_key_text() != generate_key_text()
    assert parse_key_text(generate_key_text(7)).ids == (7,)
    for bad in (0, 256, -1):
        with pytest.raises(KeyringError, match="out of range"):
            generate_key_text(bad)


@pytest.mark.parametrize(
    "text",
    [
        f"1:{B1}\n2:{B2}\n",
        f"# comment\n\n  2:{B2}  \n# another\n1:{B1}\n",
        f"1:{B1},2:{B2}",
        f" 1:{B1} , 2:{B2} \n",
        f"1:{B1}\r\n2:{B2}\r\n",
    ],
)
def test_parse_several_generations(text: str) -> None:
    ring = parse_key_text(text)
    assert ring.ids == (1, 2)
    assert ring.primary_id == 2
    assert ring.subkey(1, b"l") == Keyring({1: K1}).subkey(1, b"l")
    assert ring.subkey(2, b"l") == Keyring({2: K2}).subkey(2, b"l")


def test_bare_token_is_generation_one() -> None:
    ring = parse_key_text(f"# my key\n{B1}\n")
    assert ring.ids == (1,)
    assert ring.subkey(1, b"l") == Keyring({1: K1}).subkey(1, b"l")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no keys"),
        ("# only a comment\n\n", "no keys"),
        (f"# c\n1:{B1}\n2:{B1[:-3]}!!=\n", "line 3: key is not valid base64"),
        (f"1:{SHORT}", "line 1: key is not 32 bytes"),
        (f"1:{B1}\n\n1:{B2}", "line 3: duplicate key id 1"),
        (f"1:{B1},1:{B2}", "line 1, entry 2: duplicate key id 1"),
        (f"0:{B1}", "line 1: key id 0 out of range"),
        (f"256:{B1}", "line 1: key id 256 out of range"),
        (f"x{B2}:{B1}", "line 1: key id must be a number"),
        (f"-1:{B1}", "line 1: key id must be a number"),
        (f":{B1}", "line 1: key id must be a number"),
        (f"1:{B1},,2:{B2}", "line 1, entry 2: empty entry"),
        (f"{B1}\n2:{B2}", "only allowed when it is the only key"),
        (f"1:{B1}\n2:{B1}", "same key material"),
        ("1:Zm9vYmFyYmF6cXV4", "line 1: key is not 32 bytes"),
        ("1:é" + B1, "line 1: key is not valid base64"),
    ],
)
def test_parse_errors_name_the_problem_without_key_material(text: str, message: str) -> None:
    with pytest.raises(KeyringError) as info:
        parse_key_text(text)
    assert message in str(info.value)
    shown = str(info.value) + repr(info.value)
    assert_no_key_material(shown, B1, B2, SHORT, B1[:-3], "Zm9vYmFyYmF6cXV4", K1, K2)
    assert info.value.__cause__ is None


_B64_RUN = re.compile(r"[A-Za-z0-9+/=]{16,}")


@given(st.text(alphabet="ABCDEFGHabcdefgh0123456789+/=:,#\n \t", max_size=200))
def test_parse_fuzz_only_keyring_error_and_never_echoes_input(text: str) -> None:
    try:
        parse_key_text(text)
    except KeyringError as exc:
        message = str(exc)
    else:
        return
    for run in _B64_RUN.findall(text):
        assert run not in message


# --- Keyring ------------------------------------------------------------------------


def test_keyring_repr_and_wrappers_hide_key_material() -> None:
    ring = Keyring({1: K1, 2: K2})
    rotated, _ = ring.with_new_generation()
    for obj in (ring, rotated, *ring._masters.values(), *rotated._masters.values()):
        assert_no_key_material(repr(obj) + str(obj) + f"{obj}", B1, B2, K1, K2)
    for secret in rotated._masters.values():
        assert_no_key_material(repr(secret) + str(secret), secret.get_secret_value())
    assert repr(ring) == "Keyring(ids=(1, 2), primary_id=2)"


def test_keyring_cannot_be_pickled() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(Keyring({1: K1}))


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ({}, "empty"),
        ({1: bytes(31)}, "not 32 bytes"),
        ({0: K1}, "out of range"),
        ({256: K1}, "out of range"),
        ({1: K1, 2: K1}, "same key material"),
    ],
)
def test_keyring_constructor_validates(keys: dict[int, bytes], message: str) -> None:
    with pytest.raises(KeyringError, match=message):
        Keyring(keys)


def test_ids_and_primary() -> None:
    ring = Keyring({5: K2, 2: K1})
    assert ring.ids == (2, 5)
    assert ring.primary_id == 5
    assert 2 in ring
    assert 3 not in ring


def test_with_new_generation_adds_a_fresh_primary_and_leaves_the_original() -> None:
    ring = Keyring({1: K1})
    rotated, new_id = ring.with_new_generation()
    assert new_id == 2
    assert rotated.ids == (1, 2)
    assert rotated.primary_id == 2
    assert ring.ids == (1,)
    assert rotated.subkey(1, b"l") == ring.subkey(1, b"l")
    assert rotated.subkey(2, b"l") != ring.subkey(1, b"l")
    reparsed = parse_key_text(rotated.to_key_text())
    assert reparsed.ids == (1, 2)
    assert reparsed.subkey(2, b"l") == rotated.subkey(2, b"l")


def test_with_new_generation_runs_out_at_255() -> None:
    with pytest.raises(KeyringError, match="no key ids left"):
        Keyring({255: K1}).with_new_generation()


def test_subkey_is_domain_separated_and_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    ring = Keyring({1: K1, 2: K2})
    calls: list[bytes] = []

    def counting(**kwargs: Any) -> HKDF:
        calls.append(kwargs["info"])
        return HKDF(**kwargs)

    monkeypatch.setattr(keyring_mod, "HKDF", counting)
    a = ring.subkey(1, b"holdspace/v1/enc/t.c")
    assert len(a) == 32
    for _ in range(50):
        assert ring.subkey(1, b"holdspace/v1/enc/t.c") is a
    assert calls == [b"holdspace/v1/enc/t.c"]
    assert ring.subkey(1, b"holdspace/v1/bidx/t.c") != a
    assert ring.subkey(2, b"holdspace/v1/enc/t.c") != a
    with pytest.raises(KeyringError, match="unknown key id 3"):
        ring.subkey(3, b"x")


def test_derive() -> None:
    ring = Keyring({1: K1, 2: K2})
    assert ring.derive("dedupe") == ring.subkey(2, b"holdspace/v1/dedupe")
    assert ring.derive("dedupe", key_id=1) == ring.subkey(1, b"holdspace/v1/dedupe")
    assert ring.derive("log-pseudonym") != ring.derive("dedupe")
    for bad in ("", "enc/member.name", "bidx/member.aci", "Dedupe", "x" * 65):
        with pytest.raises(ValueError):
            ring.derive(bad)
