from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from commands.compose import MessageText, utf16_len
from commands.parsing import is_plain_name, parse_command
from commands.types import (
    Incoming,
    Mention,
    OutgoingMessage,
    OutgoingReaction,
    QuoteRef,
    Recipient,
    decode_outgoing,
    encode_outgoing,
)


def test_commands_split_into_name_and_arguments() -> None:
    assert parse_command("/Circle set vouches 3") == ("circle", "set vouches 3")
    assert parse_command("  /help") == ("help", "")
    assert parse_command("hello /help") is None
    assert parse_command("/ＨＥＬＰ") == ("help", "")


@given(st.text(max_size=200))
def test_parse_command_never_raises(text: str) -> None:
    parsed = parse_command(text)
    if parsed is not None:
        _name, args = parsed
        assert args == args.strip()


@given(st.text(max_size=30))
def test_only_plain_names_are_echoed(name: str) -> None:
    if is_plain_name(name):
        assert name.isascii() and name[:1].isalpha()


def test_mentions_use_utf16_offsets() -> None:
    text = MessageText().add("🌱 Next: ").mention("a").add(" then ").mention("b")
    first, second = text.mentions
    assert first.start == utf16_len("🌱 Next: ") == 9
    assert second.start == 9 + 1 + len(" then ")
    assert text.text.count("\ufffc") == 2


def test_outbox_payload_round_trips() -> None:
    items = [
        OutgoingMessage(
            Recipient.group("g="), "hi \ufffc", (Mention("a", 3),), QuoteRef(5, "b", "/help")
        ),
        OutgoingMessage(Recipient.person("c"), "dm"),
        OutgoingReaction(Recipient.group("g="), "🤝", "d", 7),
    ]
    for item in items:
        assert decode_outgoing(encode_outgoing(item)) == item


def test_reprs_hide_identifiers_and_text() -> None:
    incoming = Incoming(
        "secret-group", "secret-aci", 1, "/checkin 1 secret words", sender_number="+15550001"
    )
    shown = repr(incoming) + repr(Recipient.person("secret-aci")) + repr(Mention("secret-aci", 0))
    assert "secret" not in shown and "+1555" not in shown
