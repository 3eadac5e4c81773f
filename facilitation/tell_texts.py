"""Every text of the anonymous line, by name (facilitation/texts/tell.py holds the words).

``render`` and ``refusal`` return lazy texts of the catalog, rendered for whoever reads them
(a relay in the facilitator's language, an answer in the member's); ``english`` gives their
English where a test or a log-free check needs it.
"""

from __future__ import annotations

from facilitation.i18n import Msg, Piece, Said
from facilitation.tell import Delivery, Notice, TellRefused
from facilitation.texts import tell as said

TELL_USAGE = said.USAGE
REPLY_USAGE = said.REPLY_USAGE
TELL_SUMMARY = said.SUMMARY
REPLY_SUMMARY = said.REPLY_SUMMARY

_WITH_WORDS: dict[Notice, Msg] = {
    Notice.MEMBER_SAYS: said.MEMBER_SAYS,
    Notice.FACILITATOR_ANSWERS: said.FACILITATOR_ANSWERS,
    Notice.COLLEAGUE_ANSWERED: said.COLLEAGUE_ANSWERED,
}
_NOTICES: dict[Notice, Msg] = {
    Notice.MEMBER_CLOSED: said.MEMBER_CLOSED,
    Notice.FACILITATOR_CLOSED: said.FACILITATOR_CLOSED,
    Notice.COLLEAGUE_CLOSED: said.COLLEAGUE_CLOSED,
    Notice.EXPIRED: said.EXPIRED,
    Notice.EXPIRED_FOR_FACILITATORS: said.EXPIRED_FOR_FACILITATORS,
    Notice.ORPHANED: said.ORPHANED,
    Notice.TOLD: said.TOLD,
    Notice.PASSED_ON: said.PASSED_ON,
    Notice.ANSWER_SENT: said.ANSWER_SENT,
    Notice.YOU_CLOSED: said.YOU_CLOSED,
    Notice.NOT_SENT_EXPIRED: said.NOT_SENT_EXPIRED,
    Notice.ANSWER_NOT_SENT_EXPIRED: said.ANSWER_NOT_SENT_EXPIRED,
    Notice.NOT_SENT_ORPHANED: said.NOT_SENT_ORPHANED,
}
_REFUSALS: dict[TellRefused, Msg] = {
    TellRefused.NOT_MEMBER: said.NOT_MEMBER,
    TellRefused.NO_FACILITATORS: said.NO_FACILITATORS,
    TellRefused.NOBODY_ELSE: said.NOBODY_ELSE,
}


def render(notice: Notice, number: int, *, text: str | None = None, expiry_days: int) -> Said:
    """The words for one notice; ``text`` is the relayed message for the three that carry one."""
    n = str(number)  # as typed in /reply N: never written as a number of the language
    if notice in _WITH_WORDS:
        if text is None:
            raise ValueError("this notice carries the relayed words")
        return _WITH_WORDS[notice].with_(n=n, words=text)
    message = _NOTICES[notice]
    if "quiet" in message.slots:
        return message.with_(n=n, quiet=said.QUIET.with_(n=expiry_days))
    return message.with_(n=n)


def delivery_text(delivery: Delivery, expiry_days: int) -> Said:
    return render(delivery.notice, delivery.number, text=delivery.text, expiry_days=expiry_days)


def refusal(code: TellRefused, number: int | None = None) -> Piece:
    """The short, kind reply when nothing happened."""
    if code is TellRefused.UNKNOWN:
        return said.UNKNOWN_NUMBER if number is None else said.UNKNOWN.with_(n=str(number))
    return _REFUSALS[code]
