"""Pending /forgetme codes: in memory, in Deps, bounded, a few tries each."""

from __future__ import annotations

from commands.confirmations import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CONFIRM_MS,
    MAX_TRIES,
    Check,
    Confirmations,
    new_code,
    normalize_code,
)
from tests.commands.chat import Chat


def test_a_code_confirms_once_within_its_time() -> None:
    pending = Confirmations()
    pending.issue(b"k", b"code", 0)
    assert pending.check(b"k", b"code", CONFIRM_MS - 1) is Check.CONFIRMED
    assert pending.check(b"k", b"code", CONFIRM_MS - 1) is Check.NONE
    pending.issue(b"k", b"code", 0)
    assert pending.check(b"k", b"code", CONFIRM_MS) is Check.EXPIRED
    assert len(pending) == 0


def test_wrong_codes_run_out() -> None:
    pending = Confirmations()
    pending.issue(b"k", b"code", 0)
    outcomes = [pending.check(b"k", b"guess", 1) for _ in range(MAX_TRIES)]
    assert outcomes == [Check.WRONG] * (MAX_TRIES - 1) + [Check.TOO_MANY]
    assert pending.check(b"k", b"code", 1) is Check.NONE


def test_bounded_oldest_first() -> None:
    pending = Confirmations(max_pending=2)
    for key in (b"a", b"b", b"c"):
        pending.issue(key, b"x", 0)
    assert len(pending) == 2
    assert pending.check(b"a", b"x", 1) is Check.NONE
    assert pending.check(b"c", b"x", 1) is Check.CONFIRMED


def test_codes_are_easy_to_copy() -> None:
    code = new_code()
    assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    assert normalize_code(" ac-d e ") == "ACDE"


async def test_each_dispatcher_keeps_its_own_in_deps(chat: Chat) -> None:
    other = Chat(chat.storage)  # a second bot process on the same database
    assert chat.dispatcher.deps.confirmations is not other.dispatcher.deps.confirmations
    chat.dispatcher.deps.confirmations.issue(b"k", b"x", 0)
    assert len(other.dispatcher.deps.confirmations) == 0
