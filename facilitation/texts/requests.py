"""Join requests: their states, their counts of vouches, finding one, the /requests list."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot
from facilitation.texts import FORMAT_ONLY

# --- what /help says of these commands, and the words of their checks --------------------
REQUESTS_SUMMARY = Msg(
    "requests.summary",
    "open join requests and people added without a vouch; facilitators decide",
    kind=Kind.WORD,
)
APPROVE_SUMMARY = Msg(
    "requests.approve_summary",
    "admit a newcomer, held or not (facilitators)",
    kind=Kind.WORD,
)
DENY_SUMMARY = Msg(
    "requests.deny_summary",
    "decline a request, kindly (facilitators)",
    kind=Kind.WORD,
)
RETRY_SUMMARY = Msg(
    "requests.retry_summary",
    "try again to add someone Signal refused (facilitators)",
    kind=Kind.WORD,
)
KEEP_SUMMARY = Msg(
    "requests.keep_summary",
    "keep the concern of someone who left: it holds the request (facilitators)",
    kind=Kind.WORD,
)

# TRANSLATORS: a join request's state, after its name in /requests and in refusals.
STATUS_PENDING = Msg("requests.status_pending", "waiting for vouches", kind=Kind.WORD)
STATUS_HELD = Msg("requests.status_held", "on hold for the facilitators", kind=Kind.WORD)
STATUS_APPROVED = Msg("requests.status_approved", "approved, being added", kind=Kind.WORD)
STATUS_ADDED = Msg("requests.status_added", "already in the circle", kind=Kind.WORD)
STATUS_DENIED = Msg("requests.status_denied", "declined", kind=Kind.WORD)
STATUS_EXPIRED = Msg("requests.status_expired", "expired", kind=Kind.WORD)
# TRANSLATORS: how many vouches a request has of those it needs: "1 of 2 vouches".
VOUCH_COUNT = Plural(
    "requests.vouch_count",
    "{have} of {n} vouch",
    "{have} of {n} vouches",
    kind=Kind.WORD,
    have=Slot.COUNT,
)
NOT_A_REQUEST_POST = Msg(
    "requests.not_a_request_post",
    "That message isn't a join request. Reply to the bot's join-request post, or use the "
    "request's number: /requests lists them.",
    kind=Kind.REFUSAL,
)
NO_SUCH_REQUEST = Msg(
    "requests.no_such_request",
    "There's no join request {number}. /requests lists the open ones.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
NUMBER_HINT = Msg(
    "requests.number_hint", "give the request's number; /requests lists them", kind=Kind.WORD
)
NONE_OPEN = Msg(
    "requests.none_open",
    "No join requests are open. Members can /invite someone they know.",
)
OPEN_HEADER = Msg("requests.open_header", "Open join requests:")
# TRANSLATORS: a line of /requests: "1. Erin: 1 of 2 vouches".
OPEN_LINE = Msg(
    "requests.open_line",
    "{number}. {newcomer}: {count}",
    kind=Kind.WORD,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
    count=Slot.TEXT,
    same_in=FORMAT_ONLY,
)
# TRANSLATORS: a line of /requests for a request not simply waiting: "1. Erin: 2 of 2
# vouches, on hold for the facilitators".
OPEN_LINE_STATUS = Msg(
    "requests.open_line_status",
    "{number}. {newcomer}: {count}, {status}",
    kind=Kind.WORD,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
    count=Slot.TEXT,
    status=Slot.TEXT,
    same_in=FORMAT_ONLY,
)
OPEN_LINE_UNVOUCHED = Msg(
    "requests.open_line_unvouched",
    "{number}. Someone added to the group without a vouch: waiting for a facilitator",
    kind=Kind.WORD,
    number=Slot.COUNT,
)
IS_STATUS = Msg(
    "requests.is_status",
    "Request {number} is {status}. /requests lists the open ones.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
    status=Slot.TEXT,
)
HAS_EXPIRED = Msg(
    "requests.has_expired",
    "Request {number} has expired: the newcomer can ask for a new invite. /requests lists the "
    "open ones.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
NOT_WAITING_TO_BE_ADDED = Msg(
    "requests.not_waiting_to_be_added",
    "Request {number} isn't waiting to be added. /requests lists the open ones.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
NOTHING_TO_KEEP = Msg(
    "requests.nothing_to_keep",
    "Request {number} has no concern from someone who left to keep. "
    "/requests approve {number} or /requests deny {number} decide it.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
UNVOUCHED_DECISIONS = Msg(
    "requests.unvouched_decisions",
    "Request {number} is someone added to the group without a vouch: "
    "/requests approve {number} or /requests deny {number}.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
UNVOUCHED_GONE = Msg(
    "requests.unvouched_gone",
    "Request {number} is no longer waiting: they left the group. /requests lists the open ones.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
