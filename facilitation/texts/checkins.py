"""What a member hears about their own check-in and check-out: privately where it matters."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Slot
from facilitation.texts import FORMAT_ONLY

# --- what /help says of these commands, and the words of their checks --------------------
CHECKIN_SUMMARY = Msg(
    "checkin.summary",
    "how you're arriving; by direct message it stays private",
    kind=Kind.WORD,
)
CHECKOUT_SUMMARY = Msg(
    "checkout.summary",
    "how you're leaving: one positive thing, a goal for next week, or pass",
    kind=Kind.WORD,
)
GOALS_SUMMARY = Msg(
    "checkout.goals_summary",
    "your own goals and wins from recent check-outs (by direct message only)",
    kind=Kind.WORD,
)

# TRANSLATORS: to someone who just checked in with a 1 or a 2, privately (beside the 🌱 the
# circle sees). Warm, no pressure: they need not share anything.
LOW_CHECKIN = Msg(
    "checkin.low_private",
    "Thank you for being honest about how you're arriving. You don't have to share anything "
    "today: being here is enough.\n"
    "/pause, /nospace and /away are yours whenever you need them. If it gets to be too much, "
    "/sos shows you where to find human help and lets the facilitators know.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: a check-in sent while no session is open: thanks first, then why it wasn't kept.
CHECKIN_NO_SESSION = Msg(
    "checkin.no_session",
    "Thank you for checking in. There's no session open right now, so I haven't kept it. "
    "A facilitator can /session start one, and /schedule shows when the next is.",
)
CHECKOUT_NO_SESSION = Msg(
    "checkout.no_session",
    "Thank you. There's no session open right now, so I haven't kept your check-out. "
    "/schedule shows when the next one is.",
)
# TRANSLATORS: the answer to /checkout pass (or /checkout with no words).
PASSED = Msg("checkout.passed", "Being here counts. Thank you for coming.")
# TRANSLATORS: {days} is how many days check-outs are kept.
NO_GOALS = Msg(
    "checkout.no_goals",
    "No goals yet. End a session with /checkout and a goal for next week, and it shows up "
    "here for {days} days.",
    kind=Kind.REFUSAL,
    days=Slot.COUNT,
)
GOALS_TITLE = Msg("checkout.goals_title", "Your recent check-outs (only you see these):")
# TRANSLATORS: one of your own goals; {day} is a date, {words} what you wrote at check-out.
GOAL_LINE = Msg(
    "checkout.goal_line",
    "• {day}: {words}",
    kind=Kind.WORD,
    day=Slot.DATE,
    words=Slot.WORDS,
    same_in=FORMAT_ONLY,
)


# --- what a malformed check-in or check-out is told, after its usage line ------------------
HINT_START = Msg("checkin.hint_start", "start with your mood, a number from 1 to 5", kind=Kind.WORD)
HINT_MOOD = Msg("checkin.hint_mood", "the mood is a number from 1 to 5", kind=Kind.WORD)
HINT_MOOD_OPTIONAL = Msg(
    "checkout.hint_mood", "the mood is a number from 1 to 5, or leave it out", kind=Kind.WORD
)
