"""How an entry reads: one line per search result, and the whole record for ``/resource ID``."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitation.directory.record import Resource, Status
from facilitation.directory.vetting import is_stale
from facilitation.i18n import Day, Piece, english, joined, lines
from facilitation.texts import directory as said

MAX_DETAILS_CHARS = 1200
"""``details`` never exceeds this; only pathological records are shortened to fit."""

_SHORT_LINE_TAGS = 4


_STATUS = {
    Status.PENDING: said.STATUS_PENDING,
    Status.VETTED: said.STATUS_VETTED,
    Status.FLAGGED: said.STATUS_FLAGGED,
    Status.REMOVED: said.STATUS_REMOVED,
}


def _where(resource: Resource) -> Piece | None:
    parts = [part for part in (resource.region, said.REMOTE if resource.remote else None) if part]
    return joined(*parts, sep=", ") if parts else None


def short_text(resource: Resource, now: int, tz: str = "UTC") -> Piece:
    """One search result, for its reader: ``#3 Name · therapist · Berlin, remote · tags ·
    verified Mar 2026``. Never the contact: that is for ``/resource ID``."""
    parts: list[object] = [f"#{resource.number} {resource.name}", resource.category.value]
    where = _where(resource)
    if where is not None:
        parts.append(where)
    if resource.tags:
        shown = ", ".join(resource.tags[:_SHORT_LINE_TAGS])
        more = len(resource.tags) - _SHORT_LINE_TAGS
        parts.append(f"{shown} +{more}" if more > 0 else shown)
    if resource.status is not Status.VETTED:
        parts.append(_STATUS[resource.status])
    elif resource.verified_at is not None:
        parts.append(said.VERIFIED.with_(date=Day(resource.verified_at, _zone(tz), True)))
    if is_stale(resource, now):
        parts.append(said.STALE)
    return joined(*parts, sep=" · ")


def short_line(resource: Resource, now: int, tz: str = "UTC") -> str:
    """``short_text`` in English (the operator's tools, code that still joins strings)."""
    return english(short_text(resource, now, tz))


def details_text(resource: Resource, now: int, tz: str = "UTC") -> Piece:
    """The whole record for ``/resource ID``, one field a line, short enough for a phone
    (the notes are cut to fit ``MAX_DETAILS_CHARS`` as the English reads)."""
    where = _where(resource)
    category = resource.category.value
    head: list[object] = [
        f"#{resource.number} {resource.name}",
        joined(category, " · ", where) if where is not None else category,
    ]
    contact = resource.contact
    head += [said.FIELD_PHONE.with_(value=phone) for phone in contact.phones]
    head += [said.FIELD_EMAIL.with_(value=email) for email in contact.emails]
    head += [said.FIELD_WEB.with_(value=url) for url in contact.urls]
    if contact.other:
        head.append(said.FIELD_OTHER.with_(value=contact.other))
    if resource.languages:
        head.append(said.FIELD_LANGUAGES.with_(value=", ".join(resource.languages)))
    if resource.tags:
        head.append(said.FIELD_TAGS.with_(value=", ".join(resource.tags)))
    when: object
    if resource.verified_at is not None:
        when = said.VERIFIED.with_(date=Day(resource.verified_at, _zone(tz)))
    elif resource.status is Status.VETTED:
        when = said.NO_VERIFIED_DATE
    else:
        when = said.NOT_YET_VETTED
    status: list[object] = [_STATUS[resource.status], when]
    if is_stale(resource, now):
        status.append(said.STALE)
    body, state = lines(*head), joined(*status, sep=" · ")
    shown: list[object] = [body]
    if resource.notes:
        # Notes are the one long field: cut them (rarely) so the whole reply fits a phone.
        room = MAX_DETAILS_CHARS - len(english(body)) - len(english(state)) - len("\nnotes: \n")
        notes = resource.notes
        if len(notes) > room:
            notes = notes[: max(room - 1, 0)] + "…"
        if room > 1:
            shown.append(said.FIELD_NOTES.with_(value=notes))
    shown.append(state)
    return lines(*shown)


def details(resource: Resource, now: int, tz: str = "UTC") -> str:
    """``details_text`` in English, never longer than ``MAX_DETAILS_CHARS``."""
    text = english(details_text(resource, now, tz))
    if len(text) > MAX_DETAILS_CHARS:
        text = text[: MAX_DETAILS_CHARS - 1] + "…"
    return text


def _zone(tz: str) -> str:
    """``tz`` if it names a zone, else UTC (a stored zone is checked; this is the guard)."""
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return "UTC"
    return tz
