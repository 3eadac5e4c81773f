"""What the bot says about the circle's recurring sessions, and the reminders before them."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Slot

# --- what /help says of these commands, and the words of their checks --------------------
SUMMARY = Msg(
    "schedule.summary",
    "recurring sessions in the circle's time zone, with reminders",
    kind=Kind.WORD,
)
WEEKLY_SUMMARY = Msg(
    "schedule.weekly_summary",
    "a session every week, with reminders an hour before and at the time",
    kind=Kind.WORD,
)
SHOW_SUMMARY = Msg(
    "schedule.show_summary",
    "the circle's scheduled sessions",
    kind=Kind.WORD,
)
CANCEL_SUMMARY = Msg(
    "schedule.cancel_summary",
    "stop one of the schedules (facilitators)",
    kind=Kind.WORD,
)
NUMBER_HINT = Msg(
    "schedule.number_hint",
    "a number from /schedule",
    kind=Kind.WORD,
)

# TRANSLATORS: a weekly schedule; {day} is a weekday ("Tuesday"), {time} a 24-hour time,
# {zone} the circle's time zone ("Europe/Berlin"), {length} a length of time.
RULE = Msg(
    "schedule.rule",
    "every {day} at {time} in {zone}, for {length}",
    kind=Kind.WORD,
    day=Slot.DATE,
    time=Slot.TIME,
    zone=Slot.NAME,
    length=Slot.DURATION,
)
# TRANSLATORS: {rule} is schedule.rule; {when} the next session ("Tuesday 1 December at 19:00").
ADDED = Msg(
    "schedule.added",
    "Scheduled: {rule}. Next: {when}. I'll remind the circle an hour before and at the time.",
    rule=Slot.TEXT,
    when=Slot.TIME,
)
NONE = Msg(
    "schedule.none",
    "No sessions are scheduled. A facilitator can add one: /schedule weekly tue 19:00 90m",
)
TITLE = Msg("schedule.title", "Scheduled sessions:")
# TRANSLATORS: one line of /schedule: its number, schedule.rule, and the next session.
LINE = Msg(
    "schedule.line",
    "{number}. {rule}; next {when}",
    kind=Kind.WORD,
    number=Slot.COUNT,
    rule=Slot.TEXT,
    when=Slot.TIME,
)
CANCELLED = Msg("schedule.cancelled", "Cancelled: {rule}.", rule=Slot.TEXT)
# TRANSLATORS: {n} is the most schedules a circle can have.
TOO_MANY = Msg(
    "schedule.too_many",
    "A circle can have up to {n} schedules. /schedule cancel one first.",
    kind=Kind.REFUSAL,
    n=Slot.COUNT,
)
# TRANSLATORS: posted to the circle an hour before a session; {when} is when it starts,
# {length} how long it lasts. The mentions of the members it reminds follow.
HOUR_BEFORE = Msg(
    "schedule.hour_before",
    "Reminder: our circle meets in an hour, {when}, for {length}. Come if you can; /away if "
    "you need rest.",
    kind=Kind.GROUP,
    when=Slot.TIME,
    length=Slot.DURATION,
)
# TRANSLATORS: posted at the time of a session nobody has opened yet; {length} is written as
# the command takes it ("90m"). The mentions of the members it reminds follow.
AT_THE_TIME = Msg(
    "schedule.at_the_time",
    "It's time for our circle. A facilitator can open it with /session start {length}. "
    "Come if you can; /away if you need rest.",
    kind=Kind.GROUP,
    length=Slot.TEXT,
)


# --- what a malformed /schedule weekly is told, after its usage line ----------------------
HINT_WRITTEN = Msg(
    "schedule.hint_written",
    "for example /schedule weekly tue 19:00 90m",
    kind=Kind.WORD,
)
HINT_DAY = Msg(
    "schedule.hint_day",
    "the day is mon to sun or its full name, like tue or tuesday",
    kind=Kind.WORD,
)
HINT_TIME = Msg(
    "schedule.hint_time", "the time is HH:MM on a 24-hour clock, like 19:00 or 7:05", kind=Kind.WORD
)
HINT_TIME_AFTER_DAY = Msg(
    "schedule.hint_time_after_day",
    "add a time after the day: HH:MM on a 24-hour clock, like 19:00",
    kind=Kind.WORD,
)
HINT_DURATION = Msg("schedule.hint_duration", "the length is like 45m, 2h or 1h30m", kind=Kind.WORD)
HINT_LENGTH = Msg("schedule.hint_length", "a session can last at most 8 hours", kind=Kind.WORD)
HINT_ZONE = Msg("schedule.hint_zone", "a time zone is a name like Europe/Berlin", kind=Kind.WORD)
