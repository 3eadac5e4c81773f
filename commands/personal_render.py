"""What /mydata and /forgetme say: everything held about someone, in words, per circle.

Pure rendering of ``storage.personal.PersonalData`` (collected by the handlers in
``commands.personal``): times in each circle's own time zone, other people never named, not
even as a count of who vouched or objected.
"""

from __future__ import annotations

from commands.requests_flow import STATUS_WORDS
from facilitation.circle import PURPOSE_BLURB, Role, Standing
from facilitation.time_text import Style, format_local
from storage.personal import CircleInfo, PersonalData

MESSAGE_CHARS = 1800
"""/mydata is split into messages of at most this many characters."""
ELSEWHERE = (
    "You're also in circles I serve from another number: what they hold is shown and "
    "deleted by that number (send it /mydata or /forgetme too)."
)


def ban_lines(data: PersonalData) -> list[str]:
    """The ban lists they are on: a keyed one-way hash of their account id, per circle."""
    return [
        f"• The circle that is {PURPOSE_BLURB[circle.purpose]} keeps a keyed one-way hash of "
        "your account id on its list of people removed from it: if you ask to join it again, "
        "its facilitators decide. It can't be read back into your id, and /forgetme keeps "
        "it, so that asking to be forgotten doesn't undo a removal."
        for circle in data.banned_in
    ]


def chunks(lines: list[str], limit: int = MESSAGE_CHARS) -> list[str]:
    """Lines packed into messages of at most ``limit`` characters (a longer line is cut)."""
    messages: list[str] = []
    current = ""
    for line in lines:
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


def _tz(circle: CircleInfo | None) -> str:
    return circle.tz if circle is not None else "UTC"


def _day(ms: int, tz: str) -> str:
    return format_local(ms, tz, Style.DAY_YEAR)


def _when(ms: int, tz: str) -> str:
    return format_local(ms, tz, Style.DAY_YEAR_TIME)


def _quoted(text: str | None) -> str:
    return f'"{text}"' if text else "(no words)"


def describe(data: PersonalData, aci: str, now: int) -> list[str]:
    """/mydata's lines: one section per circle, times in that circle's time zone."""
    first = data.circles[0] if data.circles else None
    lines = [
        "Everything I hold about you (only you get this):",
        f"• your Signal account id (ACI), stored encrypted: {aci}",
    ]
    if data.created_at is not None:
        lines.append(f"• known to me since {_day(data.created_at, _tz(first))}")
    for number, circle in enumerate(data.circles, start=1):
        lines += _circle_lines(data, circle, number, now)
    if data.pending_messages:
        lines.append(
            f"\nMessages on their way to you or naming you: {data.pending_messages} "
            "(deleted once sent)."
        )
    if data.elsewhere:
        lines.append(f"\n{ELSEWHERE}")
    if data.banned_in:
        lines += ["", *ban_lines(data)]
    lines += [
        "",
        "Also kept, for 14 days: keyed one-way hashes of when your recent messages were "
        "sent, so that nothing acts twice. They don't name you.",
        "Other people are never named here. /forgetme deletes all of this.",
    ]
    return lines


def _circle_lines(data: PersonalData, circle: CircleInfo, number: int, now: int) -> list[str]:
    tz = _tz(circle)
    lines = ["", f"Circle {number}: {PURPOSE_BLURB[circle.purpose]} (times in {circle.tz})"]
    for section in _SECTIONS:
        lines += section(data, circle, tz, now)
    return lines


def _membership(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[str]:
    lines = []
    for m in (m for m in data.memberships if m.circle_id == circle.id):
        role = "facilitator" if m.role is Role.FACILITATOR else "member"
        founder = ", a founder" if m.founder else ""
        agreed = f"you accepted version {m.agreed_version}" if m.agreed_version else "not yet"
        if m.standing is Standing.UNVOUCHED:
            role = "in the group without a vouch, waiting for a facilitator to confirm you"
        lines += [
            f"• you: {role}{founder}, joined {_day(m.joined_at, tz)}",
            f"• your alias: {m.alias or 'none'}",
            f"• community agreement: {agreed} (current version {circle.agreement_version})",
        ]
        if m.away_until is not None and m.away_until > now:
            lines.append(f"• away until {_when(m.away_until, tz)}")
    return lines


def _checkins(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[str]:
    found = [c for c in data.checkins if c.circle_id == circle.id]
    if not found:
        return []
    lines = [f"Your check-ins and check-outs (deleted after {circle.retention_days} days):"]
    for c in found:
        kind = "check-in" if c.kind == "in" else "check-out"
        mood = "" if c.mood is None else f" · mood {c.mood}/5"
        lines.append(f"• {_when(c.created_at, tz)} · {kind}{mood} · {_quoted(c.words)}")
    return lines


def _vouches(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[str]:
    found = [v for v in data.vouches_given if v.circle_id == circle.id]
    if not found:
        return []
    lines = ["Vouches and concerns you gave:"]
    for v in found:
        what = "you vouched" if v.kind == "vouch" else f"your concern: {_quoted(v.reason)}"
        lines.append(
            f"• join request {v.request_number} ({v.newcomer_name}) · {what} · "
            f"{_day(v.created_at, tz)}"
        )
    return lines


def _requests(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[str]:
    """Their own requests. While one is open it says only that: whether it is held for the
    facilitators, or how many vouched or objected, would tell a newcomer that someone
    raised a concern (and in a small circle, who). Counts are never shown, decided or not."""
    found = [r for r in data.requests if r.circle_id == circle.id]
    if not found:
        return []
    lines = [
        "Your requests to join (who vouched or raised a concern, and how many, is never shown):"
    ]
    for r in found:
        state = "open" if r.status.open else STATUS_WORDS[r.status]
        lines.append(
            f'• request {r.number} as "{r.name}", {_day(r.created_at, tz)}: '
            f"{state} · your words: {_quoted(r.intro)}"
        )
    return lines


def _resources(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[str]:
    added = [r for r in data.resources_added if r.circle_id == circle.id]
    reviews = [r for r in data.reviews_given if r.circle_id == circle.id]
    lines = []
    if added:
        lines.append("Resources you suggested (your name on them is never shown):")
        lines += [f"• #{r.number} {r.name} ({r.status})" for r in added]
    if reviews:
        lines.append("Your vets and flags:")
        for review in reviews:
            what = "vetted" if review.kind == "vet" else f"flagged: {_quoted(review.reason)}"
            lines.append(
                f"• #{review.number} {review.resource_name} · {what} · "
                f"{_day(review.created_at, tz)}"
            )
    return lines


def _invites(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[str]:
    found = [i for i in data.invites if i.circle_id == circle.id]
    if not found:
        return []
    lines = ["Invites you made:"]
    for invite in found:
        if invite.used:
            state = "used"
        elif invite.expires_at <= now:
            state = "expired"
        else:
            state = f"unused, works until {_when(invite.expires_at, tz)}"
        lines.append(f"• made {_day(invite.created_at, tz)}: {state}")
    return lines


def _sessions(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[str]:
    found = [s for s in data.sessions if s.circle_id == circle.id]
    if not found:
        return []
    lines = ["Sessions whose record names you:"]
    for s in found:
        notes = ["you have the floor"] if s.speaking else []
        notes += [f"your hand is up ({t})" if t else "your hand is up" for t in s.hand_topics]
        if s.spoke:
            notes.append("you spoke")
        if s.away_until is not None:
            notes.append(f"away until {_when(s.away_until, tz)}")
        state = "open now" if s.open else "closed"
        lines.append(f"• session of {_when(s.started_at, tz)} ({state}): {', '.join(notes)}")
    return lines


_SECTIONS = (_membership, _checkins, _vouches, _requests, _resources, _invites, _sessions)


def inventory(data: PersonalData) -> list[str]:
    """What /forgetme deletes, counted."""

    def n(count: int, one: str, many: str | None = None) -> str:
        return f"{count} {one if count == 1 else (many or one + 's')}"

    items = ["your Signal account id"]
    if data.memberships:
        items.append(
            f"your membership of {n(len(data.memberships), 'circle')} (role, alias, dates)"
        )
    if data.checkins:
        items.append(n(len(data.checkins), "check-in or check-out", "check-ins and check-outs"))
    if data.vouches_given:
        items.append(
            n(len(data.vouches_given), "vouch or concern", "vouches and concerns") + " you gave"
        )
    if data.requests:
        items.append(n(len(data.requests), "request to join", "requests to join"))
    if data.reviews_given:
        items.append(n(len(data.reviews_given), "vet or flag", "vets and flags") + " you gave")
    if data.resources_added:
        items.append(
            f"your name on {n(len(data.resources_added), 'resource')} you suggested "
            "(the entries stay for the circle)"
        )
    if data.invites:
        items.append(n(len(data.invites), "invite") + " you made (unused codes stop working)")
    if data.sessions:
        items.append(
            f"your place in {n(len(data.sessions), 'session record')} "
            "(the anonymous counts and averages stay)"
        )
    if data.pending_messages:
        items.append(n(data.pending_messages, "message") + " not yet sent")
    return [f"• {item}" for item in items]


def confirmation(data: PersonalData, sole_facilitator_of: list[int], code: str) -> str:
    """What /forgetme deletes and keeps, and how to confirm; ``sole_facilitator_of``: the
    numbers (as /mydata counts them) of the circles that would be left without one."""
    lines = ["This deletes everything I hold about you, in every circle:", *inventory(data)]
    if data.memberships:
        lines.append(
            "I'll also take you out of the circles' Signal groups, and tell their facilitators "
            "that a member left and asked me to forget them, without your name."
        )
    for number, circle in enumerate(data.circles, start=1):
        if number in sole_facilitator_of:
            lines.append(
                f"You're the only facilitator of circle {number} "
                f"({PURPOSE_BLURB[circle.purpose]}): name another first with "
                "/facilitator add, or it will have none."
            )
    if data.elsewhere:
        lines.append(ELSEWHERE)
    if data.banned_in:
        lines += ["What stays:", *ban_lines(data)]
    lines += [
        "It can't be undone: if you come back later, it's as a newcomer.",
        f"To confirm, within 10 minutes send:\n/forgetme {code}",
        "/mydata shows it all first.",
    ]
    return "\n".join(lines)


def farewell(still_in: int, elsewhere: bool) -> str:
    """The last thing /forgetme says; ``still_in``: groups it could not take them out of."""
    text = "Done. I've deleted everything I held about you, and I don't know you any more."
    if still_in:
        text += (
            f" I couldn't take you out of the Signal group of {still_in} "
            f"circle{'s' if still_in != 1 else ''}: please leave it yourself."
        )
    if elsewhere:
        text += f" {ELSEWHERE}"
    return text + " Take care."
