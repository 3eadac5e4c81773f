"""What the bot says about languages: ``/language`` by direct message, and the circle's
language in ``/circle setup``, ``/circle`` and ``/circle set language``.

The languages' names are data, not translations: each is written in itself ("Deutsch",
"Français") in every language, so that someone who cannot read the rest still finds theirs
(``facilitation.i18n.languages``).
"""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Slot

# --- what /help says of these commands, and the words of their checks --------------------
SUMMARY = Msg(
    "language.summary",
    "the language I write to you in, when I write to you alone",
    kind=Kind.WORD,
)
SHOW_SUMMARY = Msg(
    "language.show_summary",
    "your language now, and the languages I write in",
    kind=Kind.WORD,
)

# TRANSLATORS: {language} is a language's name in itself ("Deutsch", "Español").
YOURS = Msg(
    "language.yours",
    "I write to you alone in {language}: your own choice, in all your circles.",
    language=Slot.NAME,
)
# TRANSLATORS: {language} is a language's name in itself ("Deutsch", "Español").
FOLLOWING = Msg(
    "language.following",
    "I write to you alone in {language}, the language of your circle, until you choose one.",
    language=Slot.NAME,
)
AVAILABLE = Msg("language.available", "The languages I write in:", kind=Kind.WORD)
HOW_TO_CHOOSE = Msg(
    "language.how_to_choose",
    "To choose one, send /language and its code, like /language es. /language default "
    "goes back to your circle's language.",
)
# TRANSLATORS: {language} is a language's name in itself ("Deutsch", "Español").
CHOSEN = Msg(
    "language.chosen",
    "Done: I'll write to you alone in {language} from now on, in all your circles. Each "
    "circle's group posts stay in its own language.",
    language=Slot.NAME,
)
# TRANSLATORS: {language} is a language's name in itself ("Deutsch", "Español").
FOLLOWING_AGAIN = Msg(
    "language.following_again",
    "Done: what I write to you alone follows your circle's language again ({language}).",
    language=Slot.NAME,
)
UNKNOWN = Msg(
    "language.unknown",
    "I don't know that language. Choose one of these with /language and its code:",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {language} is a language's name in itself ("Deutsch", "Español").
CIRCLE_LINE = Msg(
    "language.circle_line",
    "Group posts in {language} (/circle set language CODE changes it).",
    language=Slot.NAME,
)
# TRANSLATORS: {language} is a language's name in itself ("Deutsch", "Español").
CIRCLE_SET_UP = Msg(
    "language.circle_set_up",
    "I'll post here in {language}: a facilitator can change it with /circle set language "
    "CODE. Each of you can choose your own language for what I send you alone: send me "
    "/language by direct message.",
    language=Slot.NAME,
)
EXPLAINS = Msg(
    "language.explains", "the language of the group's posts, by its code or name", kind=Kind.WORD
)
# TRANSLATORS: {languages} lists the codes: "en, es, de, fr or pt".
HINT = Msg("language.hint", "a language is one of {languages}", kind=Kind.WORD, languages=Slot.LIST)
