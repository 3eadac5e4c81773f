"""Everything one command invocation sees, and the replies it accumulates."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from commands.attempts import Budget, JoinLimits
from commands.compose import MessageText
from commands.confirmations import Confirmations
from commands.errors import Refusal
from commands.help_catalog import HelpCatalog
from commands.memory import Absences, FirstNotice
from commands.ports import Clock, GroupDirectory, GroupMembership, GroupRoster, TimerPort
from commands.sos_alerts import SosAlerts
from commands.speech import Text
from commands.types import (
    Attachment,
    Incoming,
    Mention,
    Outgoing,
    OutgoingMessage,
    OutgoingReaction,
    Priority,
    QuoteRef,
    Recipient,
)
from facilitation.texts import refusals as said
from storage.records import Circle, Member, Person
from storage.unit_of_work import Storage, UnitOfWork

ANSWERED_PRIVATELY = "📬"
"""On a member's message in the group: "I answered you by direct message" (/resources, a
refusal about the person)."""

About = Iterable[uuid.UUID]
"""Member, join-request or person ids a message concerns (``OutgoingMessage.about``)."""


@dataclass(frozen=True, slots=True)
class Deps:
    """The one typed object handlers get their collaborators from."""

    storage: Storage
    groups: GroupDirectory
    clock: Clock
    timers: TimerPort
    membership: GroupMembership
    join_limits: JoinLimits = field(default_factory=JoinLimits)
    budget: Budget = field(default_factory=Budget)
    notices: FirstNotice = field(default_factory=FirstNotice)
    absences: Absences = field(default_factory=Absences)
    confirmations: Confirmations = field(default_factory=Confirmations)
    """Pending /forgetme codes (in memory only)."""
    help: HelpCatalog = field(default_factory=HelpCatalog)
    sos_alerts: SosAlerts = field(default_factory=SosAlerts)
    """The /sos alerts of the last day, for ``/sos taken`` (in memory only)."""
    """What /help shows: the composed routers' commands (``Dispatcher`` fills it in)."""


@dataclass(kw_only=True)
class CircleContext:
    """What a timer job and a command both work with: one transaction, one circle, the
    messages and timer changes it produces (applied only if the transaction commits)."""

    uow: UnitOfWork
    deps: Deps
    now: int
    circle: Circle | None = None
    outgoing: list[Outgoing] = field(default_factory=list)
    timer_changes: list[tuple[str, uuid.UUID, int | None]] = field(default_factory=list)
    priority: Priority = Priority.NORMAL
    """Of the messages this context sends, unless one says otherwise; the command's or the
    timer's (see the routers). Reactions are acknowledgements: LOW unless said otherwise."""
    # After an erasure (applied only if the transaction commits): unsent outbox rows it
    # deleted, whose queued copies must not go out, and the tables it deleted from.
    withdrawn: list[uuid.UUID] = field(default_factory=list)
    erased_from: set[str] = field(default_factory=set)

    def post(
        self,
        text: Text | MessageText,
        *,
        tag: str | None = None,
        about: About = (),
        priority: Priority | None = None,
    ) -> None:
        """A message to the circle's group (not quoting anyone). ``about``: the member and
        request ids of people it names by alias or chosen name (see ``OutgoingMessage``)."""
        circle = self.require_circle()
        body, mentions, concerns, lazy = _body(text, about)
        self.outgoing.append(
            OutgoingMessage(
                Recipient.group(circle.group_id),
                body,
                mentions,
                tag=tag,
                about=concerns,
                priority=self._priority(priority),
                lazy=lazy,
            )
        )

    def direct(
        self,
        aci: str,
        text: Text | MessageText,
        *,
        about: About = (),
        priority: Priority | None = None,
        attachments: tuple[Attachment, ...] = (),
    ) -> None:
        """A message to one person; ``attachments`` go with it (the circle health chart)."""
        body, mentions, concerns, lazy = _body(text, about)
        self.outgoing.append(
            OutgoingMessage(
                Recipient.person(aci),
                body,
                mentions,
                about=concerns,
                priority=self._priority(priority),
                lazy=lazy,
                attachments=attachments,
            )
        )

    def _priority(self, chosen: Priority | None) -> Priority:
        """The message's own priority if it names one, else this context's."""
        return self.priority if chosen is None else chosen

    async def set_timer(self, kind: str, ref_id: uuid.UUID, due_at: int | None) -> None:
        """Arm, move or (``None``) remove a timer; stored now, armed after commit."""
        circle = self.require_circle()
        await self.uow.timers.set(kind, ref_id, circle.id, due_at)
        self.timer_changes.append((kind, ref_id, due_at))

    def require_circle(self) -> Circle:
        if self.circle is None:
            raise Refusal(said.NOT_A_CIRCLE)
        return self.circle

    @property
    def clock(self) -> Clock:
        return self.deps.clock


@dataclass(kw_only=True)
class CommandContext(CircleContext):
    incoming: Incoming
    person: Person | None = None
    member: Member | None = None
    memberships: list[Member] = field(default_factory=list)

    # --- replies -------------------------------------------------------------------------
    def reply(
        self,
        text: Text | MessageText,
        *,
        about: About = (),
        priority: Priority | None = None,
    ) -> None:
        """Answer where the command came from; in a group, as a quote-reply to it."""
        body, mentions, concerns, lazy = _body(text, about)
        chosen = self._priority(priority)
        if self.incoming.group_id is None:
            to = Recipient.person(self.incoming.sender)
            self.outgoing.append(
                OutgoingMessage(to, body, mentions, about=concerns, priority=chosen, lazy=lazy)
            )
            return
        quote = QuoteRef(self.incoming.timestamp, self.incoming.sender, self.incoming.text)
        self.outgoing.append(
            OutgoingMessage(
                Recipient.group(self.incoming.group_id),
                body,
                mentions,
                quote,
                about=concerns,
                priority=chosen,
                lazy=lazy,
            )
        )

    def refuse(self, refusal: Refusal) -> None:
        """Say no without repeating what the member typed: never a quote-reply. By direct
        message, the answer is a direct message; in a group, a refusal about the person
        (``alone``: their role, their standing, a private command) goes to them alone, with
        a 📬 on their message so they know where to look, and any other (a usage line, the
        circle's state, an apology) is posted in the group without a quote."""
        if not refusal.reply:
            return
        group_id = self.incoming.group_id
        priority = self._priority(refusal.priority)
        if group_id is None or refusal.alone:
            self.direct(self.incoming.sender, refusal.reply, priority=priority)
            if group_id is not None:
                self.react(ANSWERED_PRIVATELY)
            return
        body, mentions, concerns, lazy = _body(refusal.reply, ())
        self.outgoing.append(
            OutgoingMessage(
                Recipient.group(group_id),
                body,
                mentions,
                about=concerns,
                priority=priority,
                lazy=lazy,
            )
        )

    def react(self, emoji: str) -> None:
        where = (
            Recipient.group(self.incoming.group_id)
            if self.incoming.group_id is not None
            else Recipient.person(self.incoming.sender)
        )
        self.outgoing.append(
            OutgoingReaction(where, emoji, self.incoming.sender, self.incoming.timestamp)
        )

    # --- who may do what ------------------------------------------------------------------
    def require_member(self) -> Member:
        if self.member is None:
            raise Refusal(said.MEMBERS_ONLY, alone=True)
        return self.member

    def require_agreed(self) -> Member:
        member = self.require_member()
        circle = self.require_circle()
        if member.agreed_version < circle.agreement_version:
            raise Refusal(said.AGREE_FIRST, alone=True)
        return member

    def require_facilitator(self) -> Member:
        member = self.require_member()
        if not member.is_facilitator:
            raise Refusal(said.FACILITATORS_ONLY, alone=True)
        return member

    async def roster(self, *, fresh: bool = False) -> GroupRoster:
        group_id = self.incoming.group_id
        roster = None if group_id is None else await self.deps.groups.roster(group_id, fresh=fresh)
        if roster is None:
            raise Refusal(said.ROSTER_UNAVAILABLE)
        return roster

    async def require_group_admin(self) -> None:
        roster = await self.roster(fresh=True)
        if not roster.is_admin(self.incoming.sender, self.incoming.sender_number):
            raise Refusal(said.GROUP_ADMINS_ONLY, alone=True)


def _body(
    text: Text | MessageText, about: About
) -> tuple[str, tuple[Mention, ...], tuple[str, ...], object | None]:
    """The text now (a string or a ``MessageText``), or ``lazy``: a text of the catalog,
    rendered for its reader when staged (commands/speech.py)."""
    concerns = tuple(dict.fromkeys(str(i) for i in about))
    if isinstance(text, MessageText):
        return text.text, text.mentions, tuple(dict.fromkeys((*text.about, *concerns))), None
    if isinstance(text, str):
        return text, (), concerns, None
    return "", (), concerns, text
