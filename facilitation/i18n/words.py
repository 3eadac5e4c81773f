"""The catalog's own small words: what the pieces (people, moments) are written with."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# TRANSLATORS: stands for a person whose name is not shown, in the middle of a sentence.
SOMEONE = Msg("words.someone", "someone", kind=Kind.WORD)

# TRANSLATORS: {day} is a weekday, day and month ("Tuesday 1 December"), {time} a 24-hour
# time ("19:00"). The form is chosen by the hour, so a language can say "a la 1:00" but
# "a las 19:00" (Spanish), "à 1:00" but "às 19:00" (Portuguese).
DAY_AT = Plural(
    "when.day_at",
    "{day} at {time}",
    "{day} at {time}",
    count="hour",
    kind=Kind.WORD,
    day=Slot.DATE,
    time=Slot.TIME,
)
# TRANSLATORS: {time} is a 24-hour time ("19:00"); the form is chosen by the hour, as above.
TODAY_AT = Plural(
    "when.today_at",
    "today at {time}",
    "today at {time}",
    count="hour",
    kind=Kind.WORD,
    time=Slot.TIME,
)
# TRANSLATORS: {time} is a 24-hour time ("19:00"); the form is chosen by the hour, as above.
TOMORROW_AT = Plural(
    "when.tomorrow_at",
    "tomorrow at {time}",
    "tomorrow at {time}",
    count="hour",
    kind=Kind.WORD,
    time=Slot.TIME,
)
