"""The anonymous line: a ticket's life from ``/tell`` to its close, as pure transitions.

A member (the *opener*) raises something with ``/tell``; it reaches the circle's facilitators
(the *responders*) as "A member says (#N): …", without a name. Either side continues with
``/reply N``, either side ends it with ``/tell close N``, and after ``tell_expiry_days`` of
silence it ends by itself. A facilitator may open one too: it then reaches the *other*
facilitators, and the opener is on the member side of that conversation.

What is stored is the ``Ticket``: its number, the opener, the responders, and two instants.
Never a text: the words travel in ``Delivery`` values that the command layer sends and drops.
When a ticket ends (``Outcome.ticket is None``) the command layer deletes it, so after the
close nothing links the number to anyone.

Choices, and why:

* **The responders are fixed when the ticket opens** (the facilitators then, minus the
  opener). The opener chose to tell *those* people. A facilitator added later is not let into
  the middle of it; one who steps down stops receiving it at once (only current facilitators
  among the responders count). If none of them is a facilitator any more, the ticket ends
  (``EndReason.ORPHANED``) and the opener is told to ``/tell`` again, which reaches whoever
  facilitates now.
* **Outsiders learn nothing.** Someone who is not a party to ticket N (a member guessing
  numbers, a facilitator who is not among its responders) gets ``UNKNOWN``, the same answer
  as for a number that never existed or has closed.
* **An opener who left the circle** is not written to, but a facilitator's reply is accepted
  and confirmed as usual: ending the ticket, or answering "they left", would tell the
  facilitators which of the recent leavers it was. It expires in silence. (``/forgetme``
  deletes the opener's tickets outright, as it deletes everything else about them.)
* **Activity is any message** from either side; expiry is measured from the last one with
  the circle's *current* setting, so shortening ``tell-expiry`` takes effect at once.
* **Numbers are never reused** (``next_number``): a late ``/reply 12`` must never reach a
  different person who happens to hold a new #12. A random gap hides how many conversations
  the circle has had from a member who sees only their own number.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from facilitation.recipients import Roster, present, reachable

DAY_MS = 86_400_000
MAX_TELL_CHARS = 1500
"""Room for the relay's own words around it in one Signal message (commands are capped at
2000 characters before they are parsed)."""
MAX_NUMBER_GAP = 9


class TellRefused(StrEnum):
    """Why nothing happened; each is worded kindly by ``tell_texts.refusal``."""

    NOT_MEMBER = "not-member"
    NO_FACILITATORS = "no-facilitators"  # a member's /tell, and the circle has no facilitator
    NOBODY_ELSE = "nobody-else"  # a facilitator's /tell, and they are the only one
    UNKNOWN = "unknown"  # no open ticket N that this person is a party to


class TellError(Exception):
    def __init__(self, code: TellRefused) -> None:
        super().__init__(code.value)
        self.code = code


class Notice(StrEnum):
    """Every private message of the line; ``tell_texts.render`` words each one."""

    # to the other side, carrying words
    MEMBER_SAYS = "member-says"  # the opener's words, to the responders
    FACILITATOR_ANSWERS = "facilitator-answers"  # a responder's words, to the opener
    COLLEAGUE_ANSWERED = "colleague-answered"  # a responder's words, to the other responders
    # to the other side, without words
    MEMBER_CLOSED = "member-closed"
    FACILITATOR_CLOSED = "facilitator-closed"  # to the opener
    COLLEAGUE_CLOSED = "colleague-closed"  # to the other responders
    EXPIRED = "expired"  # to the opener
    EXPIRED_FOR_FACILITATORS = "expired-for-facilitators"
    ORPHANED = "orphaned"  # to the opener: none of its facilitators is one any more
    # to the one who acted
    TOLD = "told"  # a new ticket went to the facilitators
    PASSED_ON = "passed-on"  # the opener's later message went on
    ANSWER_SENT = "answer-sent"  # a responder's reply went on
    YOU_CLOSED = "you-closed"
    NOT_SENT_EXPIRED = "not-sent-expired"  # the opener's words: it had gone quiet too long
    ANSWER_NOT_SENT_EXPIRED = "answer-not-sent-expired"  # a responder's words, likewise
    NOT_SENT_ORPHANED = "not-sent-orphaned"


class EndReason(StrEnum):
    CLOSED_BY_OPENER = "closed-by-opener"
    CLOSED_BY_RESPONDER = "closed-by-responder"
    EXPIRED = "expired"
    ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class Ticket:
    """All that is stored of a conversation (encrypted): no text, ever."""

    number: int
    opener: str = field(repr=False)
    responders: frozenset[str] = field(repr=False)
    opened_at: int
    last_activity_at: int

    def __post_init__(self) -> None:
        if self.number < 1 or not self.responders or self.opener in self.responders:
            raise ValueError("not a ticket: a number, an opener, and others to hear it")

    def expires_at(self, expiry_days: int) -> int:
        """When the silence ends it; the command layer arms its timer here."""
        return self.last_activity_at + expiry_days * DAY_MS


@dataclass(frozen=True, slots=True)
class Delivery:
    """A private message to one member; ``text`` is the relayed words, for that send only."""

    recipient: str = field(repr=False)
    notice: Notice
    number: int
    text: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Outcome:
    ticket: Ticket | None
    """The ticket to store; None once it has ended (delete it)."""
    deliveries: tuple[Delivery, ...]
    confirmation: Notice | None
    """What the member who acted is told (None for a timer's sweep)."""
    ended: EndReason | None = None


def next_number(last: int, gap: int) -> int:
    """The next ticket number after ``last``: ``gap`` is drawn by the caller (from the
    ``secrets`` module) between 1 and ``MAX_NUMBER_GAP``."""
    if not 1 <= gap <= MAX_NUMBER_GAP:
        raise ValueError("gap out of range")
    return max(last, 0) + gap


def open_ticket(number: int, opener: str, text: str, roster: Roster, now: int) -> Outcome:
    """``/tell <text>``: a new ticket, relayed to every facilitator but the opener."""
    _check_text(text)
    if opener not in roster.members:
        raise TellError(TellRefused.NOT_MEMBER)
    responders = roster.facilitators - {opener}
    if not responders:
        alone = opener in roster.facilitators
        raise TellError(TellRefused.NOBODY_ELSE if alone else TellRefused.NO_FACILITATORS)
    ticket = Ticket(number, opener, responders, opened_at=now, last_activity_at=now)
    deliveries = _to_all(reachable(responders, roster, sender=opener), Notice.MEMBER_SAYS, ticket)
    return Outcome(ticket, _with_text(deliveries, text), Notice.TOLD)


def reply(
    ticket: Ticket, sender: str, text: str, roster: Roster, now: int, expiry_days: int
) -> Outcome:
    """``/reply N <text>`` from either side; the ticket may turn out to have ended."""
    _check_text(text)
    from_opener = _party(ticket, sender, roster)
    ended = _ended(ticket, roster, now, expiry_days, actor=sender)
    if ended is not None:
        return ended
    kept = replace(ticket, last_activity_at=max(now, ticket.last_activity_at))
    if from_opener:
        targets = reachable(ticket.responders, roster, sender=sender)
        deliveries = _to_all(targets, Notice.MEMBER_SAYS, ticket)
        return Outcome(kept, _with_text(deliveries, text), Notice.PASSED_ON)
    answer = _to_opener(ticket, roster, Notice.FACILITATOR_ANSWERS)
    copies = _to_all(
        present(ticket.responders, roster, sender=sender), Notice.COLLEAGUE_ANSWERED, ticket
    )
    return Outcome(kept, _with_text(answer + copies, text), Notice.ANSWER_SENT)


def close(ticket: Ticket, by: str, roster: Roster, now: int, expiry_days: int) -> Outcome:
    """``/tell close N`` from either side."""
    by_opener = _party(ticket, by, roster)
    ended = _ended(ticket, roster, now, expiry_days, actor=by)
    if ended is not None:  # it had ended already; what they asked for is done
        return replace(ended, confirmation=Notice.YOU_CLOSED)
    if by_opener:
        targets = reachable(ticket.responders, roster, sender=by)
        deliveries = _to_all(targets, Notice.MEMBER_CLOSED, ticket)
        return Outcome(None, deliveries, Notice.YOU_CLOSED, EndReason.CLOSED_BY_OPENER)
    deliveries = _to_opener(ticket, roster, Notice.FACILITATOR_CLOSED) + _to_all(
        present(ticket.responders, roster, sender=by), Notice.COLLEAGUE_CLOSED, ticket
    )
    return Outcome(None, deliveries, Notice.YOU_CLOSED, EndReason.CLOSED_BY_RESPONDER)


def sweep(ticket: Ticket, roster: Roster, now: int, expiry_days: int) -> Outcome | None:
    """For the expiry timer (and a check at start-up): the ending, if it has ended."""
    return _ended(ticket, roster, now, expiry_days, actor=None)


def is_party(ticket: Ticket, member: str, roster: Roster) -> bool:
    """Whether ``member`` may see, answer or close this ticket now."""
    return member == ticket.opener or member in (ticket.responders & roster.facilitators)


def _party(ticket: Ticket, member: str, roster: Roster) -> bool:
    """True for the opener, False for a responder; UNKNOWN for anyone else."""
    if not is_party(ticket, member, roster):
        raise TellError(TellRefused.UNKNOWN)
    return member == ticket.opener


def _ended(
    ticket: Ticket, roster: Roster, now: int, expiry_days: int, *, actor: str | None
) -> Outcome | None:
    if now >= ticket.expires_at(expiry_days):
        opener = _to_opener(ticket, roster, Notice.EXPIRED)
        responders = _to_all(
            present(ticket.responders, roster, sender=None),
            Notice.EXPIRED_FOR_FACILITATORS,
            ticket,
        )
        deliveries = tuple(d for d in opener + responders if d.recipient != actor)
        confirmation = None
        if actor is not None:
            mine = actor == ticket.opener
            confirmation = Notice.NOT_SENT_EXPIRED if mine else Notice.ANSWER_NOT_SENT_EXPIRED
        return Outcome(None, deliveries, confirmation, EndReason.EXPIRED)
    if not ticket.responders & roster.facilitators:
        notice = _to_opener(ticket, roster, Notice.ORPHANED)
        deliveries = tuple(d for d in notice if d.recipient != actor)
        confirmation = Notice.NOT_SENT_ORPHANED if actor is not None else None
        return Outcome(None, deliveries, confirmation, EndReason.ORPHANED)
    return None


def _to_opener(ticket: Ticket, roster: Roster, notice: Notice) -> tuple[Delivery, ...]:
    if ticket.opener not in roster.members:
        return ()
    return (Delivery(ticket.opener, notice, ticket.number),)


def _to_all(recipients: frozenset[str], notice: Notice, ticket: Ticket) -> tuple[Delivery, ...]:
    # Sorted so the order of sends says nothing about anyone (and tests are stable).
    return tuple(Delivery(member, notice, ticket.number) for member in sorted(recipients))


def _with_text(deliveries: tuple[Delivery, ...], text: str) -> tuple[Delivery, ...]:
    return tuple(replace(d, text=text) for d in deliveries)


def _check_text(text: str) -> None:
    """The parser (``tell_args``) already refused these; a caller that skipped it is a bug."""
    if not text.strip() or len(text) > MAX_TELL_CHARS:
        raise ValueError("relay text must be parsed with tell_args first")
