"""Decrypted views of rows, as the rest of the program sees them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from facilitation.circle import CircleSettings, Purpose, Role, Standing


@dataclass(frozen=True, slots=True)
class Circle:
    id: uuid.UUID
    group_id: str
    purpose: Purpose
    settings: CircleSettings
    agreement_version: int
    created_at: int
    guard_suggested_at: int | None = None
    door_notice_at: int | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: uuid.UUID
    aci: str
    active_circle_id: uuid.UUID | None
    language: str | None = None
    """Their own language choice (a code), None until they make one."""


@dataclass(frozen=True, slots=True)
class Member:
    id: uuid.UUID
    circle_id: uuid.UUID
    person_id: uuid.UUID
    aci: str
    role: Role
    alias: str | None
    joined_at: int
    agreed_version: int
    founder: bool
    away_until: int | None = None
    standing: Standing = Standing.MEMBER

    @property
    def is_facilitator(self) -> bool:
        return self.role is Role.FACILITATOR

    @property
    def unvouched(self) -> bool:
        return self.standing is Standing.UNVOUCHED

    def is_away(self, now: int) -> bool:
        return self.away_until is not None and self.away_until > now


@dataclass(frozen=True, slots=True)
class Agreement:
    circle_id: uuid.UUID
    version: int
    text: str
    created_at: int


@dataclass(frozen=True, slots=True)
class DataSubject:
    """Whom ``/mydata`` shows and ``/forgetme`` erases, as this bot account knows them: the
    ids that stand for the person in its tables. Each repository finds its own rows from
    these (``of_person``) and deletes or clears them (``erase_person``); storage/personal.py
    only puts the answers together. A snapshot: erasing rows does not change it.

    Someone with no person row (``known`` is False) can still be named by ACI in a message
    not yet sent."""

    aci: str
    """Normalised (lowercase)."""
    person_id: uuid.UUID | None = None
    members: tuple[Member, ...] = ()
    """Their memberships in this account's circles."""
    request_ids: tuple[uuid.UUID, ...] = ()
    """Join requests they made, as a newcomer, to this account's circles."""
    elsewhere: bool = False
    """Circles another bot account serves from this database hold them too: the person row
    is that account's as well, and stays."""

    @property
    def known(self) -> bool:
        return self.person_id is not None

    @property
    def member_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(m.id for m in self.members)

    @property
    def member_strs(self) -> frozenset[str]:
        """Their member ids as a session's state and an encrypted voucher hold them."""
        return frozenset(str(m.id) for m in self.members)

    @property
    def circle_ids(self) -> list[uuid.UUID]:
        """The circles they are a member of, in a stable order."""
        return sorted({m.circle_id for m in self.members})

    @property
    def needles(self) -> frozenset[str]:
        """What names them inside a message not yet sent: their ACI, or one of their person,
        member or join-request ids (attached to messages that name them by alias or chosen
        name; once a membership ended, only the person id is still theirs to match)."""
        found = {self.aci, *self.member_strs, *(str(i) for i in self.request_ids)}
        if self.person_id is not None:
            found.add(str(self.person_id))
        return frozenset(found)
