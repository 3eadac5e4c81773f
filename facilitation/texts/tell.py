"""The anonymous line (/tell, /reply): every text, naming nobody.

"A member says (#N)" even when the opener is a facilitator (the others could otherwise pick
them out of a handful of colleagues), and "A facilitator answers (#N)" unless the
facilitator signs their words themself. No text promises an answer the bot cannot keep.
{n} is always the conversation's number, written as typed in /reply N (not a count).
"""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

USAGE = Msg(
    "tell.usage",
    "/tell <what you'd like the facilitators to hear> · /tell close N",
    kind=Kind.USAGE,
)
REPLY_USAGE = Msg("tell.reply_usage", "/reply N <your words>", kind=Kind.USAGE)
SUMMARY = Msg(
    "tell.summary",
    "tell the facilitators something privately, without your name (by direct message)",
    kind=Kind.WORD,
)
REPLY_SUMMARY = Msg(
    "tell.reply_summary", "continue an anonymous conversation with the facilitators", kind=Kind.WORD
)
# TRANSLATORS: how long a conversation was quiet before it closed ("7 days").
QUIET = Plural("tell.quiet", "{n} day", "{n} days", kind=Kind.WORD)
# TRANSLATORS: to each facilitator; {words} is what the member wrote.
MEMBER_SAYS = Msg(
    "tell.member_says",
    "A member says (#{n}): {words}\n\n"
    "/reply {n} <your words> answers; your name isn't shown unless you sign. "
    "/tell close {n} ends the conversation.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
    words=Slot.WORDS,
)
# TRANSLATORS: to the member; {words} is what a facilitator wrote.
FACILITATOR_ANSWERS = Msg(
    "tell.facilitator_answers",
    "A facilitator answers (#{n}): {words}\n\n"
    "/reply {n} <your words> answers; /tell close {n} ends the conversation.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
    words=Slot.WORDS,
)
COLLEAGUE_ANSWERED = Msg(
    "tell.colleague_answered",
    "Another facilitator answered #{n}, so you know it has an answer: {words}\n\n"
    "The member sees it without a name.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
    words=Slot.WORDS,
)
MEMBER_CLOSED = Msg(
    "tell.member_closed",
    "The member closed conversation #{n}. Thank you for listening.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
)
FACILITATOR_CLOSED = Msg(
    "tell.facilitator_closed",
    "A facilitator closed conversation #{n}. If something else comes up, /tell starts a new "
    "one, any time.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
)
COLLEAGUE_CLOSED = Msg(
    "tell.colleague_closed",
    "Another facilitator closed conversation #{n}.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
)
# TRANSLATORS: {quiet} is tell.quiet ("7 days").
EXPIRED = Msg(
    "tell.expired",
    "Conversation #{n} closed after {quiet} of quiet. If there's more you'd like to say, "
    "/tell starts a new one, any time.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
    quiet=Slot.TEXT,
)
EXPIRED_FOR_FACILITATORS = Msg(
    "tell.expired_for_facilitators",
    "Conversation #{n} closed after {quiet} of quiet.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
    quiet=Slot.TEXT,
)
ORPHANED = Msg(
    "tell.orphaned",
    "The facilitators who had conversation #{n} have all stepped down, so I've closed it. "
    "/tell reaches the circle's facilitators now, if you'd like to raise it again.",
    kind=Kind.DIRECT,
    n=Slot.NAME,
)
TOLD = Msg(
    "tell.told",
    "Thank you for saying it. I've passed it to the facilitators without your name or phone "
    'number, as conversation #{n}. If they answer, it comes here as "A facilitator answers '
    '(#{n})".\n'
    "/reply {n} <your words> adds more; /tell close {n} ends it. It closes by itself after "
    "{quiet} of quiet.",
    n=Slot.NAME,
    quiet=Slot.TEXT,
)
PASSED_ON = Msg(
    "tell.passed_on",
    "Passed on to the facilitators (#{n}), without your name.",
    n=Slot.NAME,
)
ANSWER_SENT = Msg(
    "tell.answer_sent",
    "Thank you. Your answer to #{n} goes to the member without your name, as long as they're "
    "in the circle; the other facilitators who aren't away see a copy.",
    n=Slot.NAME,
)
YOU_CLOSED = Msg("tell.you_closed", "Conversation #{n} is closed.", n=Slot.NAME)
NOT_SENT_EXPIRED = Msg(
    "tell.not_sent_expired",
    "Conversation #{n} had closed after {quiet} of quiet, so I didn't pass that on. /tell "
    "starts a new one, if you'd like to send it again.",
    kind=Kind.REFUSAL,
    n=Slot.NAME,
    quiet=Slot.TEXT,
)
ANSWER_NOT_SENT_EXPIRED = Msg(
    "tell.answer_not_sent_expired",
    "Conversation #{n} had closed after {quiet} of quiet, so I couldn't pass your answer on. "
    "The member can start a new one with /tell whenever they like.",
    kind=Kind.REFUSAL,
    n=Slot.NAME,
    quiet=Slot.TEXT,
)
NOT_SENT_ORPHANED = Msg(
    "tell.not_sent_orphaned",
    "The facilitators who had conversation #{n} have all stepped down, so I've closed it and "
    "didn't pass that on. /tell reaches the circle's facilitators now, if you'd like to send "
    "it again.",
    kind=Kind.REFUSAL,
    n=Slot.NAME,
)
UNKNOWN = Msg(
    "tell.unknown",
    "I don't have an open conversation #{n} with you. /tell starts a new one.",
    kind=Kind.REFUSAL,
    n=Slot.NAME,
)
UNKNOWN_NUMBER = Msg(
    "tell.unknown_number",
    "I don't have an open conversation with that number. /tell starts a new one.",
    kind=Kind.REFUSAL,
)
NOT_MEMBER = Msg(
    "tell.not_member",
    "Only members of a circle can use /tell. If you need someone now, /guide crisis lists "
    "ways to reach human help.",
    kind=Kind.REFUSAL,
)
NO_FACILITATORS = Msg(
    "tell.no_facilitators",
    "Your circle has no facilitator right now, so there's nobody I can pass this to. If you "
    "need someone now, /guide crisis lists ways to reach human help.",
    kind=Kind.REFUSAL,
)
NOBODY_ELSE = Msg(
    "tell.nobody_else",
    "You're the circle's only facilitator, so there's nobody else I can pass this to. If it "
    "weighs on you, /guide has ways to find support of your own.",
    kind=Kind.REFUSAL,
)
# --- /mydata and /forgetme ---------------------------------------------------------------
MYDATA_HEADER = Msg(
    "mydata.tell_header", "Anonymous conversations (/tell), by number only:", kind=Kind.WORD
)
MYDATA_OPENED = Msg("mydata.tell_opened", "• #{n}: you started it", kind=Kind.WORD, n=Slot.NAME)
MYDATA_ANSWERING = Msg(
    "mydata.tell_answering",
    "• #{n}: you're among the facilitators it reaches",
    kind=Kind.WORD,
    n=Slot.NAME,
)
ITEM_TICKETS = Plural(
    "forgetme.item_tickets",
    "your part in {n} anonymous conversation; one you started ends",
    "your part in {n} anonymous conversations; those you started end",
    kind=Kind.WORD,
)
