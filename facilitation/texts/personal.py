"""/mydata and /forgetme: what I hold about someone, and forgetting it. Sent to them alone;
nobody else is ever named, not even as a count of who vouched or objected."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot
from facilitation.texts import FORMAT_ONLY

# --- what /help says of these commands, and the words of their checks --------------------
MYDATA_SUMMARY = Msg(
    "mydata.summary",
    "everything I hold about you, decrypted, sent to you alone",
    kind=Kind.WORD,
)
FORGETME_SUMMARY = Msg(
    "forgetme.summary",
    "delete everything I hold about you (asks you to confirm; can't be undone)",
    kind=Kind.WORD,
)
FORGETME_SHOW_SUMMARY = Msg(
    "forgetme.show_summary",
    "what it deletes, and a code to confirm it",
    kind=Kind.WORD,
)
FORGETME_CONFIRM_SUMMARY = Msg(
    "forgetme.confirm_summary",
    "confirm",
    kind=Kind.WORD,
)

# TRANSLATORS: what a circle is for, as in "Circle 1: a venting space".
PURPOSE_SUPPORT = Msg("purpose.support", "a deep emotional support circle", kind=Kind.WORD)
PURPOSE_VENTING = Msg("purpose.venting", "a venting space", kind=Kind.WORD)
PURPOSE_MASTERMIND = Msg("purpose.mastermind", "a professional mastermind", kind=Kind.WORD)

NOTHING_HELD = Msg("personal.nothing_held", "I hold nothing about you.")
LEFT_NOTICE = Msg(
    "personal.left_notice",
    "A member has left the circle and asked me to forget them.",
    kind=Kind.DIRECT,
)
REQUEST_WITHDRAWN = Msg(
    "personal.request_withdrawn",
    "Join request {number} was withdrawn: the newcomer asked me to forget them.",
    kind=Kind.DIRECT,
    number=Slot.COUNT,
)
NO_DELETION_WAITING = Msg(
    "personal.no_deletion_waiting",
    "There's no deletion waiting for you, so nothing was deleted. Send /forgetme first: I'll "
    "say what it deletes and give you a code.",
    kind=Kind.REFUSAL,
)
CODE_EXPIRED = Msg(
    "personal.code_expired",
    "That code has expired, so nothing was deleted. Send /forgetme for a new one.",
    kind=Kind.REFUSAL,
)
CODE_WRONG = Msg(
    "personal.code_wrong",
    "That code doesn't match, so nothing was deleted. Check it, or send /forgetme for a new one.",
    kind=Kind.REFUSAL,
)
CODE_TOO_MANY = Msg(
    "personal.code_too_many",
    "That code doesn't match either, so nothing was deleted, and I've cancelled the request. "
    "Send /forgetme for a new code.",
    kind=Kind.REFUSAL,
)
ELSEWHERE = Msg(
    "personal.elsewhere",
    "You're also in circles I serve from another number: what they hold is shown and deleted "
    "by that number (send it /mydata or /forgetme too).",
    kind=Kind.WORD,
)
# TRANSLATORS: {purpose} is a purpose.* text. Plain words: no "hash" (VOICE.md 5).
BANNED_IN = Msg(
    "personal.banned_in",
    "• The circle that is {purpose} keeps a scrambled fingerprint of your Signal account on "
    "its list of people removed from it: if you ask to join it again, its facilitators "
    "decide. Nobody can turn it back into your account, and /forgetme keeps it, so that "
    "asking to be forgotten doesn't undo a removal.",
    kind=Kind.WORD,
    purpose=Slot.TEXT,
)

# --- /mydata ---------------------------------------------------------------------------
MYDATA_HEADER = Msg(
    "mydata.header", "Everything I hold about you (only you get this):", kind=Kind.WORD
)
# TRANSLATORS: {account} is the person's Signal account id, a long code.
MYDATA_ACCOUNT = Msg(
    "mydata.account",
    "• your Signal account id, stored encrypted: {account}",
    kind=Kind.WORD,
    account=Slot.NAME,
)
MYDATA_KNOWN_SINCE = Msg(
    "mydata.known_since", "• known to me since {day}", kind=Kind.WORD, day=Slot.DATE
)
MYDATA_PENDING = Plural(
    "mydata.pending",
    "Messages on their way to you or naming you: {n} (deleted once sent).",
    "Messages on their way to you or naming you: {n} (deleted once sent).",
    kind=Kind.WORD,
)
MYDATA_RECENT = Msg(
    "mydata.recent",
    "Also kept, for 14 days: scrambled fingerprints of when your recent messages were sent, "
    "so that nothing acts twice. They don't name you.",
    kind=Kind.WORD,
)
MYDATA_FOOTER = Msg(
    "mydata.footer",
    "Other people are never named here. /forgetme deletes all of this.",
    kind=Kind.WORD,
)
# TRANSLATORS: {tz} is a time zone name like Europe/Berlin.
MYDATA_CIRCLE = Msg(
    "mydata.circle",
    "Circle {number}: {purpose}. Times in {tz}.",
    kind=Kind.WORD,
    number=Slot.COUNT,
    purpose=Slot.TEXT,
    tz=Slot.NAME,
)
ROLE_MEMBER = Msg("mydata.role_member", "member", kind=Kind.WORD)
ROLE_FACILITATOR = Msg("mydata.role_facilitator", "facilitator", kind=Kind.WORD)
ROLE_FOUNDER = Msg("mydata.role_founder", "{role}, a founder", kind=Kind.WORD, role=Slot.TEXT)
ROLE_UNVOUCHED = Msg(
    "mydata.role_unvouched",
    "in the group without a vouch, waiting for a facilitator to confirm you",
    kind=Kind.WORD,
)
MYDATA_YOU = Msg(
    "mydata.you", "• you: {role}, joined {day}", kind=Kind.WORD, role=Slot.TEXT, day=Slot.DATE
)
MYDATA_ALIAS = Msg("mydata.alias", "• your alias: {alias}", kind=Kind.WORD, alias=Slot.NAME)
MYDATA_NO_ALIAS = Msg("mydata.no_alias", "• your alias: none", kind=Kind.WORD)
MYDATA_AGREED = Msg(
    "mydata.agreed",
    "• community agreement: you accepted version {version}; the current one is {current}",
    kind=Kind.WORD,
    version=Slot.COUNT,
    current=Slot.COUNT,
)
MYDATA_NOT_AGREED = Msg(
    "mydata.not_agreed",
    "• community agreement: not accepted yet; the current version is {current}",
    kind=Kind.WORD,
    current=Slot.COUNT,
)
MYDATA_AWAY = Msg("mydata.away", "• away until {when}", kind=Kind.WORD, when=Slot.TIME)
CHECKINS_HEADER = Plural(
    "mydata.checkins_header",
    "Your check-ins and check-outs, deleted after {n} day:",
    "Your check-ins and check-outs, deleted after {n} days:",
    kind=Kind.WORD,
)
CHECKIN = Msg("mydata.checkin", "check-in", kind=Kind.WORD)
CHECKOUT = Msg("mydata.checkout", "check-out", kind=Kind.WORD)
# TRANSLATORS: {mood} is a number from 1 to 5.
MOOD = Msg("mydata.mood", " · mood {mood}/5", kind=Kind.WORD, mood=Slot.COUNT)
QUOTED = Msg("mydata.quoted", '"{words}"', kind=Kind.WORD, words=Slot.WORDS, same_in=FORMAT_ONLY)
NO_WORDS = Msg("mydata.no_words", "no words", kind=Kind.WORD)
CHECKIN_LINE = Msg(
    "mydata.checkin_line",
    "• {when} · {what}{mood} · {words}",
    kind=Kind.WORD,
    when=Slot.TIME,
    what=Slot.TEXT,
    mood=Slot.TEXT,
    words=Slot.TEXT,
    same_in=FORMAT_ONLY,
)
VOUCHES_HEADER = Msg("mydata.vouches_header", "Vouches and concerns you gave:", kind=Kind.WORD)
YOU_VOUCHED = Msg("mydata.you_vouched", "you vouched", kind=Kind.WORD)
YOUR_CONCERN = Msg("mydata.your_concern", "your concern: {words}", kind=Kind.WORD, words=Slot.TEXT)
VOUCH_LINE = Msg(
    "mydata.vouch_line",
    "• join request {number} ({newcomer}) · {what} · {day}",
    kind=Kind.WORD,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
    what=Slot.TEXT,
    day=Slot.DATE,
)
REQUESTS_HEADER = Msg(
    "mydata.requests_header",
    "Your requests to join. Who vouched or raised a concern, and how many, is never shown:",
    kind=Kind.WORD,
)
REQUEST_OPEN = Msg("mydata.request_open", "open", kind=Kind.WORD)
REQUEST_LINE = Msg(
    "mydata.request_line",
    '• request {number} as "{chosen}", {day}: {state} · your words: {words}',
    kind=Kind.WORD,
    number=Slot.COUNT,
    chosen=Slot.NAME,
    day=Slot.DATE,
    state=Slot.TEXT,
    words=Slot.TEXT,
)
SUGGESTED_HEADER = Msg(
    "mydata.suggested_header",
    "Resources you suggested. Your name on them is never shown:",
    kind=Kind.WORD,
)
# TRANSLATORS: {entry} is a directory entry's name, {status} its state word as stored.
SUGGESTED_LINE = Msg(
    "mydata.suggested_line",
    "• #{number} {entry}: {status}",
    kind=Kind.WORD,
    number=Slot.COUNT,
    entry=Slot.NAME,
    status=Slot.NAME,
    same_in=FORMAT_ONLY,
)
REVIEWS_HEADER = Msg("mydata.reviews_header", "Your vets and flags:", kind=Kind.WORD)
VETTED = Msg("mydata.vetted", "vetted", kind=Kind.WORD)
FLAGGED = Msg("mydata.flagged", "flagged: {words}", kind=Kind.WORD, words=Slot.TEXT)
REVIEW_LINE = Msg(
    "mydata.review_line",
    "• #{number} {entry} · {what} · {day}",
    kind=Kind.WORD,
    number=Slot.COUNT,
    entry=Slot.NAME,
    what=Slot.TEXT,
    day=Slot.DATE,
    same_in=FORMAT_ONLY,
)
INVITES_HEADER = Msg("mydata.invites_header", "Invites you made:", kind=Kind.WORD)
INVITE_USED = Msg("mydata.invite_used", "used", kind=Kind.WORD)
INVITE_EXPIRED = Msg("mydata.invite_expired", "expired", kind=Kind.WORD)
INVITE_UNUSED = Msg(
    "mydata.invite_unused", "unused, works until {when}", kind=Kind.WORD, when=Slot.TIME
)
INVITE_LINE = Msg(
    "mydata.invite_line", "• made {day}: {state}", kind=Kind.WORD, day=Slot.DATE, state=Slot.TEXT
)
SESSIONS_HEADER = Msg("mydata.sessions_header", "Sessions whose record names you:", kind=Kind.WORD)
HAS_FLOOR = Msg("mydata.has_floor", "you have the floor", kind=Kind.WORD)
HAND_UP = Msg("mydata.hand_up", "your hand is up", kind=Kind.WORD)
HAND_UP_TOPIC = Msg(
    "mydata.hand_up_topic", "your hand is up: {words}", kind=Kind.WORD, words=Slot.WORDS
)
SPOKE = Msg("mydata.spoke", "you spoke", kind=Kind.WORD)
AWAY_UNTIL = Msg("mydata.away_until", "away until {when}", kind=Kind.WORD, when=Slot.TIME)
SESSION_OPEN = Msg("mydata.session_open", "open now", kind=Kind.WORD)
SESSION_CLOSED = Msg("mydata.session_closed", "closed", kind=Kind.WORD)
SESSION_LINE = Msg(
    "mydata.session_line",
    "• session of {when}, {state}: {notes}",
    kind=Kind.WORD,
    when=Slot.TIME,
    state=Slot.TEXT,
    notes=Slot.LIST,
)

# --- /forgetme -------------------------------------------------------------------------
FORGET_HEADER = Msg(
    "forgetme.header",
    "This deletes everything I hold about you, in every circle:",
    kind=Kind.WORD,
)
ITEM = Msg("forgetme.item", "• {item}", kind=Kind.WORD, item=Slot.TEXT, same_in=FORMAT_ONLY)
ITEM_ACCOUNT = Msg("forgetme.item_account", "your Signal account id", kind=Kind.WORD)
ITEM_MEMBERSHIPS = Plural(
    "forgetme.item_memberships",
    "your membership of {n} circle: role, alias, dates",
    "your membership of {n} circles: role, alias, dates",
    kind=Kind.WORD,
)
ITEM_CHECKINS = Plural(
    "forgetme.item_checkins",
    "{n} check-in or check-out",
    "{n} check-ins and check-outs",
    kind=Kind.WORD,
)
ITEM_VOUCHES = Plural(
    "forgetme.item_vouches",
    "{n} vouch or concern you gave",
    "{n} vouches and concerns you gave",
    kind=Kind.WORD,
)
ITEM_REQUESTS = Plural(
    "forgetme.item_requests", "{n} request to join", "{n} requests to join", kind=Kind.WORD
)
ITEM_REVIEWS = Plural(
    "forgetme.item_reviews",
    "{n} vet or flag you gave",
    "{n} vets and flags you gave",
    kind=Kind.WORD,
)
ITEM_RESOURCES = Plural(
    "forgetme.item_resources",
    "your name on {n} resource you suggested; the entry stays for the circle",
    "your name on {n} resources you suggested; the entries stay for the circle",
    kind=Kind.WORD,
)
ITEM_INVITES = Plural(
    "forgetme.item_invites",
    "{n} invite you made; an unused code stops working",
    "{n} invites you made; unused codes stop working",
    kind=Kind.WORD,
)
ITEM_SESSIONS = Plural(
    "forgetme.item_sessions",
    "your place in {n} session record; the anonymous counts stay",
    "your place in {n} session records; the anonymous counts stay",
    kind=Kind.WORD,
)
ITEM_PENDING = Plural(
    "forgetme.item_pending", "{n} message not yet sent", "{n} messages not yet sent", kind=Kind.WORD
)
FORGET_GROUPS = Msg(
    "forgetme.groups",
    "I'll also take you out of the circles' Signal groups, and tell their facilitators that a "
    "member left and asked me to forget them, without your name.",
    kind=Kind.WORD,
)
FORGET_SOLE_FACILITATOR = Msg(
    "forgetme.sole_facilitator",
    "You're the only facilitator of circle {number}, {purpose}: name another first with "
    "/facilitator add, or it will have none.",
    kind=Kind.WORD,
    number=Slot.COUNT,
    purpose=Slot.TEXT,
)
FORGET_STAYS = Msg("forgetme.stays", "What stays:", kind=Kind.WORD)
FORGET_CONFIRM = Msg(
    "forgetme.confirm",
    "It can't be undone: if you come back later, it's as a newcomer.\n"
    "To confirm, within 10 minutes send:\n/forgetme {code}\n/mydata shows it all first.",
    kind=Kind.WORD,
    code=Slot.NAME,
)
FAREWELL = Msg(
    "forgetme.farewell",
    "Done. I've deleted everything I held about you, and I don't know you any more.",
    kind=Kind.DIRECT,
)
FAREWELL_STILL_IN = Plural(
    "forgetme.farewell_still_in",
    "I couldn't take you out of the Signal group of {n} circle: please leave it yourself.",
    "I couldn't take you out of the Signal groups of {n} circles: please leave them yourself.",
    kind=Kind.WORD,
)
TAKE_CARE = Msg("forgetme.take_care", "Take care.", kind=Kind.WORD)
