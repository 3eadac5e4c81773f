"""Named texts in five languages: declare a message once in English, return it with its
parameters as a lazy value, render it for whoever reads it.

    from facilitation.i18n import Duration, Kind, Msg, Slot, Someone, render, speaking

    FLOOR_GIVEN = Msg(
        "session.floor_given",
        "{speaker}, you have the floor for {length}. /done when you're finished.",
        kind=Kind.GROUP, speaker=Slot.PERSON, length=Slot.DURATION,
    )
    said = FLOOR_GIVEN.with_(speaker=Someone(aci, "Sky"), length=Duration(300_000))
    with speaking("es"):
        shown = render(said)   # shown.text, shown.mentions (UTF-16 offsets), shown.about

gettext underneath (the name is the ``msgctxt``, the English the ``msgid``), catalogs under
``facilitation/locales`` (``make i18n``), CLDR formats through Babel, imported only when a
number, a length of time or a date is first written. Pure: no asyncio, no SQL, no Signal.
The README's "Languages" section says how a language is chosen and how to add one.
"""

from facilitation.i18n.catalogs import CATALOGS, Catalogs
from facilitation.i18n.languages import (
    CODES,
    ENGLISH,
    LANGUAGES,
    TRANSLATED,
    Language,
    by_code,
    direct_language,
    language_of,
    parse_language,
)
from facilitation.i18n.messages import MESSAGES, Kind, Message, Msg, Plural, Registry, Said, Slot
from facilitation.i18n.pieces import ListOf, Number, Piece, Someone, Verbatim, joined, lines
from facilitation.i18n.render import (
    MentionAt,
    Rendered,
    TextProblem,
    current_language,
    english,
    render,
    speaking,
    strict_rendering,
    utf16_len,
)
from facilitation.i18n.when import Clock, Day, Duration, NextSession, SessionTime, Weekday

__all__ = [
    "CATALOGS",
    "CODES",
    "ENGLISH",
    "LANGUAGES",
    "MESSAGES",
    "TRANSLATED",
    "Catalogs",
    "Clock",
    "Day",
    "Duration",
    "Kind",
    "Language",
    "ListOf",
    "MentionAt",
    "Message",
    "Msg",
    "NextSession",
    "Number",
    "Piece",
    "Plural",
    "Registry",
    "Rendered",
    "Said",
    "SessionTime",
    "Slot",
    "Someone",
    "TextProblem",
    "Verbatim",
    "Weekday",
    "by_code",
    "current_language",
    "direct_language",
    "english",
    "joined",
    "language_of",
    "lines",
    "parse_language",
    "render",
    "speaking",
    "strict_rendering",
    "utf16_len",
]
