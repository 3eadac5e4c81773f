"""Declaring a message: a bad declaration fails at once, never at send time."""

from __future__ import annotations

import pytest

from facilitation.i18n import Kind, Msg, Plural, Registry, Said, Slot, Someone
from facilitation.i18n.messages import KEYWORDS, DeclarationError


def test_a_message_carries_its_name_english_kind_and_placeholders() -> None:
    registry = Registry()
    alert = Msg(
        "sos.alert",
        "{who} asked for help.",
        kind=Kind.DIRECT,
        who=Slot.PERSON,
        registry=registry,
    )
    count = Plural("t.count", "{n} session", "{n} sessions", registry=registry)
    assert alert.name == "sos.alert" and alert.english == "{who} asked for help."
    assert alert.kind is Kind.DIRECT and alert.placeholders == {"who"} and alert.count is None
    assert count.count == "n" and count.sources == ("{n} session", "{n} sessions")
    assert [m.name for m in registry] == ["sos.alert", "t.count"] and len(registry) == 2
    assert registry.get("t.count") is count


@pytest.mark.parametrize(
    ("name", "source", "slots"),
    [
        ("pause", "Pause.", {}),  # not dotted
        ("Session.Pause", "Pause.", {}),
        ("t.x", "Hi {who}.", {}),  # a placeholder without a slot
        ("t.x", "Hi.", {"who": Slot.PERSON}),  # a slot without a placeholder
        ("t.x", "Hi {who.name}.", {"who": Slot.PERSON}),  # attribute access
        ("t.x", "Hi {0}.", {}),  # positional
        ("t.x", "Hi {who!r}.", {"who": Slot.PERSON}),
        ("t.x", "Hi {n:>9}.", {"n": Slot.COUNT}),
        ("t.x", "Hi {who.", {}),
        ("t.x", "   ", {}),
    ],
)
def test_a_bad_declaration_is_refused(name: str, source: str, slots: dict[str, Slot]) -> None:
    with pytest.raises(DeclarationError):
        Msg(name, source, registry=Registry(), **slots)


def test_two_messages_cannot_share_a_name() -> None:
    registry = Registry()
    Msg("t.same", "One.", registry=registry)
    with pytest.raises(DeclarationError):
        Msg("t.same", "Two.", registry=registry)


def test_a_group_post_never_repeats_what_a_member_typed_unless_it_says_so() -> None:
    with pytest.raises(DeclarationError):
        Msg(
            "t.post",
            "Someone said: {words}",
            kind=Kind.GROUP,
            words=Slot.WORDS,
            registry=Registry(),
        )
    intro = Msg(
        "t.intro",
        "A newcomer asks to join: {words}",
        kind=Kind.GROUP,
        shares_words=True,
        words=Slot.WORDS,
        registry=Registry(),
    )
    assert intro.shares_words
    Msg("t.reply", "You said: {words}", words=Slot.WORDS, registry=Registry())  # to them: fine


def test_same_in_names_translated_languages_only() -> None:
    Msg("t.ok", "OK", same_in=("de", "fr"), registry=Registry())
    with pytest.raises(DeclarationError):
        Msg("t.ok", "OK", same_in=("en",), registry=Registry())


def test_a_plural_count_need_not_be_shown() -> None:
    at = Plural("t.at", "at {time}", "at {time}", count="hour", time=Slot.TIME, registry=Registry())
    assert at.placeholders == {"time"} and at.count == "hour"


def test_a_said_message_shows_no_parameter_in_its_repr() -> None:
    registry = Registry()
    alert = Msg("t.alert", "{who}: {words}", who=Slot.PERSON, words=Slot.WORDS, registry=registry)
    said = alert.with_(who=Someone("8c1f-uuid", "Sky"), words="my ex found my account")
    assert repr(said) == "Said(t.alert)" and repr(alert) == "Msg(t.alert)"
    assert said == alert.with_(who=Someone("8c1f-uuid", "Sky"), words="my ex found my account")
    assert said != alert.with_(who=Someone("other", "Sky"), words="my ex found my account")
    assert isinstance(said, Said) and dict(said.params)["words"] == "my ex found my account"


def test_the_extraction_keywords_name_the_context_argument() -> None:
    assert KEYWORDS == {"Msg": ((1, "c"), 2), "Plural": ((1, "c"), 2, 3)}
