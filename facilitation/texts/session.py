"""What the bot says to the circle during a session."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

WINS_ONLY_OPENING = Msg(
    "session.wins_only_opening",
    "This is a wins-only session: today we share wins and positive updates, no trauma talk.",
    kind=Kind.GROUP,
)
# TRANSLATORS: {length} and {turn} are lengths of time ("1 hour", "5 minutes").
LASTS = Msg(
    "session.lasts",
    "This session lasts {length}, with turns of {turn}.",
    kind=Kind.GROUP,
    length=Slot.DURATION,
    turn=Slot.DURATION,
)
FLOOR_OPEN = Msg("session.floor_open", "The floor is open: /hand to share.", kind=Kind.GROUP)
# TRANSLATORS: {speaker} is a mention of the person whose turn it is; {length} a length of
# time ("5 minutes").
FLOOR_GIVEN = Msg(
    "session.floor_given",
    "{speaker}, you have the floor for {length}. /done when you're finished.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
    length=Slot.DURATION,
)
# TRANSLATORS: said at the end of someone's turn, before what comes next.
THANK_YOU = Msg("session.thank_you", "Thank you.", kind=Kind.GROUP)
AFTER_RESUME = Msg("session.after_resume", "We'll carry on after /resume.", kind=Kind.GROUP)
PAUSE = Msg(
    "session.pause",
    "Let's pause and take a breath together. Feet on the floor, three slow breaths. "
    "A facilitator will /resume when we're ready.",
    kind=Kind.GROUP,
)
SHARING_REOPENED = Msg(
    "session.sharing_reopened",
    "Sharing is open again; the check-out call will come again before the end.",
    kind=Kind.GROUP,
)
CHECKOUT_OPEN = Msg(
    "session.checkout_open",
    "Check-out is open: /checkout and one positive thing or a goal for next week, or "
    "/checkout pass.",
    kind=Kind.GROUP,
)
WINS_CHECKOUT_OPEN = Msg(
    "session.wins_checkout_open",
    "Check-out is open: /checkout and one win from today or a goal, or /checkout pass.",
    kind=Kind.GROUP,
)
# TRANSLATORS: {names} is a list of mentions of the people co-hosting ("A, B and C").
COHOSTING_WITH = Msg(
    "session.cohosting_with",
    "Co-hosting today: {names}.",
    kind=Kind.GROUP,
    names=Slot.LIST,
)

# --- the opening ------------------------------------------------------------------------------

# TRANSLATORS: the first line of a session; {reminder} is the first point of the circle's own
# agreement (agreement.reminder when it has none).
WELCOME = Msg("session.welcome", "Welcome. {reminder}", kind=Kind.GROUP, reminder=Slot.TEXT)
# TRANSLATORS: {scale} is checkin.mood_scale.
CHECKIN_PROMPT = Msg(
    "session.checkin_prompt",
    "Check-in: /checkin 1-5 and a few words ({scale}); by direct message if you'd rather "
    "keep it private.",
    kind=Kind.GROUP,
    scale=Slot.TEXT,
)
HAND_HINT = Msg(
    "session.hand_hint",
    "Raise your hand with /hand, and a topic if you like; sharing begins when a facilitator "
    "calls /next.",
    kind=Kind.GROUP,
)
PASS_OR_STEP_OUT = Msg(
    "session.pass_or_step_out",
    "Anyone may pass or step out: nobody has to check in or share. /pause is there for a "
    "breath, and /nospace and /away are always yours.",
    kind=Kind.GROUP,
)

# --- turns ------------------------------------------------------------------------------------

SHARING_BEGINS = Msg(
    "session.sharing_begins", "Check-in is closed and sharing begins.", kind=Kind.GROUP
)
WINS_SHARING_BEGINS = Msg(
    "session.wins_sharing_begins",
    "Check-in is closed and sharing begins: wins only today, share a win or a good update.",
    kind=Kind.GROUP,
)
# TRANSLATORS: {speaker} is a mention; {length} a length of time; {topic} the few words the
# speaker gave with /hand in the group, shown as they wrote them.
FLOOR_GIVEN_TOPIC = Msg(
    "session.floor_given_topic",
    "{speaker}, you have the floor for {length} (topic: {topic}). /done when you're finished.",
    kind=Kind.GROUP,
    shares_words=True,
    speaker=Slot.PERSON,
    length=Slot.DURATION,
    topic=Slot.WORDS,
)
WINS_FLOOR_GIVEN = Msg(
    "session.wins_floor_given",
    "{speaker}, you have the floor for {length}. This is a wins-only session: share a win. "
    "/done when you're finished.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
    length=Slot.DURATION,
)
WINS_FLOOR_GIVEN_TOPIC = Msg(
    "session.wins_floor_given_topic",
    "{speaker}, you have the floor for {length} (topic: {topic}). This is a wins-only "
    "session: share a win. /done when you're finished.",
    kind=Kind.GROUP,
    shares_words=True,
    speaker=Slot.PERSON,
    length=Slot.DURATION,
    topic=Slot.WORDS,
)
# TRANSLATORS: after the call that gives the floor; {who} is who comes next, by name
# without pinging them; {n} how many more hands are up after them.
NEXT_UP = Plural(
    "session.next_up",
    "Next up: {who}, then {n} more.",
    "Next up: {who}, then {n} more.",
    kind=Kind.GROUP,
    who=Slot.PERSON,
)
NEXT_UP_LAST = Msg("session.next_up_last", "Next up: {who}.", kind=Kind.GROUP, who=Slot.PERSON)
TURN_WARNING = Msg(
    "session.turn_warning",
    "{speaker}, {left} left in your turn.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
    left=Slot.DURATION,
)
# TRANSLATORS: a turn's time ran out, maybe in the middle of a share: kindly, with a way back.
TIMES_UP = Msg(
    "session.times_up",
    "{speaker}, that's the time for this turn. Thank you. If there's more you want to say, "
    "/hand again and the circle will come back to you.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
)
# TRANSLATORS: a turn's time ran out during check-out, when no new hands are taken.
TIMES_UP_CLOSING = Msg(
    "session.times_up_closing",
    "{speaker}, that's the time for this turn. Thank you. If you weren't finished, there's "
    "room for it next time, and you can write to a facilitator after the session.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
)
QUEUE_CLOSED = Msg(
    "session.queue_closed",
    "The queue is closed; {speaker} can finish their turn.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
)
STILL_YOURS = Msg(
    "session.still_yours",
    "{speaker}, you still have {left} of your turn.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
    left=Slot.DURATION,
)

# --- the clock --------------------------------------------------------------------------------

# TRANSLATORS: {left} is a length of time ("10 minutes").
CHECKOUT_CALL = Msg(
    "session.checkout_call",
    "Check-out time, {left} left. /checkout and one positive thing or a goal for next week, "
    "with a 1-5 mood first if you like: /checkout 4 I'll call my sister. By direct message if "
    "you'd rather keep it private. Passing is fine too: /checkout pass.",
    kind=Kind.GROUP,
    left=Slot.DURATION,
)
WINS_CHECKOUT_CALL = Msg(
    "session.wins_checkout_call",
    "Check-out time, {left} left. /checkout and one win from today or a goal, with a 1-5 mood "
    "first if you like: /checkout 4 I'll call my sister. By direct message if you'd rather "
    "keep it private. Passing is fine too: /checkout pass.",
    kind=Kind.GROUP,
    left=Slot.DURATION,
)
END_WARNING = Msg(
    "session.end_warning", "{left} left in this session.", kind=Kind.GROUP, left=Slot.DURATION
)
RESUMED = Msg(
    "session.resumed",
    "We're back. {left} left in this session.",
    kind=Kind.GROUP,
    left=Slot.DURATION,
)
EXTENDED = Msg(
    "session.extended",
    "Session extended by {by}: {left} left.",
    kind=Kind.GROUP,
    by=Slot.DURATION,
    left=Slot.DURATION,
)
EXTENDED_PAUSED = Msg(
    "session.extended_paused",
    "Session extended by {by}: {left} left once we resume.",
    kind=Kind.GROUP,
    by=Slot.DURATION,
    left=Slot.DURATION,
)

# --- the close --------------------------------------------------------------------------------

CLOSED = Msg("session.closed", "The session is closed.", kind=Kind.GROUP)
NOBODY_CHECKED = Msg(
    "session.nobody_checked",
    "Nobody checked in or out this time, and that's okay.",
    kind=Kind.GROUP,
)
# TRANSLATORS: the close summary's counts; {checked_in} is session.count_in, {checked_out}
# session.count_out.
COUNTS = Msg(
    "session.counts",
    "{checked_in} and {checked_out}.",
    kind=Kind.GROUP,
    checked_in=Slot.TEXT,
    checked_out=Slot.TEXT,
)
COUNT_IN = Plural(
    "session.count_in", "{n} person checked in", "{n} people checked in", kind=Kind.WORD
)
COUNT_OUT = Plural(
    "session.count_out", "{n} person checked out", "{n} people checked out", kind=Kind.WORD
)
THANKS_WINS = Msg("session.thanks_wins", "Thank you for sharing your wins.", kind=Kind.GROUP)
THANKS = Msg(
    "session.thanks",
    "Thank you for holding space for each other. Take gentle care until next time.",
    kind=Kind.GROUP,
)
AFTERCARE = Msg(
    "session.aftercare",
    "If today stirred something up: /guide boundaries, /away to step back for a while, or "
    "/sos for human help.",
    kind=Kind.GROUP,
)

# --- co-hosts ---------------------------------------------------------------------------------

# TRANSLATORS: {who} is a mention of the new co-host.
COHOST_JOINED = Msg(
    "session.cohost_joined",
    "{who} is co-hosting this session. Thank you for sharing the floor.",
    kind=Kind.GROUP,
    who=Slot.PERSON,
)
COHOST_STEPPED_BACK = Msg(
    "session.cohost_stepped_back",
    "{who} is no longer co-hosting this session. Thank you for holding it with us.",
    kind=Kind.GROUP,
    who=Slot.PERSON,
)
HOSTED_BY = Msg(
    "session.hosted_by", "Holding this session: {host}.", kind=Kind.GROUP, host=Slot.PERSON
)
# TRANSLATORS: {cohosts} is a list of mentions ("A, B and C").
HOSTED_BY_WITH = Msg(
    "session.hosted_by_with",
    "Holding this session: {host}, with {cohosts}.",
    kind=Kind.GROUP,
    host=Slot.PERSON,
    cohosts=Slot.LIST,
)
COHOSTED_BY = Msg(
    "session.cohosted_by",
    "Co-hosting this session: {cohosts}.",
    kind=Kind.GROUP,
    cohosts=Slot.LIST,
)
NO_HOLDERS = Msg(
    "session.no_holders",
    "This session has no named host. A facilitator can /cohost @member to share the floor.",
    kind=Kind.GROUP,
)
