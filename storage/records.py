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
