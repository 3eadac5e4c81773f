"""How an entry reads: one line per search result, and the whole record for ``/resource ID``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitation.directory.record import Resource, Status
from facilitation.directory.vetting import is_stale

MAX_DETAILS_CHARS = 1200
"""``details`` never exceeds this; only pathological records are shortened to fit."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SHORT_LINE_TAGS = 4


def _local(ms: int, tz: str) -> datetime:
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        zone = ZoneInfo("UTC")
    return (_EPOCH + timedelta(milliseconds=ms)).astimezone(zone)


def month_year(ms: int, tz: str = "UTC") -> str:
    local = _local(ms, tz)
    return f"{_MONTHS[local.month - 1]} {local.year}"


def day_month_year(ms: int, tz: str = "UTC") -> str:
    local = _local(ms, tz)
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}"


def _where(resource: Resource) -> str:
    parts = [part for part in (resource.region, "remote" if resource.remote else None) if part]
    return ", ".join(parts)


def short_line(resource: Resource, now: int, tz: str = "UTC") -> str:
    """One search result: ``#3 Name · therapist · Berlin, remote · tags · verified Mar 2026``.

    Never the contact: that is for ``/resource ID``.
    """
    parts = [f"#{resource.number} {resource.name}", resource.category.value]
    where = _where(resource)
    if where:
        parts.append(where)
    if resource.tags:
        shown = ", ".join(resource.tags[:_SHORT_LINE_TAGS])
        more = len(resource.tags) - _SHORT_LINE_TAGS
        parts.append(f"{shown} +{more}" if more > 0 else shown)
    if resource.status is not Status.VETTED:
        parts.append(resource.status.value)
    elif resource.verified_at is not None:
        parts.append(f"verified {month_year(resource.verified_at, tz)}")
    line = " · ".join(parts)
    if is_stale(resource, now):
        line += " · stale: re-vet?"
    return line


def details(resource: Resource, now: int, tz: str = "UTC") -> str:
    """The whole record for ``/resource ID``, one field a line, short enough for a phone."""
    head = [f"#{resource.number} {resource.name}"]
    where = _where(resource)
    head.append(f"{resource.category.value} · {where}" if where else resource.category.value)
    contact = resource.contact
    head += [f"phone: {phone}" for phone in contact.phones]
    head += [f"email: {email}" for email in contact.emails]
    head += [f"web: {url}" for url in contact.urls]
    if contact.other:
        head.append(f"other: {contact.other}")
    if resource.languages:
        head.append(f"languages: {', '.join(resource.languages)}")
    if resource.tags:
        head.append(f"tags: {', '.join(resource.tags)}")
    if resource.verified_at is not None:
        when = f"verified {day_month_year(resource.verified_at, tz)}"
    elif resource.status is Status.VETTED:
        when = "no verified date"
    else:
        when = "not yet vetted"
    status = f"{resource.status.value} · {when}"
    if is_stale(resource, now):
        status += " · stale: re-vet?"
    body = "\n".join(head)
    lines = [body]
    if resource.notes:
        # Notes are the one long field: cut them (rarely) so the whole reply fits a phone.
        room = MAX_DETAILS_CHARS - len(body) - len(status) - len("\nnotes: \n")
        notes = resource.notes
        if len(notes) > room:
            notes = notes[: max(room - 1, 0)] + "…"
        if room > 1:
            lines.append(f"notes: {notes}")
    lines.append(status)
    text = "\n".join(lines)
    if len(text) > MAX_DETAILS_CHARS:
        text = text[: MAX_DETAILS_CHARS - 1] + "…"
    return text
