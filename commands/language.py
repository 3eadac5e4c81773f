"""/language: a person's own language, for everything sent to them alone.

By direct message only, and across all their circles (it is stored with the person, not a
membership): ``/language de``; ``/language`` shows the choice and the languages;
``/language default`` goes back to following their circle (the first they joined). A
circle's group posts keep the circle's language (``/circle set language``). Anything that is
not a language (an unknown code, odd characters, a whole sentence) gets the list and stores
nothing; what is typed is never repeated back. Someone the bot holds nothing about gets no
answer, as with every command that is not for strangers: choosing a language would be the
first thing stored about them.
"""

from __future__ import annotations

from commands.context import CommandContext
from commands.errors import Refusal
from commands.router import CommandRouter
from commands.rules import IF_KNOWN, Access, Where
from facilitation.i18n import (
    LANGUAGES,
    Language,
    Verbatim,
    language_of,
    lines,
    parse_language,
)
from facilitation.i18n.argument_words import FOLLOW_CIRCLE
from facilitation.i18n.typed import read
from facilitation.texts import language as said
from storage.records import Person

language_router = CommandRouter("language")
language = language_router.group(
    "language",
    summary=said.SUMMARY,
    where=Where.DIRECT,
    access=Access.ANYONE,
    strangers=IF_KNOWN,
)

DEFAULT = "default"
"""What goes back to following the circle (``/language default``)."""


def listed() -> tuple[Verbatim, ...]:
    """One line per language: its code and its name in itself, the same in every language."""
    return tuple(Verbatim(f"{lang.code} · {lang.name}") for lang in LANGUAGES)


def language_shown(code: str) -> str:
    """A language as a setting shows it: its name in itself and its code, the same in every
    language: ``Español (es)``."""
    found = language_of(code)
    return f"{found.name} ({found.code})"


def parse_choice(text: str) -> Language | None:
    """A language, or None for ``default``; anything else is answered with the list."""
    if read(FOLLOW_CIRCLE, text.strip()) == DEFAULT:  # default, predeterminado, Standard...
        return None
    chosen = parse_language(text.strip())
    if chosen is None:
        raise Refusal(lines(said.UNKNOWN, *listed()))
    return chosen


def _person(ctx: CommandContext) -> Person:
    """The guards let only someone the bot holds (``IF_KNOWN``) this far."""
    assert ctx.person is not None
    return ctx.person


@language.alone(summary=said.SHOW_SUMMARY)
async def show(ctx: CommandContext, _: None) -> None:
    person = _person(ctx)
    current = await ctx.uow.people.direct_language(person.id)
    own = await ctx.uow.people.language(person.id)
    state = said.FOLLOWING if own is None else said.YOURS
    ctx.reply(
        lines(
            state.with_(language=current.name),
            "",
            said.AVAILABLE,
            *listed(),
            "",
            said.HOW_TO_CHOOSE,
        )
    )


@language.otherwise(usage=f"<CODE|{DEFAULT}>", example="/language es", parse=parse_choice)
async def choose(ctx: CommandContext, chosen: Language | None) -> None:
    person = _person(ctx)
    people = ctx.uow.people
    await people.set_language(person.id, None if chosen is None else chosen.code)
    now = await people.direct_language(person.id)  # the reply itself is in it
    ctx.reply(
        said.FOLLOWING_AGAIN.with_(language=now.name)
        if chosen is None
        else said.CHOSEN.with_(language=now.name)
    )
