"""A stray log line of any value of the line or of a proposal shows no member and no words."""

from __future__ import annotations

from facilitation.consent import NewAgreement
from facilitation.proposal_args import parse_consent, parse_propose
from facilitation.proposals import (
    Kind,
    Participant,
    Stance,
    Vote,
    close,
    open_proposal,
    running,
)
from facilitation.recipients import Roster
from facilitation.tell import open_ticket, reply
from facilitation.tell_args import parse_reply, parse_tell

NOW = 1_800_000_000_000
SECRET_WORDS = "my ex found my work account"
ROSTER = Roster(members=frozenset({"pid-ana", "pid-fay"}), facilitators=frozenset({"pid-fay"}))


def test_reprs_hold_no_member_ids_and_no_words() -> None:
    opened = open_ticket(4, "pid-ana", SECRET_WORDS, ROSTER, NOW)
    assert opened.ticket is not None
    answered = reply(opened.ticket, "pid-fay", SECRET_WORDS, ROSTER, NOW + 1, 7)
    proposal = open_proposal(2, Kind.DECISION, SECRET_WORDS, "pid-ana", NOW)
    ballot = (Vote("pid-ana", Stance.BLOCK, SECRET_WORDS),)
    values: list[object] = [
        ROSTER,
        opened,
        answered,
        proposal,
        ballot,
        running(proposal, ballot, ROSTER.members),
        close(proposal, ballot, ROSTER, ROSTER.members, proposal.deadline),
        Participant("pid-ana", NOW, True, False, True),
        parse_tell(SECRET_WORDS),
        parse_reply(f"4 {SECRET_WORDS}"),
        parse_propose(SECRET_WORDS),
        parse_consent(f"2 block {SECRET_WORDS}"),
        NewAgreement(3, SECRET_WORDS),
    ]
    for value in values:
        shown = repr(value)
        assert "pid-" not in shown, shown
        assert "work account" not in shown, shown
