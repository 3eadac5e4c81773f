"""Who reads a message decides its language: lazy texts are rendered when they are staged.

A handler says what to say, not in which language: ``ctx.post(SESSION_OPENED.with_(...))``,
``ctx.direct(aci, SOS_ALERT.with_(...))``, ``raise Refusal(ONLY_FACILITATORS)``. Each such
message is kept lazy in the context (``OutgoingMessage.lazy``) and rendered once, in the
same transaction, just before it is stored in the outbox:

- a group post in the circle's language (``/circle set language``);
- a direct message in its recipient's language: their own choice, else their first
  circle's (``PeopleRepository.direct_language``); for someone the bot knows no language
  of (never stored, or in no circle yet), the language of the circle the message is about,
  so a newcomer's ``/join`` is answered in the circle's language, refusals included (the
  pipeline stages those with the circle the first pass found); English when there is none.
  One command can so answer the group in Spanish and alert a facilitator in German.

Plain strings and ``MessageText`` are passed through untouched (the texts not yet in the
catalog). The rendered mentions keep Signal's UTF-16 offsets; a text names people only
through ``Someone(aci, alias)`` pieces, whose ``ref`` is the account to notify.
"""

from __future__ import annotations

import dataclasses

from commands.types import Mention, Outgoing, OutgoingMessage
from facilitation.i18n import ENGLISH, Language, Piece, language_of, render
from storage.records import Circle
from storage.unit_of_work import UnitOfWork

Text = str | Piece
"""What a handler may say: a plain string (until every text is in the catalog) or a lazy
text of ``facilitation.i18n`` (a message with its parameters, ``lines(...)``...)."""


class Languages:
    """The languages of one staging's recipients, each looked up once."""

    def __init__(self, uow: UnitOfWork, circle: Circle | None) -> None:
        self._uow = uow
        self._circle = circle
        self._people: dict[str, Language] = {}
        self._otherwise = ENGLISH if circle is None else language_of(circle.settings.language)
        """For a reader the bot knows no language of: the circle's (a newcomer's)."""

    def of_group(self, group_id: str) -> Language:
        circle = self._circle
        if circle is not None and circle.group_id == group_id:
            return language_of(circle.settings.language)
        return ENGLISH  # a group that is not (or not this) circle: nobody chose otherwise

    async def of_person(self, aci: str) -> Language:
        if aci not in self._people:
            person = await self._uow.people.by_aci(aci)
            self._people[aci] = (
                self._otherwise
                if person is None
                else await self._uow.people.direct_language(person.id, self._otherwise)
            )
        return self._people[aci]


async def rendered(
    uow: UnitOfWork, outgoing: list[Outgoing], circle: Circle | None
) -> list[Outgoing]:
    """Every lazy message of ``outgoing`` in its reader's language, in order."""
    if not any(isinstance(item, OutgoingMessage) and item.lazy is not None for item in outgoing):
        return outgoing
    languages = Languages(uow, circle)
    done: list[Outgoing] = []
    for item in outgoing:
        if not isinstance(item, OutgoingMessage) or item.lazy is None:
            done.append(item)
            continue
        group = item.to.group_id
        aci = item.to.aci
        language = (
            languages.of_group(group)
            if group is not None
            else await languages.of_person(aci if aci is not None else "")
        )
        shown = render(item.lazy, language)
        mentions = tuple(Mention(m.ref, m.start, m.length) for m in shown.mentions)
        done.append(
            dataclasses.replace(
                item, text=shown.text, mentions=(*item.mentions, *mentions), lazy=None
            )
        )
    return done
