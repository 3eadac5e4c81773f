"""Every text of the anonymous line, in one place (``../shared/VOICE.md``).

The relays name nobody: "A member says (#N)" even when the opener is a facilitator (the
others could otherwise pick them out of a handful of colleagues), and "A facilitator answers
(#N)" unless the facilitator signs their words themself. No text promises an answer the bot
cannot guarantee. The later catalog and translation work renders ``Notice`` and
``TellRefused`` values the same way; these are the English originals.
"""

from __future__ import annotations

from facilitation.tell import Delivery, Notice, TellRefused

TELL_USAGE = "/tell <what you'd like the facilitators to hear> · /tell close N"
REPLY_USAGE = "/reply N <your words>"
TELL_SUMMARY = "tell the facilitators something privately, without your name (by direct message)"
REPLY_SUMMARY = "continue an anonymous conversation with the facilitators"

_TO_FACILITATORS_HINT = (
    "/reply {n} <your words> answers; your name isn't shown unless you sign. "
    "/tell close {n} ends the conversation."
)
_TO_MEMBER_HINT = "/reply {n} <your words> answers; /tell close {n} ends the conversation."


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def render(notice: Notice, number: int, *, text: str | None = None, expiry_days: int) -> str:
    """The words for one notice; ``text`` is the relayed message for the three that carry one."""
    n = number
    quiet = _days(expiry_days)
    if notice in (Notice.MEMBER_SAYS, Notice.FACILITATOR_ANSWERS, Notice.COLLEAGUE_ANSWERED):
        if text is None:
            raise ValueError("this notice carries the relayed words")
        if notice is Notice.MEMBER_SAYS:
            return f"A member says (#{n}): {text}\n\n{_TO_FACILITATORS_HINT.format(n=n)}"
        if notice is Notice.FACILITATOR_ANSWERS:
            return f"A facilitator answers (#{n}): {text}\n\n{_TO_MEMBER_HINT.format(n=n)}"
        return (
            f"Another facilitator answered #{n}, so you know it has an answer: {text}\n\n"
            f"The member sees it without a name."
        )
    return _NOTICES[notice].format(n=n, quiet=quiet)


def delivery_text(delivery: Delivery, expiry_days: int) -> str:
    return render(delivery.notice, delivery.number, text=delivery.text, expiry_days=expiry_days)


_NOTICES: dict[Notice, str] = {
    Notice.MEMBER_CLOSED: "The member closed conversation #{n}. Thank you for listening.",
    Notice.FACILITATOR_CLOSED: (
        "A facilitator closed conversation #{n}. If something else comes up, /tell starts a "
        "new one, any time."
    ),
    Notice.COLLEAGUE_CLOSED: "Another facilitator closed conversation #{n}.",
    Notice.EXPIRED: (
        "Conversation #{n} closed after {quiet} of quiet. If there's more you'd like to say, "
        "/tell starts a new one, any time."
    ),
    Notice.EXPIRED_FOR_FACILITATORS: "Conversation #{n} closed after {quiet} of quiet.",
    Notice.ORPHANED: (
        "The facilitators who had conversation #{n} have all stepped down, so I've closed it. "
        "/tell reaches the circle's facilitators now, if you'd like to raise it again."
    ),
    Notice.TOLD: (
        "Thank you for saying it. I've passed it to the facilitators without your name or "
        "phone number, as conversation #{n}. If they answer, it comes here as "
        '"A facilitator answers (#{n})".\n'
        "/reply {n} <your words> adds more; /tell close {n} ends it. "
        "It closes by itself after {quiet} of quiet."
    ),
    Notice.PASSED_ON: "Passed on to the facilitators (#{n}), without your name.",
    Notice.ANSWER_SENT: (
        "Thank you. Your answer to #{n} goes to the member without your name, as long as "
        "they're in the circle; the other facilitators who aren't away see a copy."
    ),
    Notice.YOU_CLOSED: "Conversation #{n} is closed.",
    Notice.NOT_SENT_EXPIRED: (
        "Conversation #{n} had closed after {quiet} of quiet, so I didn't pass that on. "
        "/tell starts a new one, if you'd like to send it again."
    ),
    Notice.ANSWER_NOT_SENT_EXPIRED: (
        "Conversation #{n} had closed after {quiet} of quiet, so I couldn't pass your answer "
        "on. The member can start a new one with /tell whenever they like."
    ),
    Notice.NOT_SENT_ORPHANED: (
        "The facilitators who had conversation #{n} have all stepped down, so I've closed it "
        "and didn't pass that on. /tell reaches the circle's facilitators now, if you'd like "
        "to send it again."
    ),
}


def refusal(code: TellRefused, number: int | None = None) -> str:
    """The short, kind reply when nothing happened."""
    if code is TellRefused.UNKNOWN:
        which = f"#{number}" if number is not None else "with that number"
        return f"I don't have an open conversation {which} with you."
    return _REFUSALS[code]


_REFUSALS: dict[TellRefused, str] = {
    TellRefused.NOT_MEMBER: "Only members of a circle can use /tell.",
    TellRefused.NO_FACILITATORS: (
        "Your circle has no facilitator right now, so there's nobody I can pass this to. "
        "If you need someone now, /guide crisis lists ways to reach human help."
    ),
    TellRefused.NOBODY_ELSE: (
        "You're the circle's only facilitator, so there's nobody else I can pass this to."
    ),
}
