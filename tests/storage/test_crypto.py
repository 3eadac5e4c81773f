from __future__ import annotations

import hashlib
import hmac
import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given
from hypothesis import strategies as st

import storage.crypto as crypto_mod
import storage.keyring as keyring_mod
from storage.crypto import BlindIndexer, DecryptionError, FieldCipher, normalize_aci
from storage.keyring import Keyring

RING = Keyring({1: os.urandom(32)})
CIPHER = FieldCipher(RING)
BIDX = BlindIndexer(RING)
ROW = uuid.UUID("3b241101-e2bb-4255-8caf-4136c566a962")

idents = st.from_regex(r"[a-z_][a-z0-9_]{0,15}", fullmatch=True)
plaintexts = st.one_of(st.binary(max_size=300), st.text(max_size=300))


def as_bytes(value: bytes | str) -> bytes:
    return value.encode() if isinstance(value, str) else value


# --- FieldCipher --------------------------------------------------------------------


@given(idents, idents, st.uuids(), plaintexts)
def test_round_trip(table: str, column: str, row: uuid.UUID, plaintext: bytes | str) -> None:
    blob = CIPHER.encrypt(table, column, row, plaintext)
    assert len(blob) == 1 + 1 + 12 + len(as_bytes(plaintext)) + 16
    assert blob[:2] == b"\x01\x01"
    assert CIPHER.decrypt(table, column, row, blob) == as_bytes(plaintext)
    if isinstance(plaintext, str):
        assert CIPHER.decrypt_text(table, column, row, blob) == plaintext


@given(
    st.tuples(idents, idents, st.uuids()),
    st.tuples(idents, idents, st.uuids()),
    st.text(max_size=50),
)
def test_blob_bound_to_table_column_and_row(
    here: tuple[str, str, uuid.UUID], there: tuple[str, str, uuid.UUID], plaintext: str
) -> None:
    blob = CIPHER.encrypt(*here, plaintext)
    if there != here:
        with pytest.raises(DecryptionError):
            CIPHER.decrypt(*there, blob)


@given(st.uuids(), st.uuids())
def test_blob_moved_to_another_row_fails(row: uuid.UUID, other: uuid.UUID) -> None:
    blob = CIPHER.encrypt("member", "display_name", row, "Sam")
    if other != row:
        with pytest.raises(DecryptionError):
            CIPHER.decrypt("member", "display_name", other, blob)


@given(idents.filter(lambda c: c != "display_name"), idents.filter(lambda t: t != "member"))
def test_blob_moved_to_another_column_or_table_fails(column: str, table: str) -> None:
    blob = CIPHER.encrypt("member", "display_name", ROW, "Sam")
    with pytest.raises(DecryptionError):
        CIPHER.decrypt("member", column, ROW, blob)
    with pytest.raises(DecryptionError):
        CIPHER.decrypt(table, "display_name", ROW, blob)


def test_table_column_split_is_unambiguous() -> None:
    blob = CIPHER.encrypt("ab", "c", ROW, "x")
    with pytest.raises(DecryptionError):
        CIPHER.decrypt("a", "bc", ROW, blob)


@given(plaintexts, st.data())
def test_flipping_any_bit_fails(plaintext: bytes | str, data: st.DataObject) -> None:
    blob = bytearray(CIPHER.encrypt("member", "display_name", ROW, plaintext))
    index = data.draw(st.integers(0, len(blob) - 1), label="index")
    bit = data.draw(st.integers(0, 7), label="bit")
    blob[index] ^= 1 << bit
    with pytest.raises(DecryptionError):
        CIPHER.decrypt("member", "display_name", ROW, bytes(blob))


def test_every_truncation_fails() -> None:
    blob = CIPHER.encrypt("member", "display_name", ROW, "Sam")
    for length in range(len(blob)):
        with pytest.raises(DecryptionError):
            CIPHER.decrypt("member", "display_name", ROW, blob[:length])


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"", "too short"),
        (b"\x01\x01" + bytes(27), "too short"),
        (b"\x00\x01" + bytes(40), "unknown ciphertext format version"),
        (b"\x02\x01" + bytes(40), "unknown ciphertext format version"),
        (b"\xff\x01" + bytes(40), "unknown ciphertext format version"),
        (b"\x01\x00" + bytes(40), "unknown key id 0"),
        (b"\x01\x09" + bytes(40), "unknown key id 9"),
        (b"\x01\x01" + bytes(28), "failed authentication"),
    ],
)
def test_malformed_blobs_fail_cleanly(blob: bytes, message: str) -> None:
    with pytest.raises(DecryptionError, match=message):
        CIPHER.decrypt("member", "display_name", ROW, blob)


def test_errors_carry_no_plaintext_or_key() -> None:
    secret = "hunter2-very-secret"
    blob = bytearray(CIPHER.encrypt("member", "display_name", ROW, secret))
    blob[-1] ^= 1
    with pytest.raises(DecryptionError) as info:
        CIPHER.decrypt_text("member", "display_name", ROW, bytes(blob))
    shown = str(info.value) + repr(info.value)
    assert secret not in shown
    assert info.value.__context__ is None
    assert info.value.__cause__ is None


def test_decrypt_text_of_non_utf8_fails_without_echoing_bytes() -> None:
    blob = CIPHER.encrypt("member", "avatar", ROW, b"\xffsecret\xfe")
    with pytest.raises(DecryptionError, match="not UTF-8") as info:
        CIPHER.decrypt_text("member", "avatar", ROW, blob)
    assert "secret" not in str(info.value)
    assert "xff" not in str(info.value)
    assert info.value.__context__ is None


def test_same_value_encrypts_differently() -> None:
    a = CIPHER.encrypt("member", "display_name", ROW, "Sam")
    b = CIPHER.encrypt("member", "display_name", ROW, "Sam")
    assert a != b
    assert a[2:14] != b[2:14]


@pytest.mark.parametrize(
    ("table", "column"), [("", "c"), ("t", ""), ("a.b", "c"), ("t", "c/d"), ("1t", "c")]
)
def test_table_and_column_must_be_identifiers(table: str, column: str) -> None:
    with pytest.raises(ValueError):
        CIPHER.encrypt(table, column, ROW, "x")


def test_fixed_nonce_hook_checks_size() -> None:
    with pytest.raises(ValueError):
        CIPHER._encrypt_with_nonce("t", "c", ROW, "x", bytes(16))


def test_rotation_old_blobs_still_decrypt() -> None:
    old_ring = Keyring({1: os.urandom(32)})
    old = FieldCipher(old_ring)
    new_ring, new_id = old_ring.with_new_generation()
    new = FieldCipher(new_ring)
    old_blob = old.encrypt("member", "display_name", ROW, "Sam")
    new_blob = new.encrypt("member", "display_name", ROW, "Sam")

    assert new_id == 2
    assert new.key_id_of(old_blob) == 1
    assert new.key_id_of(new_blob) == 2
    assert new.needs_reencrypt(old_blob)
    assert not new.needs_reencrypt(new_blob)
    assert not old.needs_reencrypt(old_blob)
    assert new.decrypt_text("member", "display_name", ROW, old_blob) == "Sam"
    assert new.decrypt_text("member", "display_name", ROW, new_blob) == "Sam"
    with pytest.raises(DecryptionError, match="unknown key id 2"):
        old.decrypt("member", "display_name", ROW, new_blob)
    relabelled = new_blob[:1] + b"\x01" + new_blob[2:]
    with pytest.raises(DecryptionError):
        new.decrypt("member", "display_name", ROW, relabelled)


def test_hot_path_does_no_repeated_key_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    ring = Keyring({1: os.urandom(32), 2: os.urandom(32)})
    hkdf_calls: list[object] = []
    aead_calls: list[object] = []

    def hkdf(**kwargs: Any) -> HKDF:
        hkdf_calls.append(kwargs["info"])
        return HKDF(**kwargs)

    def aead(key: bytes) -> AESGCM:
        aead_calls.append(None)
        return AESGCM(key)

    monkeypatch.setattr(keyring_mod, "HKDF", hkdf)
    monkeypatch.setattr(crypto_mod, "AESGCM", aead)
    cipher, bidx = FieldCipher(ring), BlindIndexer(ring)
    for i in range(100):
        blob = cipher.encrypt("member", "display_name", ROW, f"Sam {i}")
        assert cipher.decrypt_text("member", "display_name", ROW, blob) == f"Sam {i}"
        bidx.aci_candidates(str(ROW))
    assert len(aead_calls) == 1
    assert len(hkdf_calls) == 3  # enc under gen 2, bidx under gens 2 and 1


def test_reprs_hide_keys() -> None:
    assert repr(CIPHER) == "FieldCipher(Keyring(ids=(1,), primary_id=1))"
    assert repr(BIDX) == "BlindIndexer(Keyring(ids=(1,), primary_id=1))"


# --- BlindIndexer -------------------------------------------------------------------


def spellings(u: uuid.UUID) -> list[str]:
    s = str(u)
    return [
        s,
        s.upper(),
        "{" + s + "}",
        "{" + s.upper() + "}",
        "urn:uuid:" + s,
        u.hex,
        u.hex.upper(),
    ]


@given(st.uuids())
def test_aci_index_is_stable_across_spellings(u: uuid.UUID) -> None:
    expected = BIDX.index("member.aci", str(u))
    assert len(expected) == 16
    for spelling in spellings(u):
        assert normalize_aci(spelling) == str(u)
        assert BIDX.aci(spelling) == expected
        assert BIDX.aci_candidates(spelling) == (expected,)


@given(st.uuids(), st.uuids())
def test_aci_index_differs_for_different_acis(a: uuid.UUID, b: uuid.UUID) -> None:
    if a != b:
        assert BIDX.aci(str(a)) != BIDX.aci(str(b))


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "not-a-uuid",
        "3b241101-e2bb-4255-8caf-4136c566a96",
        "3b241101-e2bb-4255-8caf-4136c566a9622",
        " 3b241101-e2bb-4255-8caf-4136c566a962",
        "3b241101-e2bb-4255-8caf-4136c566a962\n",
        "+0000000000000000000000000000001",
        "0000000000000000000000000000_001",
        "URN:UUID:3b241101-e2bb-4255-8caf-4136c566a962",
        "PNI:3b241101-e2bb-4255-8caf-4136c566a962",
        "3b241101-e2bb-4255-8caf-4136c566a96g",
        "３b241101-e2bb-4255-8caf-4136c566a962",
    ],
)
def test_non_uuid_aci_is_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        normalize_aci(bad)
    with pytest.raises(ValueError):
        BIDX.aci(bad)


@given(
    st.from_regex(r"[a-z][a-z0-9_.]{0,20}", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9_.]{0,20}", fullmatch=True),
    st.text(max_size=40),
)
def test_index_is_domain_separated_by_name(a: str, b: str, value: str) -> None:
    if a != b:
        assert BIDX.index(a, value) != BIDX.index(b, value)


def test_index_differs_across_keys_and_from_plain_hmac() -> None:
    other = BlindIndexer(Keyring({1: os.urandom(32)}))
    value = str(ROW)
    assert BIDX.index("member.aci", value) != other.index("member.aci", value)
    assert BIDX.aci(value) != other.aci(value)
    key = RING.subkey(1, b"holdspace/v1/bidx/member.aci")
    assert BIDX.index("member.aci", value) == hmac.digest(key, value.encode(), "sha256")[:16]
    enc_key = RING.subkey(1, b"holdspace/v1/enc/member.aci")
    assert enc_key != key


@pytest.mark.parametrize("name", ["", "a/b", "member aci", "x" * 65])
def test_index_name_is_validated(name: str) -> None:
    with pytest.raises(ValueError):
        BIDX.index(name, "v")


def test_candidates_cover_every_generation_primary_first() -> None:
    ring1 = Keyring({1: os.urandom(32)})
    ring3, _ = ring1.with_new_generation()[0].with_new_generation()
    old, new = BlindIndexer(ring1), BlindIndexer(ring3)
    value = str(ROW)
    candidates = new.candidates("member.aci", value)
    assert len(candidates) == 3
    assert len(set(candidates)) == 3
    assert candidates[0] == new.index("member.aci", value)
    assert candidates[-1] == old.index("member.aci", value)
    assert new.aci_candidates(value.upper()) == candidates
    assert old.aci(value) in new.aci_candidates(value)


# --- known-answer vectors (pin the on-disk format) ---------------------------------

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parent / "vectors" / "format_v1.json").read_text()
)


def reference_hkdf_sha256(ikm: bytes, info: bytes, length: int, salt: bytes = b"") -> bytes:
    """RFC 5869 written out with hmac, independent of the `cryptography` HKDF."""
    prk = hmac.digest(salt or bytes(32), ikm, "sha256")
    okm, block = b"", b""
    for counter in range(1, -(-length // 32) + 1):
        block = hmac.digest(prk, block + info + bytes((counter,)), "sha256")
        okm += block
    return okm[:length]


def test_reference_hkdf_matches_rfc5869() -> None:
    ikm = bytes.fromhex("0b" * 22)
    case1 = reference_hkdf_sha256(ikm, bytes.fromhex("f0f1f2f3f4f5f6f7f8f9"), 42, bytes(range(13)))
    assert case1.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )
    case3 = reference_hkdf_sha256(ikm, b"", 42)  # empty salt == salt=None
    assert case3.hex() == (
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
    )


def vector_ring() -> Keyring:
    return Keyring({VECTORS["key_id"]: bytes.fromhex(VECTORS["master_key_hex"])})


@pytest.mark.parametrize("case", VECTORS["subkeys"], ids=lambda c: c["label"])
def test_known_answer_subkeys(case: dict[str, str]) -> None:
    master = bytes.fromhex(VECTORS["master_key_hex"])
    label = case["label"].encode()
    expected = case["subkey_hex"]
    assert reference_hkdf_sha256(master, label, 32).hex() == expected
    assert vector_ring().subkey(VECTORS["key_id"], label).hex() == expected


def test_known_answer_derive_label() -> None:
    (dedupe,) = [c for c in VECTORS["subkeys"] if c["label"] == "holdspace/v1/dedupe"]
    assert vector_ring().derive("dedupe").hex() == dedupe["subkey_hex"]


def test_known_answer_blob() -> None:
    f = VECTORS["field"]
    row = uuid.UUID(f["row_id"])
    cipher = FieldCipher(vector_ring())
    blob = cipher._encrypt_with_nonce(
        f["table"], f["column"], row, f["plaintext"], bytes.fromhex(f["nonce_hex"])
    )
    assert blob.hex() == f["blob_hex"]
    assert cipher.decrypt_text(f["table"], f["column"], row, blob) == f["plaintext"]
    # The AAD pinned in the vector file opens the blob with a bare AESGCM.
    (enc,) = [c for c in VECTORS["subkeys"] if c["label"].startswith("holdspace/v1/enc/")]
    assert enc["label"] == f"holdspace/v1/enc/{f['table']}.{f['column']}"
    raw = AESGCM(bytes.fromhex(enc["subkey_hex"])).decrypt(
        blob[2:14], blob[14:], bytes.fromhex(f["aad_hex"])
    )
    assert raw == f["plaintext"].encode()


def test_known_answer_blind_index() -> None:
    b = VECTORS["blind_index"]
    bidx = BlindIndexer(vector_ring())
    assert bidx.index(b["name"], b["value"]).hex() == b["index_hex"]
    assert bidx.aci("{" + b["value"].upper() + "}").hex() == b["index_hex"]
    subkey = bytes.fromhex(VECTORS["subkeys"][1]["subkey_hex"])
    expected = hmac.new(subkey, b["value"].encode(), hashlib.sha256).digest()[:16]
    assert expected.hex() == b["index_hex"]
