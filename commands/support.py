"""/guide and /sos: help in the project's own words, and a private way to reach people.

The crisis path (``/sos``) answers first, always, whatever else is unresolved: no guard stops
it (``Access.CRISIS``), no flood limit drops it. The person gets the guide to human help
written for them (the vetted crisis lines of their circles, else how to find one; nothing of
facilitators if they are in no circle), and then the facilitators of every circle they are in
are told, privately: a /sos in a circle's group tells that circle's; by direct message, or in
a group that is no circle, it tells all of theirs. Nothing a member typed is read or passed on.

Guides go by direct message; asked in the group, the group sees only a 📬 reaction, so
nobody learns who asked for which guide.
"""

from __future__ import annotations

import uuid

from commands.arguments import words
from commands.context import CommandContext
from commands.effects import Staged
from commands.errors import Quiet
from commands.parsing import parse_command
from commands.router import CommandRouter
from commands.rules import SERVED, Access
from commands.sos_alerts import Alert, Told
from commands.speech import Text
from commands.types import Incoming, OutgoingMessage, Priority, Recipient
from facilitation.directory.display import details
from facilitation.directory.record import Category, Status
from facilitation.guides import crisis_guide, find_guide, guide_index, is_crisis
from facilitation.i18n import Someone, lines, render
from facilitation.i18n.argument_words import SOS_SIGN, SOS_TAKEN
from facilitation.i18n.messages import Msg
from facilitation.i18n.typed import read
from facilitation.texts import support as t
from storage.records import Circle, Member
from storage.repositories.sessions import Counted

support_router = CommandRouter("support")

MAX_CRISIS_RESOURCES = 4
MAX_TAKEN_WORDS = 6
"""``/sos taken sign`` is at most this many words in any language (``ich übernehme mit
Namen``)."""
Place = tuple[Circle, Member]
"""A circle the person is in, and their membership there."""


@support_router.command(
    "guide",
    usage="[topic]",
    summary=t.GUIDE_SUMMARY,
    access=Access.ANYONE,
    strangers=SERVED,
    parse=words,
)
async def guide(ctx: CommandContext, topic: str) -> None:
    """Someone in no circle gets the crisis guide (whatever names a crisis), nothing else."""
    found = find_guide(topic) if topic.strip() else None
    places = await _places(ctx)
    if is_crisis(found):
        listed, _ = await _crisis_lines(ctx, places)
        _to_asker(ctx, crisis_guide(listed, has_circle=bool(places)), priority=Priority.URGENT)
        return
    if not places and ctx.circle is None and ctx.incoming.is_direct:
        raise Quiet
    if found is not None:
        _to_asker(ctx, found.text)
    elif topic.strip():
        _to_asker(ctx, lines(t.UNKNOWN_GUIDE, guide_index()))
    else:
        _to_asker(ctx, guide_index())


def _to_asker(ctx: CommandContext, text: Text, *, priority: Priority | None = None) -> None:
    """By direct message; asked in a group, the group sees only a reaction."""
    ctx.direct(ctx.incoming.sender, text, priority=priority)
    if not ctx.incoming.is_direct:
        ctx.react("📬")


@support_router.command(
    "sos",
    usage="",
    summary=t.SOS_SUMMARY,
    access=Access.CRISIS,
    priority=Priority.URGENT,
    strangers=SERVED,
    parse=words,
)
async def sos(ctx: CommandContext, said: str) -> None:
    """No content is read or scanned, except ``/sos taken [sign]`` from a facilitator an
    alert reached: only who asked, and where, is passed on."""
    taking = taken(said)
    if taking is not None and await _take(ctx, signed=taking):
        return
    await _crisis(ctx)


def taken(said: str) -> bool | None:
    """``taken`` (False) or ``taken sign`` (True), in any language (``atendido``, ``ich
    übernehme mit Namen``); None for anything else, which is a call for help."""
    typed = said.split()
    if len(typed) > MAX_TAKEN_WORDS:
        return None  # a longer message is someone asking for help: no reading it through
    for cut in range(1, len(typed) + 1):
        if read(SOS_TAKEN, " ".join(typed[:cut])) != "taken":
            continue
        rest = " ".join(typed[cut:])
        if not rest or read(SOS_SIGN, rest) == "sign":
            return bool(rest)
    return None


async def _crisis(ctx: CommandContext) -> None:
    if not ctx.deps.budget.urgent(ctx.incoming.sender, ctx.now):
        ctx.priority = Priority.NORMAL  # a flood of /sos still gets answers, in turn
    places = await _places(ctx)
    me = ctx.incoming.sender
    if not places:
        ctx.direct(me, lines(t.SOS_STRANGER, crisis_guide(has_circle=False)))
        return
    if ctx.circle is not None:
        # Only the open session's count, for /circle health; never who. Only the circle
        # whose lock this command holds: the crisis path never waits on another circle.
        await ctx.uow.sessions.count_in(ctx.circle.id, Counted.SOS)
    listed, listing = await _crisis_lines(ctx, places)
    told, alerts = await _alerts(ctx, places, listed_in=listing)
    circles_told = len({to.circle_id for to in told.values()})
    status = (
        (t.SOS_TOLD.with_(n=circles_told), t.SOS_NOT_AT_ONCE)
        if circles_told
        else (t.SOS_NOBODY_TO_TELL,)
    )
    ctx.direct(me, crisis_guide(listed, after=status))  # the guide first, then the alerts
    for aci, alert in alerts:
        ctx.direct(aci, alert)
    ctx.deps.sos_alerts.opened(ctx.now, told)


async def _places(ctx: CommandContext) -> list[Place]:
    """The circles the sender is in, as this message reaches them: in a circle's group,
    that circle; by direct message or in a group that is no circle, every one of theirs."""
    if not ctx.incoming.is_direct and ctx.circle is not None:
        return [] if ctx.member is None else [(ctx.circle, ctx.member)]
    memberships = list(ctx.memberships)
    if not ctx.incoming.is_direct:
        person = await ctx.uow.people.by_aci(ctx.incoming.sender)
        memberships = [] if person is None else list(await ctx.uow.members.of_person(person.id))
    places = []
    for member in memberships:
        circle = await ctx.uow.circles.get(member.circle_id)
        if circle is not None:
            places.append((circle, member))
    return places


async def _crisis_lines(
    ctx: CommandContext, places: list[Place]
) -> tuple[list[str], set[uuid.UUID]]:
    """The few vetted crisis entries of the person's circles, chosen in SQL (the crisis path
    never waits on a directory search), and the circles they came from. None from a circle
    they came into without a vouch: the directory is its trust data."""
    shown: list[str] = []
    listing: set[uuid.UUID] = set()
    for circle, member in places:
        if member.unvouched or len(shown) >= MAX_CRISIS_RESOURCES:
            continue
        found = await ctx.uow.resources.of_circle(
            circle.id,
            statuses=(Status.VETTED,),
            category=Category.CRISIS,
            limit=MAX_CRISIS_RESOURCES - len(shown),
        )
        shown += [details(entry, ctx.now, circle.settings.tz) for entry in found]
        if found:
            listing.add(circle.id)
    return shown, listing


async def _alerts(
    ctx: CommandContext, places: list[Place], *, listed_in: set[uuid.UUID]
) -> tuple[dict[str, Told], list[tuple[str, Text]]]:
    """Whom to tell, and what: each circle's facilitators who aren't away (all of them, if
    all are), the person aside; one alert each, about the circle it reached them through."""
    where = (
        t.SOS_WHERE_DIRECT
        if ctx.incoming.is_direct
        else t.SOS_WHERE_GROUP
        if ctx.circle is not None
        else t.SOS_WHERE_ELSEWHERE
    )
    told: dict[str, Told] = {}
    alerts: list[tuple[str, Text]] = []
    for circle, member in places:
        others = [f for f in await ctx.uow.members.facilitators(circle.id) if f.id != member.id]
        present = [f for f in others if not f.is_away(ctx.now)] or others
        fresh = [f for f in present if f.aci not in told]
        person = Someone(member.aci, member.alias)
        sent = _what_was_sent(member, listed=circle.id in listed_in)
        alert = t.SOS_ALERT.with_(person=person, where=where, sent=sent)
        for facilitator in fresh:
            told[facilitator.aci] = Told(circle.id, person)
            alerts.append(
                (facilitator.aci, lines(alert, t.SOS_ALERT_TAKE) if len(fresh) > 1 else alert)
            )
    return told, alerts


def _what_was_sent(member: Member, *, listed: bool) -> Msg:
    if member.unvouched:
        return t.SOS_SENT_GUIDE
    return t.SOS_SENT_RESOURCES if listed else t.SOS_SENT_GUIDE_ONLY


async def _take(ctx: CommandContext, *, signed: bool) -> bool:
    """``/sos taken``: "I've got this". False: the sender is no facilitator an alert could
    have reached, so it was a call for help (``/sos taken`` ... from someone in crisis)."""
    me = ctx.incoming.sender
    alert = ctx.deps.sos_alerts.latest_for(me, ctx.now)
    if alert is None:
        if not any(member.is_facilitator for _, member in await _places(ctx)):
            return False
        ctx.direct(me, t.SOS_NOTHING_TO_TAKE, priority=Priority.NORMAL)
        return True
    if not ctx.incoming.is_direct:
        ctx.direct(me, t.SOS_TAKE_PRIVATELY, priority=Priority.NORMAL)
        return True
    _taken(ctx, alert, signed=signed)
    return True


def _taken(ctx: CommandContext, alert: Alert, *, signed: bool) -> None:
    me = ctx.incoming.sender
    mine = alert.told[me]
    ctx.priority = Priority.NORMAL
    if alert.taken_by not in (None, me):
        ctx.direct(me, lines(t.SOS_TAKEN_ALREADY.with_(person=mine.person), t.SOS_TAKER_CARE))
        return
    others = alert.others_beside(me)
    if alert.taken_by is None:
        alert.taken_by = me
        alias = next((m.alias for m in ctx.memberships if m.circle_id == mine.circle_id), None)
        for aci in others:
            theirs = alert.told[aci].person
            ctx.direct(
                aci,
                t.SOS_TAKEN_BY.with_(taker=Someone(me, alias), person=theirs)
                if signed
                else t.SOS_TAKEN_BY_SOMEONE.with_(person=theirs),
            )
    thanks = t.SOS_TAKEN if others else t.SOS_TAKEN_ALONE
    ctx.direct(me, lines(thanks.with_(person=mine.person), t.SOS_TAKER_CARE))


def held_sos(incoming: Incoming) -> Staged:
    """What a /sos gets at once while the bot cannot read its database (its key lacks the
    generation the database is written with, bot/keyfence.py): the guide to human help,
    needing nothing stored and storing nothing (no outbox row: it is not resent after a
    restart). The /sos itself waits, like every command, and tells the facilitators once
    the key is back. Empty for anything but a /sos."""
    parsed = parse_command(incoming.text)
    if parsed is None or parsed[0] != "sos":
        return []
    return _guide_without_records(incoming, t.SOS_HELD)


def failed_sos(incoming: Incoming) -> Staged:
    """What a /sos gets when handling it failed (the database, a bug): the guide to human
    help all the same, needing nothing stored, and the truth that nobody was told yet."""
    return _guide_without_records(incoming, t.SOS_FAILED)


def _guide_without_records(incoming: Incoming, first: Msg) -> Staged:
    """``first``, then the guide to human help, by direct message, urgent, in English (a
    reader's language is a stored choice), never stored in the outbox."""
    text = render(lines(first, crisis_guide(has_circle=False))).text
    message = OutgoingMessage(Recipient.person(incoming.sender), text, priority=Priority.URGENT)
    return [(None, message)]
