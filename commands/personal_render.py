"""What /mydata and /forgetme say: everything held about someone, in words, per circle.

Pure rendering of ``storage.personal.PersonalData`` (collected by the handlers in
``commands.personal``) into texts of the catalog (facilitation/texts/personal.py): times in
each circle's own time zone, other people never named, not even as a count of who vouched
or objected. /mydata is rendered in the reader's language before it is cut into messages
(``chunks``), since a long inventory must be split where its lines end.
"""

from __future__ import annotations

from collections.abc import Callable

from commands import personal_care
from commands.personal_holding import holding_items, holding_lines
from commands.requests_flow import STATUS_WORDS
from facilitation.circle import Purpose, Role, Standing
from facilitation.i18n import (
    Day,
    Language,
    ListOf,
    Msg,
    Piece,
    Plural,
    SessionTime,
    joined,
    lines,
    render,
)
from facilitation.texts import personal as t
from facilitation.texts import proposals as said_proposals
from facilitation.texts import tell as said_tell
from storage.personal import CircleInfo, PersonalData

Line = object
"""One line of the inventory: a lazy text."""

MESSAGE_CHARS = 1800
"""/mydata is split into messages of at most this many characters."""

PURPOSES: dict[Purpose, Msg] = {
    Purpose.SUPPORT: t.PURPOSE_SUPPORT,
    Purpose.VENTING: t.PURPOSE_VENTING,
    Purpose.MASTERMIND: t.PURPOSE_MASTERMIND,
}


def ban_lines(data: PersonalData) -> list[Line]:
    """The ban lists they are on: a keyed fingerprint of their account, per circle."""
    return [t.BANNED_IN.with_(purpose=PURPOSES[circle.purpose]) for circle in data.banned_in]


def chunks(shown: list[str], limit: int = MESSAGE_CHARS) -> list[str]:
    """Lines packed into messages of at most ``limit`` characters (a longer line is cut)."""
    messages: list[str] = []
    current = ""
    for line in shown:
        while len(line) > limit:
            if current:
                messages.append(current)
                current = ""
            messages.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            messages.append(current)
            candidate = line
        current = candidate
    if current:
        messages.append(current)
    return messages


def rendered(said: list[Line], language: Language) -> list[str]:
    """Each line in ``language``; a line may itself hold several (a blank one between)."""
    return [render(line, language).text for line in said]


def _tz(circle: CircleInfo | None) -> str:
    return circle.tz if circle is not None else "UTC"


def _quoted(text: str | None) -> Line:
    return t.QUOTED.with_(words=text) if text else t.NO_WORDS


def describe(data: PersonalData, aci: str, now: int) -> list[Line]:
    """/mydata's lines: one section per circle, times in that circle's time zone."""
    first = data.circles[0] if data.circles else None
    said: list[Line] = [t.MYDATA_HEADER, t.MYDATA_ACCOUNT.with_(account=aci)]
    if data.created_at is not None:
        said.append(t.MYDATA_KNOWN_SINCE.with_(day=Day(data.created_at, _tz(first))))
    for number, circle in enumerate(data.circles, start=1):
        said += _circle_lines(data, circle, number, now)
    if data.pending_messages:
        said += ["", t.MYDATA_PENDING.with_(n=data.pending_messages)]
    if data.elsewhere:
        said += ["", t.ELSEWHERE]
    if data.banned_in:
        said += ["", *ban_lines(data)]
    return [*said, "", t.MYDATA_RECENT, t.MYDATA_FOOTER]


def _circle_lines(data: PersonalData, circle: CircleInfo, number: int, now: int) -> list[Line]:
    tz = _tz(circle)
    heading = t.MYDATA_CIRCLE.with_(number=number, purpose=PURPOSES[circle.purpose], tz=tz)
    said: list[Line] = ["", heading]
    for section in _SECTIONS:
        said += section(data, circle, tz, now)
    return said


def _membership(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[Line]:
    said: list[Line] = []
    for m in (m for m in data.memberships if m.circle_id == circle.id):
        role: Line = t.ROLE_FACILITATOR if m.role is Role.FACILITATOR else t.ROLE_MEMBER
        if m.standing is Standing.UNVOUCHED:
            role = t.ROLE_UNVOUCHED
        if m.founder:
            role = t.ROLE_FOUNDER.with_(role=role)
        current = circle.agreement_version
        said += [
            t.MYDATA_YOU.with_(role=role, day=Day(m.joined_at, tz)),
            t.MYDATA_ALIAS.with_(alias=m.alias) if m.alias else t.MYDATA_NO_ALIAS,
            t.MYDATA_AGREED.with_(version=m.agreed_version, current=current)
            if m.agreed_version
            else t.MYDATA_NOT_AGREED.with_(current=current),
        ]
        if m.away_until is not None and m.away_until > now:
            said.append(t.MYDATA_AWAY.with_(when=SessionTime(m.away_until, tz)))
    return said


def _checkins(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[Line]:
    found = [c for c in data.checkins if c.circle_id == circle.id]
    if not found:
        return []
    said: list[Line] = [t.CHECKINS_HEADER.with_(n=circle.retention_days)]
    for c in found:
        said.append(
            t.CHECKIN_LINE.with_(
                when=SessionTime(c.created_at, tz),
                what=t.CHECKIN if c.kind == "in" else t.CHECKOUT,
                mood="" if c.mood is None else t.MOOD.with_(mood=c.mood),
                words=_quoted(c.words),
            )
        )
    return said


def _vouches(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[Line]:
    found = [v for v in data.vouches_given if v.circle_id == circle.id]
    if not found:
        return []
    said: list[Line] = [t.VOUCHES_HEADER]
    for v in found:
        what = t.YOU_VOUCHED if v.kind == "vouch" else t.YOUR_CONCERN.with_(words=_quoted(v.reason))
        said.append(
            t.VOUCH_LINE.with_(
                number=v.request_number,
                newcomer=v.newcomer_name,
                what=what,
                day=Day(v.created_at, tz),
            )
        )
    return said


def _requests(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[Line]:
    """Their own requests. While one is open it says only that: whether it is held for the
    facilitators, or how many vouched or objected, would tell a newcomer that someone
    raised a concern (and in a small circle, who). Counts are never shown, decided or not."""
    found = [r for r in data.requests if r.circle_id == circle.id]
    if not found:
        return []
    said: list[Line] = [t.REQUESTS_HEADER]
    for r in found:
        said.append(
            t.REQUEST_LINE.with_(
                number=r.number,
                chosen=r.name,
                day=Day(r.created_at, tz),
                state=t.REQUEST_OPEN if r.status.open else STATUS_WORDS[r.status],
                words=_quoted(r.intro),
            )
        )
    return said


def _resources(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[Line]:
    added = [r for r in data.resources_added if r.circle_id == circle.id]
    reviews = [r for r in data.reviews_given if r.circle_id == circle.id]
    said: list[Line] = []
    if added:
        said.append(t.SUGGESTED_HEADER)
        said += [
            t.SUGGESTED_LINE.with_(number=r.number, entry=r.name, status=str(r.status))
            for r in added
        ]
    if reviews:
        said.append(t.REVIEWS_HEADER)
        for review in reviews:
            what = (
                t.VETTED if review.kind == "vet" else t.FLAGGED.with_(words=_quoted(review.reason))
            )
            said.append(
                t.REVIEW_LINE.with_(
                    number=review.number,
                    entry=review.resource_name,
                    what=what,
                    day=Day(review.created_at, tz),
                )
            )
    return said


def _invites(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[Line]:
    found = [i for i in data.invites if i.circle_id == circle.id]
    if not found:
        return []
    said: list[Line] = [t.INVITES_HEADER]
    for invite in found:
        state: Line
        if invite.used:
            state = t.INVITE_USED
        elif invite.expires_at <= now:
            state = t.INVITE_EXPIRED
        else:
            state = t.INVITE_UNUSED.with_(when=SessionTime(invite.expires_at, tz))
        said.append(t.INVITE_LINE.with_(day=Day(invite.created_at, tz), state=state))
    return said


def _sessions(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[Line]:
    found = [s for s in data.sessions if s.circle_id == circle.id]
    if not found:
        return []
    said: list[Line] = [t.SESSIONS_HEADER]
    for s in found:
        notes: list[Line] = [t.HAS_FLOOR] if s.speaking else []
        notes += [t.HAND_UP_TOPIC.with_(words=x) if x else t.HAND_UP for x in s.hand_topics]
        if s.spoke:
            notes.append(t.SPOKE)
        if s.away_until is not None:
            notes.append(t.AWAY_UNTIL.with_(when=SessionTime(s.away_until, tz)))
        said.append(
            t.SESSION_LINE.with_(
                when=SessionTime(s.started_at, tz),
                state=t.SESSION_OPEN if s.open else t.SESSION_CLOSED,
                notes=ListOf(notes) if notes else "",
            )
        )
    return said


_SECTIONS: tuple[Callable[[PersonalData, CircleInfo, str, int], list[Line]], ...] = (
    _membership,
    _checkins,
    _vouches,
    _requests,
    _resources,
    _invites,
    _sessions,
    personal_care.tickets,
    personal_care.proposals,
    holding_lines,
)


def inventory(data: PersonalData) -> list[Line]:
    """What /forgetme deletes, counted."""
    counted: list[tuple[int, Plural]] = [
        (len(data.memberships), t.ITEM_MEMBERSHIPS),
        (len(data.checkins), t.ITEM_CHECKINS),
        (len(data.vouches_given), t.ITEM_VOUCHES),
        (len(data.requests), t.ITEM_REQUESTS),
        (len(data.reviews_given), t.ITEM_REVIEWS),
        (len(data.resources_added), t.ITEM_RESOURCES),
        (len(data.invites), t.ITEM_INVITES),
        (len(data.sessions), t.ITEM_SESSIONS),
        (len(data.tickets), said_tell.ITEM_TICKETS),
        (len(data.votes), said_proposals.ITEM_VOTES),
        *holding_items(data),
        (data.pending_messages, t.ITEM_PENDING),
    ]
    items: list[Line] = [t.ITEM_ACCOUNT, *(item.with_(n=n) for n, item in counted if n)]
    return [t.ITEM.with_(item=item) for item in items]


def confirmation(data: PersonalData, sole_facilitator_of: list[int], code: str) -> Piece:
    """What /forgetme deletes and keeps, and how to confirm; ``sole_facilitator_of``: the
    numbers (as /mydata counts them) of the circles that would be left without one."""
    said: list[Line] = [t.FORGET_HEADER, *inventory(data)]
    if data.memberships:
        said.append(t.FORGET_GROUPS)
    for number, circle in enumerate(data.circles, start=1):
        if number in sole_facilitator_of:
            purpose = PURPOSES[circle.purpose]
            said.append(t.FORGET_SOLE_FACILITATOR.with_(number=number, purpose=purpose))
    if data.elsewhere:
        said.append(t.ELSEWHERE)
    if data.banned_in:
        said += [t.FORGET_STAYS, *ban_lines(data)]
    said.append(t.FORGET_CONFIRM.with_(code=code))
    return lines(*said)


def farewell(still_in: int, elsewhere: bool) -> Piece:
    """The last thing /forgetme says; ``still_in``: groups it could not take them out of."""
    said: list[Line] = [t.FAREWELL]
    if still_in:
        said.append(t.FAREWELL_STILL_IN.with_(n=still_in))
    if elsewhere:
        said.append(t.ELSEWHERE)
    said.append(t.TAKE_CARE)
    return joined(*said, sep=" ")
