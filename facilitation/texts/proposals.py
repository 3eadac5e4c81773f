"""Proposals and consent: every text. Group posts carry counts only, never who proposed or
who answered what; {n} is a proposal's number as typed in /consent N (not a count)."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot
from facilitation.texts import FORMAT_ONLY

PROPOSE_USAGE = Msg(
    "proposal.propose_usage",
    "/propose <text> [for 3d] · /propose · /propose close N",
    kind=Kind.USAGE,
)
CONSENT_USAGE = Msg(
    "proposal.consent_usage", "/consent N agree|aside|concern|block [reason]", kind=Kind.USAGE
)
PROPOSE_SUMMARY = Msg(
    "proposal.propose_summary",
    "propose something for the circle to decide together; list the open ones",
    kind=Kind.WORD,
)
CONSENT_SUMMARY = Msg(
    "proposal.consent_summary",
    "answer a proposal (by direct message, so only you know your answer)",
    kind=Kind.WORD,
)
# TRANSLATORS: the four answers to a proposal, as shown in counts and reasons.
AGREE = Msg("proposal.stance_agree", "agree", kind=Kind.WORD)
ASIDE = Msg("proposal.stance_aside", "stand aside", kind=Kind.WORD)
CONCERN = Msg("proposal.stance_concern", "concern", kind=Kind.WORD)
BLOCK = Msg("proposal.stance_block", "block", kind=Kind.WORD)
HOW_TO_ANSWER = Msg(
    "proposal.how_to_answer",
    "Answer me by direct message, so only you know your answer: /consent {n} agree, aside "
    "(stand aside), concern or block, with a reason if you like. You can change it until the "
    "close. Or quote-reply here, if you're happy to be seen.\n"
    "Until it closes, everyone sees only how many have answered; then, only the counts.",
    kind=Kind.GROUP,
    n=Slot.NAME,
)
# TRANSLATORS: {left} is a length of time ("2 days").
CLOSES_IN = Msg("proposal.closes_in", "It closes in {left}.", kind=Kind.WORD, left=Slot.DURATION)
# TRANSLATORS: {closes} is proposal.closes_in; {text} is the proposed agreement itself, which
# the proposer asked to be posted.
OPENED_AGREEMENT = Msg(
    "proposal.opened_agreement",
    "Proposal #{n}: a new community agreement. It takes effect only if the circle consents, "
    "and then everyone is asked to /agree again. {closes}\n\n{text}",
    kind=Kind.GROUP,
    shares_words=True,
    n=Slot.NAME,
    closes=Slot.TEXT,
    text=Slot.WORDS,
)
OPENED_END_CONSENT = Msg(
    "proposal.opened_end_consent",
    "Proposal #{n}: that facilitators change the community agreement directly again, without "
    "asking the circle first. {closes}",
    kind=Kind.GROUP,
    n=Slot.NAME,
    closes=Slot.TEXT,
)
# TRANSLATORS: {text} is the proposal, which the proposer asked to be posted.
OPENED = Msg(
    "proposal.opened",
    "Proposal #{n}, for the circle to decide together. {closes}\n\n{text}",
    kind=Kind.GROUP,
    shares_words=True,
    n=Slot.NAME,
    closes=Slot.TEXT,
    text=Slot.WORDS,
)
NO_ANSWERS_YET = Msg("proposal.no_answers_yet", "no answers yet", kind=Kind.WORD)
ANSWERS_SO_FAR = Plural(
    "proposal.answers_so_far", "{n} answer so far", "{n} answers so far", kind=Kind.WORD
)
EXCERPT_END_CONSENT = Msg(
    "proposal.excerpt_end_consent",
    "facilitators change the agreement directly again",
    kind=Kind.WORD,
)
# TRANSLATORS: {text} is the start of a proposed agreement.
EXCERPT_AGREEMENT = Msg(
    "proposal.excerpt_agreement", "new agreement: {text}", kind=Kind.WORD, text=Slot.WORDS
)
NONE_OPEN = Msg("proposal.none_open", "No proposals are open. /propose <text> starts one.")
OPEN_HEADING = Msg("proposal.open_heading", "Open proposals (answer with /consent N …):")
# TRANSLATORS: {left} is a length of time ("2 days").
CLOSES_IN_SHORT = Msg(
    "proposal.closes_in_short", "closes in {left}", kind=Kind.WORD, left=Slot.DURATION
)
CLOSING_NOW = Msg("proposal.closing_now", "closing now", kind=Kind.WORD)
# TRANSLATORS: one open proposal: {excerpt} its start, {answers} proposal.answers_so_far,
# {left} proposal.closes_in_short or proposal.closing_now.
OPEN_LINE = Msg(
    "proposal.open_line",
    "#{n}: {excerpt} ({answers}; {left})",
    kind=Kind.WORD,
    n=Slot.NAME,
    excerpt=Slot.TEXT,
    answers=Slot.TEXT,
    left=Slot.TEXT,
    same_in=FORMAT_ONLY,
)
COUNTS = Msg(
    "proposal.counts",
    "Agree {agree} · stand aside {aside} · concern {concern} · block {block}.",
    kind=Kind.WORD,
    agree=Slot.COUNT,
    aside=Slot.COUNT,
    concern=Slot.COUNT,
    block=Slot.COUNT,
)
CLOSED_UNANSWERED = Msg(
    "proposal.closed_unanswered",
    "Proposal #{n} has closed with no answers, so it did not pass.",
    kind=Kind.GROUP,
    n=Slot.NAME,
)
PASSED = Msg(
    "proposal.passed",
    "Proposal #{n} passed. {counts}",
    kind=Kind.GROUP,
    n=Slot.NAME,
    counts=Slot.TEXT,
)
NOT_PASSED = Msg(
    "proposal.not_passed",
    "Proposal #{n} did not pass. {counts}",
    kind=Kind.GROUP,
    n=Slot.NAME,
    counts=Slot.TEXT,
)
BLOCKED = Msg(
    "proposal.blocked",
    "Proposal #{n} is blocked. {counts}",
    kind=Kind.GROUP,
    n=Slot.NAME,
    counts=Slot.TEXT,
)
HELD = Msg(
    "proposal.held",
    "A facilitator closed it before everyone had answered, so it could not pass this time. "
    "It can be proposed again.",
    kind=Kind.GROUP,
)
CLOSED_EARLY = Msg(
    "proposal.closed_early", "A facilitator closed it before its deadline.", kind=Kind.GROUP
)
A_BLOCK_STOPS = Msg("proposal.a_block_stops", "A block stops a proposal.", kind=Kind.GROUP)
HOW_IT_PASSES = Msg(
    "proposal.how_it_passes",
    "A proposal passes when agrees outnumber concerns.",
    kind=Kind.GROUP,
)
REASONS_WENT_PRIVATELY = Msg(
    "proposal.reasons_went_privately",
    "The reasons people gave went privately to the proposer and the facilitators, without names.",
    kind=Kind.GROUP,
)
# TRANSLATORS: {version} is the agreement's new version number.
NEW_AGREEMENT = Msg(
    "proposal.new_agreement",
    "The circle consented: the community agreement is now version {version}. Everyone, please "
    "read it with /agreement and accept it again with /agree before the next session.",
    kind=Kind.GROUP,
    version=Slot.COUNT,
)
STALE = Msg(
    "proposal.stale",
    "The agreement had changed while this ran, so the proposal no longer fits it and nothing "
    "changed. It can be proposed again for the current agreement.",
    kind=Kind.GROUP,
)
CONSENT_ENDED = Msg(
    "proposal.consent_ended",
    "From now on, facilitators change the community agreement directly, as the circle "
    "decided. /circle set agreement consent brings proposals back.",
    kind=Kind.GROUP,
)
REASONS_HEADING = Msg(
    "proposal.reasons_heading",
    "The reasons given on proposal #{n}, without names:",
    kind=Kind.DIRECT,
    n=Slot.NAME,
)
# TRANSLATORS: one reason given with an answer; {words} is the reason as written.
REASON_AGREE = Msg("proposal.reason_agree", "• Agree: {words}", kind=Kind.WORD, words=Slot.WORDS)
REASON_ASIDE = Msg(
    "proposal.reason_aside", "• Stand aside: {words}", kind=Kind.WORD, words=Slot.WORDS
)
REASON_CONCERN = Msg(
    "proposal.reason_concern", "• Concern: {words}", kind=Kind.WORD, words=Slot.WORDS
)
REASON_BLOCK = Msg("proposal.reason_block", "• Block: {words}", kind=Kind.WORD, words=Slot.WORDS)
REASONS_PRIVATE = Msg(
    "proposal.reasons_private",
    "Only the proposer and the facilitators receive these. Please keep them private.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: {stance} is one of proposal.stance_*; {left} a length of time ("2 days").
ANSWER_COUNTED = Msg(
    "proposal.answer_counted",
    "Thank you. Your answer to #{n} is counted: {stance}. You can change it until the close, "
    "in {left}.",
    n=Slot.NAME,
    stance=Slot.TEXT,
    left=Slot.DURATION,
)
ANSWER_CHANGED = Msg(
    "proposal.answer_changed",
    "Thank you. Your answer to #{n} is now {stance}. You can change it until the close, in {left}.",
    n=Slot.NAME,
    stance=Slot.TEXT,
    left=Slot.DURATION,
)
REASON_GOES = Msg(
    "proposal.reason_goes",
    "Your reason goes to the proposer and the facilitators at the close, without your name, "
    "in your own words.",
    kind=Kind.WORD,
)
NOBODY_SHOWN = Msg("proposal.nobody_shown", "Nobody is shown who answered what.", kind=Kind.WORD)
UNKNOWN = Msg(
    "proposal.unknown",
    "There's no open proposal #{n}. /propose lists the open ones.",
    kind=Kind.REFUSAL,
    n=Slot.NAME,
)
NOT_AGREED = Msg(
    "proposal.not_agreed",
    "Please accept the current community agreement first (/agreement, then /agree).",
    kind=Kind.REFUSAL,
)
TOO_NEW = Plural(
    "proposal.too_new",
    "Proposals open to members after {n} day in the circle. Until then, you can answer the "
    "ones that are open, or ask a facilitator to propose it.",
    "Proposals open to members after {n} days in the circle. Until then, you can answer the "
    "ones that are open, or ask a facilitator to propose it.",
    kind=Kind.REFUSAL,
)
CIRCLE_FULL = Msg(
    "proposal.circle_full",
    "The circle has as many proposals open as it can follow well. Please try again once one "
    "has closed.",
    kind=Kind.REFUSAL,
)
YOURS_FULL = Plural(
    "proposal.yours_full",
    "You have {n} proposal open already. Please try again once it has closed.",
    "You have {n} proposals open already. Please try again once one has closed.",
    kind=Kind.REFUSAL,
)
ONE_AT_A_TIME = Msg(
    "proposal.one_at_a_time",
    "A proposal like this one is open already. Please answer it, or wait for its close.",
    kind=Kind.REFUSAL,
)
JUST_CLOSED = Msg(
    "proposal.just_closed",
    "Proposal #{n} has just closed; its result is on its way. Please wait a moment for it.",
    kind=Kind.REFUSAL,
    n=Slot.NAME,
)
ANSWER_NOT_AGREED = Msg(
    "proposal.answer_not_agreed",
    "Answers count from members who have accepted the current community agreement. "
    "/agreement shows it and /agree accepts it; then send your answer again.",
    kind=Kind.REFUSAL,
)
JOINED_AFTER = Msg(
    "proposal.joined_after",
    "Proposal #{n} opened before you joined, so it's decided by the members who were here "
    "then. You're welcome to answer the next one: /propose lists the open ones.",
    kind=Kind.REFUSAL,
    n=Slot.NAME,
)
# --- /mydata and /forgetme ---------------------------------------------------------------
MYDATA_HEADER = Msg("mydata.proposals_header", "Open proposals:", kind=Kind.WORD)
# TRANSLATORS: {when} is the proposal's deadline; {text} what they proposed.
MYDATA_YOURS = Msg(
    "mydata.proposal_yours",
    "• #{n}, which you proposed, closes {when}: {text}",
    kind=Kind.WORD,
    n=Slot.NAME,
    when=Slot.TIME,
    text=Slot.WORDS,
)
MYDATA_MAY_ANSWER = Msg(
    "mydata.proposal_may_answer",
    "• #{n}: you may answer it until {when}",
    kind=Kind.WORD,
    n=Slot.NAME,
    when=Slot.TIME,
)
# TRANSLATORS: {stance} is one of proposal.stance_*.
MYDATA_ANSWER = Msg(
    "mydata.proposal_answer",
    "• your answer to #{n}: {stance}",
    kind=Kind.WORD,
    n=Slot.NAME,
    stance=Slot.TEXT,
)
MYDATA_ANSWER_REASON = Msg(
    "mydata.proposal_answer_reason",
    "• your answer to #{n}: {stance}, with the reason: {words}",
    kind=Kind.WORD,
    n=Slot.NAME,
    stance=Slot.TEXT,
    words=Slot.WORDS,
)
ITEM_VOTES = Plural(
    "forgetme.item_votes",
    "{n} answer to an open proposal",
    "{n} answers to open proposals",
    kind=Kind.WORD,
)
