"""The key file: loading (or HOLDSPACE_KEY), atomic replacement, and watching for changes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from storage.keyfile import KeyFileWatch, load_keyring, load_keys, write_key_file
from storage.keyring import Keyring, KeyringError, generate_key_text, parse_key_text
from tests.storage.keys import B1, B2, K1, K2, SHORT, assert_no_key_material, posix_only

# --- load_keyring -------------------------------------------------------------------


def write_key(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text)
    path.chmod(mode)
    return path


def test_env_beats_file(tmp_path: Path) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"1:{B1}\n")
    ring = load_keyring(key_file=key_file, env_value=f"1:{B2}")
    assert ring.subkey(1, b"l") == Keyring({1: K2}).subkey(1, b"l")


def test_env_with_several_generations() -> None:
    assert load_keyring(key_file=None, env_value=f"1:{B1},2:{B2}").ids == (1, 2)


def test_blank_env_falls_back_to_file(tmp_path: Path) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"1:{B1}\n")
    ring = load_keyring(key_file=key_file, env_value="  ")
    assert ring.subkey(1, b"l") == Keyring({1: K1}).subkey(1, b"l")


def test_env_errors_say_where(tmp_path: Path) -> None:
    with pytest.raises(KeyringError, match=r"^HOLDSPACE_KEY: line 1: key is not 32 bytes") as info:
        load_keyring(key_file=None, env_value=f"1:{SHORT}")
    assert SHORT not in str(info.value)


@pytest.mark.parametrize("key_file", [None, Path("/nonexistent/holdspace.key")])
def test_missing_key_mentions_keygen(key_file: Path | None) -> None:
    with pytest.raises(KeyringError, match=r"^no encryption key: .*run `holdspace keygen`"):
        load_keyring(key_file=key_file, env_value=None)


@posix_only
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o602])
def test_key_file_readable_by_others_is_refused(tmp_path: Path, mode: int) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"1:{B1}\n", mode)
    with pytest.raises(KeyringError, match="chmod 600") as info:
        load_keyring(key_file=key_file, env_value=None)
    assert f"{mode:04o}" in str(info.value)
    assert_no_key_material(str(info.value), B1, K1)


@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o400])
def test_private_key_file_loads(tmp_path: Path, mode: int) -> None:
    key_file = write_key(tmp_path / "holdspace.key", generate_key_text(), mode)
    assert load_keyring(key_file=key_file, env_value=None).ids == (1,)


def test_key_file_parse_error_names_file_and_line(tmp_path: Path) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"# c\n1:{SHORT}\n")
    with pytest.raises(KeyringError) as info:
        load_keyring(key_file=key_file, env_value=None)
    assert str(info.value) == f"{key_file}: line 2: key is not 32 bytes (got 31)"


def test_key_file_not_utf8(tmp_path: Path) -> None:
    key_file = tmp_path / "holdspace.key"
    key_file.write_bytes(b"1:\xff\xfe" + K1)
    key_file.chmod(0o600)
    with pytest.raises(KeyringError, match="not UTF-8") as info:
        load_keyring(key_file=key_file, env_value=None)
    assert info.value.__context__ is None


def test_key_file_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(KeyringError, match="cannot read key file"):
        load_keyring(key_file=tmp_path, env_value=None)


# --- load_keys: the key and where it came from ----------------------------------------------


def test_load_keys_remembers_the_file_and_its_bytes(tmp_path: Path) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"1:{B1}\n")
    keys = load_keys(key_file=key_file, env_value=None)
    assert keys.path == key_file and keys.raw == key_file.read_bytes()
    assert keys.source == str(key_file) and keys.keyring.ids == (1,)


def test_load_keys_from_the_environment_has_no_file(tmp_path: Path) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"1:{B1}\n")
    keys = load_keys(key_file=key_file, env_value=f"1:{B2}")
    assert keys.path is None and keys.raw is None and keys.source == "HOLDSPACE_KEY"
    assert keys.keyring.subkey(1, b"l") == Keyring({1: K2}).subkey(1, b"l")
    blank = load_keys(key_file=key_file, env_value="  ")  # as load_keyring: the file wins
    assert blank.path == key_file and blank.keyring.subkey(1, b"l") == Keyring({1: K1}).subkey(
        1, b"l"
    )


# --- write_key_file: atomic, private, never over another writer -----------------------------


@posix_only
def test_write_key_file_replaces_it_privately_and_leaves_nothing_beside_it(
    tmp_path: Path,
) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"1:{B1}\n")
    both = Keyring({1: K1, 2: K2})
    write_key_file(key_file, both.to_key_text(), expected=key_file.read_bytes())
    assert parse_key_text(key_file.read_text()).ids == (1, 2)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["holdspace.key"]


def test_write_key_file_refuses_when_someone_else_wrote_it(tmp_path: Path) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"1:{B1}\n")
    seen = key_file.read_bytes()
    key_file.write_text(f"2:{B2}\n")  # another rotate-key, meanwhile
    with pytest.raises(KeyringError, match="changed while rotate-key ran") as info:
        write_key_file(key_file, f"1:{B1}\n", expected=seen)
    assert_no_key_material(str(info.value), B1, B2, K1, K2)
    assert key_file.read_text() == f"2:{B2}\n"


@posix_only
def test_write_key_file_through_a_link_replaces_the_file_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = write_key(tmp_path / "real.key", f"1:{B1}\n")
    link = tmp_path / "holdspace.key"
    link.symlink_to(real)
    write_key_file(link, f"2:{B2}\n")
    assert link.is_symlink() and real.read_text() == f"2:{B2}\n"


# --- KeyFileWatch: what a running bot re-reads ------------------------------------------------


def test_the_watch_reads_a_changed_file_once_and_keeps_trying_an_unreadable_one(
    tmp_path: Path,
) -> None:
    key_file = write_key(tmp_path / "holdspace.key", f"1:{B1}\n")
    watch = KeyFileWatch(key_file)
    assert watch.changed() is None  # unchanged since it was made
    key_file.write_text(f"1:{B1}\n2:{B2}\n")
    os.utime(key_file, (1, 1))
    changed = watch.changed()
    assert changed is not None and changed.ids == (1, 2)
    assert watch.changed() is None  # read once
    key_file.write_text("1:not a key")
    os.utime(key_file, (2, 2))
    with pytest.raises(KeyringError):
        watch.changed()
    with pytest.raises(KeyringError):  # still unreadable: tried again, not forgotten
        watch.changed()
    key_file.write_text(f"2:{B2}\n")
    os.utime(key_file, (3, 3))
    fixed = watch.changed()
    assert fixed is not None and fixed.ids == (2,)


def test_a_key_from_the_environment_is_never_watched(tmp_path: Path) -> None:
    watch = KeyFileWatch(None)
    assert watch.changed() is None
    assert KeyFileWatch(tmp_path / "missing.key").changed() is None
