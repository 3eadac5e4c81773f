"""What one person hears about the session they asked about: /session, /queue, and why a
session command can't be done right now (each refusal says what to do instead)."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot
from facilitation.texts import FORMAT_ONLY

# --- what /help says of these commands, and the words of their checks --------------------
SESSION_SUMMARY = Msg(
    "session.summary",
    "open a timed session, see how it's going, extend or end it",
    kind=Kind.WORD,
)
START_SUMMARY = Msg(
    "session.start_summary",
    "open a timed session (facilitators)",
    kind=Kind.WORD,
)
STATUS_SUMMARY = Msg(
    "session.status_summary",
    "how the open session is going",
    kind=Kind.WORD,
)
EXTEND_SUMMARY = Msg(
    "session.extend_summary",
    "give the open session more time (facilitators and co-hosts)",
    kind=Kind.WORD,
)
END_SUMMARY = Msg(
    "session.end_summary",
    "close the open session now (facilitators)",
    kind=Kind.WORD,
)
SHORTEST_SESSION_HINT = Msg(
    "session.shortest_hint",
    "a session lasts at least 1m",
    kind=Kind.WORD,
)
TURN_LENGTH_HINT = Msg(
    "session.turn_hint",
    "a turn is at least 15s and no longer than the session",
    kind=Kind.WORD,
)
HAND_SUMMARY = Msg(
    "turns.hand_summary",
    "raise your hand to share (people who haven't spoken yet go first)",
    kind=Kind.WORD,
)
LOWER_SUMMARY = Msg(
    "turns.lower_summary",
    "lower your hand",
    kind=Kind.WORD,
)
QUEUE_SUMMARY = Msg(
    "turns.queue_summary",
    "who is speaking and who is waiting (by alias, without pinging anyone)",
    kind=Kind.WORD,
)
DONE_SUMMARY = Msg(
    "turns.done_summary",
    "finish your turn",
    kind=Kind.WORD,
)
NEXT_SUMMARY = Msg(
    "turns.next_summary",
    "call the next speaker (facilitators and co-hosts; or the speaker, to pass the floor)",
    kind=Kind.WORD,
)
PAUSE_SUMMARY = Msg(
    "turns.pause_summary",
    "pause the session for a breath (every timer stops)",
    kind=Kind.WORD,
)
RESUME_SUMMARY = Msg(
    "turns.resume_summary",
    "carry on after a pause, with the time that was left (facilitators and co-hosts)",
    kind=Kind.WORD,
)

# --- refusals, by the session core's reason ---------------------------------------------------

NOT_SPEAKER = Msg(
    "turns.not_speaker",
    "Only the person speaking can do that. /hand to join the queue.",
    kind=Kind.REFUSAL,
)
ALREADY_QUEUED = Msg(
    "turns.already_queued",
    "Your hand is already up. /queue shows where you are.",
    kind=Kind.REFUSAL,
)
ALREADY_SPEAKING = Msg(
    "turns.already_speaking",
    "You have the floor right now. /done when you're finished.",
    kind=Kind.REFUSAL,
)
NOT_QUEUED = Msg("turns.not_queued", "Your hand isn't up. /hand raises it.", kind=Kind.REFUSAL)
PAUSED = Msg(
    "turns.paused",
    "We're paused. A facilitator can /resume when the circle is ready.",
    kind=Kind.REFUSAL,
)
NOT_PAUSED = Msg(
    "turns.not_paused",
    "We aren't paused. /pause if the circle needs a breath.",
    kind=Kind.REFUSAL,
)
CLOSED = Msg(
    "turns.closed",
    "That session has already closed. A facilitator can /session start a new one.",
    kind=Kind.REFUSAL,
)
CHECKING_OUT = Msg(
    "turns.checking_out",
    "We're checking out now: /checkout with one positive thing or a goal, or /checkout pass.",
    kind=Kind.REFUSAL,
)
AWAY = Msg("turns.away", "You're set as away. /back first, and welcome back.", kind=Kind.REFUSAL)
CANT_NOW = Msg(
    "turns.cant_now",
    "That can't be done in the session right now. /session shows how it's going.",
    kind=Kind.REFUSAL,
)
NO_SESSION = Msg(
    "turns.no_session",
    "There's no session open right now. A facilitator can /session start one.",
    kind=Kind.REFUSAL,
)
ALREADY_OPEN = Msg(
    "turns.already_open",
    "A session is already open: /session shows how it's going.",
    kind=Kind.REFUSAL,
)

# --- /session ---------------------------------------------------------------------------------

NONE_OPEN = Msg("turns.none_open", "No session is open. A facilitator can /session start one.")
# TRANSLATORS: the phase a session is in, for /session.
PHASE_CHECK_IN = Msg("turns.phase_check_in", "check-in", kind=Kind.WORD)
PHASE_SHARING = Msg("turns.phase_sharing", "sharing", kind=Kind.WORD)
PHASE_CHECK_OUT = Msg("turns.phase_check_out", "check-out", kind=Kind.WORD)
# TRANSLATORS: {phase} is turns.phase_*; {left} a length of time.
STATUS = Msg("turns.status", "Session: {phase}, {left} left.", phase=Slot.TEXT, left=Slot.DURATION)
STATUS_WINS = Msg("turns.status_wins", "Wins only today.")
STATUS_PAUSED = Msg("turns.status_paused", "We're paused.")
SOMEONE_SPEAKING = Plural(
    "turns.someone_speaking",
    "Someone has the floor. Hands up: {n}.",
    "Someone has the floor. Hands up: {n}.",
)
FLOOR_FREE = Plural(
    "turns.floor_free",
    "The floor is open. Hands up: {n}.",
    "The floor is open. Hands up: {n}.",
)

# --- /queue -----------------------------------------------------------------------------------

# TRANSLATORS: {who} is a name (no mention: nobody is pinged); {left} a length of time.
SPEAKING = Msg(
    "turns.speaking", "Speaking: {who}, {left} left.", who=Slot.PERSON, left=Slot.DURATION
)
WAITING = Msg("turns.waiting", "Waiting, in order:")
# TRANSLATORS: one line of the queue: its place and a name.
WAITING_LINE = Msg(
    "turns.waiting_line",
    "{place}. {who}",
    kind=Kind.WORD,
    place=Slot.COUNT,
    who=Slot.PERSON,
    same_in=FORMAT_ONLY,
)
EMPTY_QUEUE = Msg("turns.empty_queue", "Nobody is speaking and no hands are up. /hand to share.")
