"""The anonymous line: who hears each message, who may act on a ticket, and when it ends."""

from __future__ import annotations

from dataclasses import replace

import pytest

from facilitation.recipients import Roster, present, reachable
from facilitation.tell import (
    DAY_MS,
    MAX_NUMBER_GAP,
    MAX_TELL_CHARS,
    Delivery,
    EndReason,
    Notice,
    TellError,
    TellRefused,
    Ticket,
    close,
    is_party,
    next_number,
    open_ticket,
    reply,
    sweep,
)

NOW = 1_800_000_000_000
DAYS = 7
ROSTER = Roster(
    members=frozenset({"ana", "bo", "cy", "fa", "fi", "fo"}),
    facilitators=frozenset({"fa", "fi", "fo"}),
)


def opened(opener: str = "ana", roster: Roster = ROSTER, number: int = 12) -> Ticket:
    outcome = open_ticket(number, opener, "something happened", roster, NOW)
    assert outcome.ticket is not None
    return outcome.ticket


def recipients(deliveries: tuple[Delivery, ...], notice: Notice) -> set[str]:
    return {d.recipient for d in deliveries if d.notice is notice}


def test_a_members_tell_reaches_every_facilitator_with_the_words_and_no_name() -> None:
    outcome = open_ticket(12, "ana", "someone keeps messaging me", ROSTER, NOW)
    assert outcome.confirmation is Notice.TOLD
    assert outcome.ticket == Ticket(12, "ana", frozenset({"fa", "fi", "fo"}), NOW, NOW)
    assert recipients(outcome.deliveries, Notice.MEMBER_SAYS) == {"fa", "fi", "fo"}
    assert all(d.text == "someone keeps messaging me" for d in outcome.deliveries)
    assert all(d.number == 12 for d in outcome.deliveries)


def test_away_facilitators_are_spared_unless_all_are_away() -> None:
    some_away = replace(ROSTER, away=frozenset({"fa", "bo"}))
    outcome = open_ticket(1, "ana", "hello", some_away, NOW)
    assert recipients(outcome.deliveries, Notice.MEMBER_SAYS) == {"fi", "fo"}
    all_away = replace(ROSTER, away=frozenset({"fa", "fi", "fo"}))
    outcome = open_ticket(1, "ana", "hello", all_away, NOW)
    assert recipients(outcome.deliveries, Notice.MEMBER_SAYS) == {"fa", "fi", "fo"}


def test_a_facilitators_tell_reaches_the_other_facilitators_only() -> None:
    outcome = open_ticket(3, "fa", "I'm struggling with a member", ROSTER, NOW)
    assert outcome.ticket is not None and outcome.ticket.responders == {"fi", "fo"}
    assert recipients(outcome.deliveries, Notice.MEMBER_SAYS) == {"fi", "fo"}
    # The other facilitators answer; the opener hears "a facilitator answers".
    answered = reply(outcome.ticket, "fi", "we hear you", ROSTER, NOW + 1, DAYS)
    assert recipients(answered.deliveries, Notice.FACILITATOR_ANSWERS) == {"fa"}
    assert recipients(answered.deliveries, Notice.COLLEAGUE_ANSWERED) == {"fo"}


def test_nobody_to_tell() -> None:
    alone = Roster(members=frozenset({"ana", "fa"}), facilitators=frozenset({"fa"}))
    with pytest.raises(TellError) as only:
        open_ticket(1, "fa", "hello", alone, NOW)
    assert only.value.code is TellRefused.NOBODY_ELSE
    none = Roster(members=frozenset({"ana"}), facilitators=frozenset())
    with pytest.raises(TellError) as nobody:
        open_ticket(1, "ana", "hello", none, NOW)
    assert nobody.value.code is TellRefused.NO_FACILITATORS
    with pytest.raises(TellError) as stranger:
        open_ticket(1, "zed", "hello", ROSTER, NOW)
    assert stranger.value.code is TellRefused.NOT_MEMBER


def test_replies_go_to_the_other_side_and_keep_it_alive() -> None:
    ticket = opened()
    answer = reply(ticket, "fi", "thank you for telling us", ROSTER, NOW + DAY_MS, DAYS)
    assert answer.confirmation is Notice.ANSWER_SENT
    assert recipients(answer.deliveries, Notice.FACILITATOR_ANSWERS) == {"ana"}
    assert recipients(answer.deliveries, Notice.COLLEAGUE_ANSWERED) == {"fa", "fo"}
    assert answer.ticket is not None and answer.ticket.last_activity_at == NOW + DAY_MS
    more = reply(answer.ticket, "ana", "it happened again", ROSTER, NOW + 2 * DAY_MS, DAYS)
    assert more.confirmation is Notice.PASSED_ON
    assert recipients(more.deliveries, Notice.MEMBER_SAYS) == {"fa", "fi", "fo"}
    assert all(d.text == "it happened again" for d in more.deliveries)


def test_the_openers_words_reach_away_facilitators_when_all_are_away() -> None:
    all_away = replace(ROSTER, away=frozenset({"fa", "fi", "fo"}))
    more = reply(opened(), "ana", "please, anyone", all_away, NOW + 1, DAYS)
    assert recipients(more.deliveries, Notice.MEMBER_SAYS) == {"fa", "fi", "fo"}


def test_colleague_copies_skip_away_facilitators_without_falling_back() -> None:
    ticket = opened()
    away = replace(ROSTER, away=frozenset({"fa", "fo"}))
    answer = reply(ticket, "fi", "we're here", away, NOW + 1, DAYS)
    assert recipients(answer.deliveries, Notice.COLLEAGUE_ANSWERED) == set()
    assert recipients(answer.deliveries, Notice.FACILITATOR_ANSWERS) == {"ana"}


def test_outsiders_get_the_same_answer_as_for_a_ticket_that_does_not_exist() -> None:
    ticket = opened()
    newcomer_facilitator = Roster(
        members=ROSTER.members | {"fu"}, facilitators=ROSTER.facilitators | {"fu"}
    )
    for outsider, roster in (("bo", ROSTER), ("zed", ROSTER), ("fu", newcomer_facilitator)):
        with pytest.raises(TellError) as refused:
            reply(ticket, outsider, "hi", roster, NOW + 1, DAYS)
        assert refused.value.code is TellRefused.UNKNOWN
        with pytest.raises(TellError) as refused_close:
            close(ticket, outsider, roster, NOW + 1, DAYS)
        assert refused_close.value.code is TellRefused.UNKNOWN
        assert not is_party(ticket, outsider, roster)


def test_a_facilitator_who_steps_down_leaves_the_conversation() -> None:
    ticket = opened()
    stepped_down = replace(ROSTER, facilitators=frozenset({"fi", "fo"}))
    with pytest.raises(TellError):
        reply(ticket, "fa", "still here", stepped_down, NOW + 1, DAYS)
    more = reply(ticket, "ana", "and another thing", stepped_down, NOW + 1, DAYS)
    assert recipients(more.deliveries, Notice.MEMBER_SAYS) == {"fi", "fo"}


def test_when_every_facilitator_of_a_ticket_has_stepped_down_it_ends() -> None:
    ticket = opened()
    new_team = Roster(members=ROSTER.members | {"fu"}, facilitators=frozenset({"fu"}))
    outcome = reply(ticket, "ana", "are you there?", new_team, NOW + 1, DAYS)
    assert outcome.ticket is None and outcome.ended is EndReason.ORPHANED
    assert outcome.confirmation is Notice.NOT_SENT_ORPHANED
    assert outcome.deliveries == ()  # the words went nowhere, not even to the new facilitator
    swept = sweep(ticket, new_team, NOW + 1, DAYS)
    assert swept is not None and swept.ended is EndReason.ORPHANED
    assert recipients(swept.deliveries, Notice.ORPHANED) == {"ana"}


def test_a_reply_to_an_opener_who_left_is_accepted_and_goes_nowhere() -> None:
    ticket = opened()
    left = replace(ROSTER, members=ROSTER.members - {"ana"})
    outcome = reply(ticket, "fi", "we're sorry to hear it", left, NOW + 1, DAYS)
    # Ending it, or saying "they left", would point at whoever left recently.
    assert outcome.confirmation is Notice.ANSWER_SENT and outcome.ticket is not None
    assert recipients(outcome.deliveries, Notice.FACILITATOR_ANSWERS) == set()


def test_either_side_closes_and_the_other_side_is_told() -> None:
    ticket = opened()
    by_member = close(ticket, "ana", ROSTER, NOW + 1, DAYS)
    assert by_member.ticket is None and by_member.ended is EndReason.CLOSED_BY_OPENER
    assert by_member.confirmation is Notice.YOU_CLOSED
    assert recipients(by_member.deliveries, Notice.MEMBER_CLOSED) == {"fa", "fi", "fo"}
    by_facilitator = close(ticket, "fo", ROSTER, NOW + 1, DAYS)
    assert by_facilitator.ended is EndReason.CLOSED_BY_RESPONDER
    assert recipients(by_facilitator.deliveries, Notice.FACILITATOR_CLOSED) == {"ana"}
    assert recipients(by_facilitator.deliveries, Notice.COLLEAGUE_CLOSED) == {"fa", "fi"}
    assert all(d.text is None for d in by_member.deliveries + by_facilitator.deliveries)


def test_silence_ends_a_ticket_after_the_circles_expiry() -> None:
    ticket = opened()
    assert ticket.expires_at(DAYS) == NOW + DAYS * DAY_MS
    assert sweep(ticket, ROSTER, NOW + DAYS * DAY_MS - 1, DAYS) is None
    ended = sweep(ticket, ROSTER, NOW + DAYS * DAY_MS, DAYS)
    assert ended is not None and ended.ticket is None and ended.ended is EndReason.EXPIRED
    assert ended.confirmation is None
    assert recipients(ended.deliveries, Notice.EXPIRED) == {"ana"}
    assert recipients(ended.deliveries, Notice.EXPIRED_FOR_FACILITATORS) == {"fa", "fi", "fo"}
    # A shorter setting applies to open tickets at once.
    assert sweep(ticket, ROSTER, NOW + 2 * DAY_MS, 2) is not None


def test_a_reply_after_expiry_is_not_passed_on_and_says_so() -> None:
    ticket = opened()
    late = NOW + DAYS * DAY_MS
    mine = reply(ticket, "ana", "one more thing", ROSTER, late, DAYS)
    assert mine.ticket is None and mine.confirmation is Notice.NOT_SENT_EXPIRED
    assert all(d.text is None and d.recipient != "ana" for d in mine.deliveries)
    theirs = reply(ticket, "fa", "sorry for the wait", ROSTER, late, DAYS)
    assert theirs.confirmation is Notice.ANSWER_NOT_SENT_EXPIRED
    assert recipients(theirs.deliveries, Notice.EXPIRED) == {"ana"}
    assert "fa" not in {d.recipient for d in theirs.deliveries}
    closing = close(ticket, "ana", ROSTER, late, DAYS)
    assert closing.ticket is None and closing.confirmation is Notice.YOU_CLOSED


def test_words_must_come_through_the_parser() -> None:
    with pytest.raises(ValueError):
        open_ticket(1, "ana", "   ", ROSTER, NOW)
    with pytest.raises(ValueError):
        reply(opened(), "ana", "x" * (MAX_TELL_CHARS + 1), ROSTER, NOW, DAYS)


def test_a_stored_ticket_must_make_sense() -> None:
    with pytest.raises(ValueError):
        Ticket(0, "ana", frozenset({"fa"}), NOW, NOW)
    with pytest.raises(ValueError):
        Ticket(1, "ana", frozenset(), NOW, NOW)
    with pytest.raises(ValueError):
        Ticket(1, "fa", frozenset({"fa"}), NOW, NOW)


def test_numbers_move_forward_by_a_gap_and_never_repeat() -> None:
    assert next_number(0, 1) == 1
    assert next_number(41, MAX_NUMBER_GAP) == 41 + MAX_NUMBER_GAP
    for gap in (0, MAX_NUMBER_GAP + 1):
        with pytest.raises(ValueError):
            next_number(5, gap)


def test_roster_rules() -> None:
    roster = replace(ROSTER, away=frozenset({"fa"}))
    assert reachable({"fa", "fi", "bo"}, roster, sender="fi") == {"fa"}  # the only one left
    assert reachable({"fa", "fi"}, roster, sender=None) == {"fi"}
    assert present({"fa", "fi"}, roster, sender="fi") == set()
    with pytest.raises(ValueError):
        Roster(members=frozenset({"ana"}), facilitators=frozenset({"fa"}))
