"""/mydata and /forgetme: what I hold about you, and forgetting it.

Both work by direct message only. /mydata sends everything decrypted, to the person alone,
and never names anyone else (who vouched or objected is never shown, not even as a count).
/forgetme first says what it will delete and gives a short code; ``/forgetme CODE`` within
ten minutes deletes it all (``storage.personal.erase``), takes them out of their circles'
Signal groups and tells each circle's facilitators, without a name, that a member left.

The pending confirmation lives in memory only, keyed by a keyed hash of the ACI and holding
a keyed hash of the code: nothing about a pending deletion is written to the database, and
a restart just means asking again.
"""

from __future__ import annotations

import hmac
import secrets
import uuid
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from zoneinfo import ZoneInfo

from commands.context import CircleContext, CommandContext
from commands.errors import Refusal, UsageError
from commands.ports import MembershipError
from commands.requests_flow import STATUS_WORDS, tell_facilitators
from commands.router import CommandRouter
from commands.rules import IF_KNOWN, Access, Where
from commands.session_flow import carry_on, open_session
from facilitation.circle import PURPOSE_BLURB, Role, Standing
from storage.crypto import normalize_aci
from storage.personal import CircleInfo, ErasureReport, PersonalData, collect, erase
from storage.unit_of_work import Storage

personal_router = CommandRouter("personal")

NOTHING_HELD = "I hold nothing about you."
LEFT_NOTICE = "A member has left the circle and asked me to forget them."
MESSAGE_CHARS = 1800
"""/mydata is split into messages of at most this many characters."""
CONFIRM_MS = 10 * 60_000
CODE_LENGTH = 6
CODE_ALPHABET = "ACDEFGHJKMNPRTWXY"
"""Capital letters without look-alikes (no B/8, I/L/1, O/Q/0, S/5, U/V, Z/2)."""
MAX_TRIES = 5
MAX_PENDING = 10_000
ELSEWHERE = (
    "You're also in circles I serve from another number: what they hold is shown and "
    "deleted by that number (send it /mydata or /forgetme too)."
)
FORGET_USAGE = "/forgetme · /forgetme CODE (the code I send you, to confirm)"


# --- pending confirmations, in memory ------------------------------------------------------
class Check(Enum):
    CONFIRMED = "confirmed"
    NONE = "none"
    EXPIRED = "expired"
    WRONG = "wrong"
    TOO_MANY = "too-many"


@dataclass
class _Pending:
    code_hash: bytes
    expires_at: int
    tries: int = 0


class Confirmations:
    """Who asked to be forgotten and with which code, in memory, bounded. Keys and codes
    are keyed hashes: no ACI or code is kept in clear, even here."""

    def __init__(self, max_pending: int = MAX_PENDING) -> None:
        self._pending: dict[bytes, _Pending] = {}
        self._max = max_pending

    def issue(self, key: bytes, code_hash: bytes, now: int) -> None:
        self._pending.pop(key, None)
        self._pending[key] = _Pending(code_hash, now + CONFIRM_MS)
        if len(self._pending) > self._max:
            for stale in [k for k, p in self._pending.items() if p.expires_at <= now]:
                del self._pending[stale]
            while len(self._pending) > self._max:  # still too many: the oldest go first
                del self._pending[next(iter(self._pending))]

    def check(self, key: bytes, code_hash: bytes, now: int) -> Check:
        pending = self._pending.get(key)
        if pending is None:
            return Check.NONE
        if pending.expires_at <= now:
            del self._pending[key]
            return Check.EXPIRED
        if hmac.compare_digest(pending.code_hash, code_hash):
            del self._pending[key]
            return Check.CONFIRMED
        pending.tries += 1
        if pending.tries >= MAX_TRIES:
            del self._pending[key]
            return Check.TOO_MANY
        return Check.WRONG

    def __len__(self) -> int:
        return len(self._pending)


_CONFIRMATIONS: weakref.WeakKeyDictionary[Storage, Confirmations] = weakref.WeakKeyDictionary()


def confirmations(storage: Storage) -> Confirmations:
    """One store per opened storage (so per bot process, and separate in every test)."""
    found = _CONFIRMATIONS.get(storage)
    if found is None:
        found = _CONFIRMATIONS[storage] = Confirmations()
    return found


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _normalize_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")


def _keys(storage: Storage, aci: str, code: str) -> tuple[bytes, bytes]:
    index = storage.index
    return index.index("forgetme", aci), index.index("forgetme-code", f"{aci}:{code}")


# --- /mydata ------------------------------------------------------------------------------------
@personal_router.command(
    "mydata",
    usage="/mydata",
    summary="everything I hold about you, decrypted, sent to you alone",
    where=Where.DIRECT,
    access=Access.ANYONE,
    strangers=IF_KNOWN,
)
async def mydata(ctx: CommandContext, args: str) -> None:
    if args:
        raise UsageError
    data = await collect(ctx.uow, ctx.incoming.sender, ctx.now)
    if not data.known:
        ctx.reply(NOTHING_HELD)
        return
    for chunk in chunks(describe(data, normalize_aci(ctx.incoming.sender), ctx.now)):
        ctx.reply(chunk)


def _ban_lines(data: PersonalData) -> list[str]:
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


def _zone(circle: CircleInfo | None) -> ZoneInfo:
    return ZoneInfo(circle.tz if circle is not None else "UTC")


def _day(ms: int, zone: ZoneInfo) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(zone).strftime("%a %d %b %Y")


def _when(ms: int, zone: ZoneInfo) -> str:
    when = datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(zone)
    return when.strftime("%a %d %b %Y %H:%M")


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
        lines.append(f"• known to me since {_day(data.created_at, _zone(first))}")
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
        lines += ["", *_ban_lines(data)]
    lines += [
        "",
        "Also kept, for 14 days: keyed one-way hashes of when your recent messages were "
        "sent, so that nothing acts twice. They don't name you.",
        "Other people are never named here. /forgetme deletes all of this.",
    ]
    return lines


def _circle_lines(data: PersonalData, circle: CircleInfo, number: int, now: int) -> list[str]:
    zone = _zone(circle)
    lines = ["", f"Circle {number}: {PURPOSE_BLURB[circle.purpose]} (times in {circle.tz})"]
    for section in _SECTIONS:
        lines += section(data, circle, zone, now)
    return lines


def _membership(data: PersonalData, circle: CircleInfo, zone: ZoneInfo, now: int) -> list[str]:
    lines = []
    for m in (m for m in data.memberships if m.circle_id == circle.id):
        role = "facilitator" if m.role is Role.FACILITATOR else "member"
        founder = ", a founder" if m.founder else ""
        agreed = f"you accepted version {m.agreed_version}" if m.agreed_version else "not yet"
        if m.standing is Standing.UNVOUCHED:
            role = "in the group without a vouch, waiting for a facilitator to confirm you"
        lines += [
            f"• you: {role}{founder}, joined {_day(m.joined_at, zone)}",
            f"• your alias: {m.alias or 'none'}",
            f"• community agreement: {agreed} (current version {circle.agreement_version})",
        ]
        if m.away_until is not None and m.away_until > now:
            lines.append(f"• away until {_when(m.away_until, zone)}")
    return lines


def _checkins(data: PersonalData, circle: CircleInfo, zone: ZoneInfo, now: int) -> list[str]:
    found = [c for c in data.checkins if c.circle_id == circle.id]
    if not found:
        return []
    lines = [f"Your check-ins and check-outs (deleted after {circle.retention_days} days):"]
    for c in found:
        kind = "check-in" if c.kind == "in" else "check-out"
        mood = "" if c.mood is None else f" · mood {c.mood}/5"
        lines.append(f"• {_when(c.created_at, zone)} · {kind}{mood} · {_quoted(c.words)}")
    return lines


def _vouches(data: PersonalData, circle: CircleInfo, zone: ZoneInfo, now: int) -> list[str]:
    found = [v for v in data.vouches_given if v.circle_id == circle.id]
    if not found:
        return []
    lines = ["Vouches and concerns you gave:"]
    for v in found:
        what = "you vouched" if v.kind == "vouch" else f"your concern: {_quoted(v.reason)}"
        lines.append(
            f"• join request {v.request_number} ({v.newcomer_name}) · {what} · "
            f"{_day(v.created_at, zone)}"
        )
    return lines


def _requests(data: PersonalData, circle: CircleInfo, zone: ZoneInfo, now: int) -> list[str]:
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
            f'• request {r.number} as "{r.name}", {_day(r.created_at, zone)}: '
            f"{state} · your words: {_quoted(r.intro)}"
        )
    return lines


def _resources(data: PersonalData, circle: CircleInfo, zone: ZoneInfo, now: int) -> list[str]:
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
                f"{_day(review.created_at, zone)}"
            )
    return lines


def _invites(data: PersonalData, circle: CircleInfo, zone: ZoneInfo, now: int) -> list[str]:
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
            state = f"unused, works until {_when(invite.expires_at, zone)}"
        lines.append(f"• made {_day(invite.created_at, zone)}: {state}")
    return lines


def _sessions(data: PersonalData, circle: CircleInfo, zone: ZoneInfo, now: int) -> list[str]:
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
            notes.append(f"away until {_when(s.away_until, zone)}")
        state = "open now" if s.open else "closed"
        lines.append(f"• session of {_when(s.started_at, zone)} ({state}): {', '.join(notes)}")
    return lines


_SECTIONS = (_membership, _checkins, _vouches, _requests, _resources, _invites, _sessions)


# --- /forgetme -----------------------------------------------------------------------------------
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


@personal_router.command(
    "forgetme",
    usage=FORGET_USAGE,
    summary="delete everything I hold about you (asks you to confirm; can't be undone)",
    where=Where.DIRECT,
    access=Access.ANYONE,
    strangers=IF_KNOWN,
)
async def forgetme(ctx: CommandContext, args: str) -> None:
    aci = normalize_aci(ctx.incoming.sender)
    storage = ctx.deps.storage
    code = _normalize_code(args)
    key, code_hash = _keys(storage, aci, code)
    pending = confirmations(storage)
    if not code:
        await _ask(ctx, aci, pending)
        return
    outcome = pending.check(key, code_hash, ctx.now)
    if outcome is Check.NONE:
        raise Refusal(
            "There's no deletion waiting for you, so nothing was deleted. Send /forgetme "
            "first: I'll say what it deletes and give you a code."
        )
    if outcome is Check.EXPIRED:
        raise Refusal(
            "That code has expired, so nothing was deleted. Send /forgetme for a new one."
        )
    if outcome is Check.WRONG:
        raise Refusal(
            "That code doesn't match, so nothing was deleted. Check it, or send /forgetme "
            "for a new one."
        )
    if outcome is Check.TOO_MANY:
        raise Refusal(
            "That code doesn't match either, so nothing was deleted, and I've cancelled the "
            "request. Send /forgetme for a new code."
        )
    await _forget(ctx, aci)


async def _ask(ctx: CommandContext, aci: str, pending: Confirmations) -> None:
    data = await collect(ctx.uow, aci, ctx.now)
    if not data.known:
        ctx.reply(NOTHING_HELD)
        return
    code = new_code()
    key, code_hash = _keys(ctx.deps.storage, aci, code)
    pending.issue(key, code_hash, ctx.now)
    lines = ["This deletes everything I hold about you, in every circle:", *inventory(data)]
    if data.memberships:
        lines.append(
            "I'll also take you out of the circles' Signal groups, and tell their facilitators "
            "that a member left and asked me to forget them, without your name."
        )
    for number, circle in enumerate(data.circles, start=1):
        mine = [m for m in data.memberships if m.circle_id == circle.id]
        if mine and mine[0].role is Role.FACILITATOR:
            others = [f for f in await ctx.uow.members.facilitators(circle.id) if f.aci != aci]
            if not others:
                lines.append(
                    f"You're the only facilitator of circle {number} "
                    f"({PURPOSE_BLURB[circle.purpose]}): name another first with "
                    "/facilitator add, or it will have none."
                )
    if data.elsewhere:
        lines.append(ELSEWHERE)
    if data.banned_in:
        lines += ["What stays:", *_ban_lines(data)]
    lines += [
        "It can't be undone: if you come back later, it's as a newcomer.",
        f"To confirm, within 10 minutes send:\n/forgetme {code}",
        "/mydata shows it all first.",
    ]
    ctx.reply("\n".join(lines))


async def _forget(ctx: CommandContext, aci: str) -> None:
    before = await collect(ctx.uow, aci, ctx.now)
    report = await erase(ctx.uow, aci, ctx.now)
    ctx.timer_changes.extend((kind, ref_id, None) for kind, ref_id in report.timers_removed)
    ctx.withdrawn.extend(report.outbox_removed)
    ctx.erased_from.update(table for table, count in report.counts.items() if count)
    still_in = 0
    for circle_id in report.circles_left:
        if not await _leave(ctx, circle_id, aci, report):
            still_in += 1
    withdrawn = [r for r in before.requests if r.status.open]
    for request in withdrawn:
        circle = await ctx.uow.circles.get(request.circle_id)
        if circle is None:
            continue
        there = CircleContext(uow=ctx.uow, deps=ctx.deps, now=ctx.now, circle=circle)
        await tell_facilitators(
            there,
            f"Join request {request.number} was withdrawn: the newcomer asked me to forget them.",
        )
        _merge(ctx, there)
    text = "Done. I've deleted everything I held about you, and I don't know you any more."
    if still_in:
        text += (
            f" I couldn't take you out of the Signal group of {still_in} "
            f"circle{'s' if still_in != 1 else ''}: please leave it yourself."
        )
    if report.person_kept:
        text += f" {ELSEWHERE}"
    text += " Take care."
    ctx.reply(text)


async def _leave(
    ctx: CommandContext, circle_id: uuid.UUID, aci: str, report: ErasureReport
) -> bool:
    """Out of one circle: the floor passes on if they held it, they leave its Signal group,
    its facilitators are told without a name. False if the group removal failed."""
    circle = await ctx.uow.circles.get(circle_id)
    if circle is None:
        return True
    there = CircleContext(uow=ctx.uow, deps=ctx.deps, now=ctx.now, circle=circle)
    if circle_id in report.floor_freed:
        await _pass_floor(there)
    removed = True
    try:
        await ctx.deps.membership.remove_member(circle.group_id, aci)
    except MembershipError:
        removed = False  # they are forgotten anyway; they are asked to leave it themselves
    await tell_facilitators(there, LEFT_NOTICE)
    _merge(ctx, there)
    return removed


async def _pass_floor(ctx: CircleContext) -> None:
    """Their turn ended with them: call the next speaker, or just keep the timer right."""
    found = await open_session(ctx)
    if found is not None:
        await carry_on(ctx, *found, floor_freed=True)


def _merge(ctx: CommandContext, there: CircleContext) -> None:
    ctx.outgoing.extend(there.outgoing)
    ctx.timer_changes.extend(there.timer_changes)
