"""People acting in the Signal app on a group: adding someone, joining by the group link,
leaving, an admin removing someone or changing the group's settings.

Each change is applied to the group first (so ``GET /v1/groups`` already lists it, as
signal-cli does before it forwards the change), the revision goes up by one, and then the
``UPDATE`` envelope other members' clients cause is emitted, sent by the person who acted
(reference §2.3 and §5). The bot gets that envelope while it is in the group, and also for
the change that removes it. The app's own rules apply: a refused action raises
:class:`AppRefusal` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.sandbox.model import LINK_STATES, Group, Person
from bot.sandbox.state import SandboxState


class AppRefusal(PermissionError):
    """What the Signal app would not let this person do; the message says why."""


class GroupActions(SandboxState):
    """Mixed into :class:`~bot.sandbox.gateway.SandboxGateway`, which emits the envelopes."""

    async def group_update(self, group: Group, *, by: Person | None = None) -> int:
        raise NotImplementedError  # the gateway emits it

    async def add_to_group(self, by: Person, group: Group, *people: Person) -> int:
        """``by`` adds ``people`` in the app: needs "Add members" rights (every member, or
        admins only)."""
        if not self.can_add(group, by):
            raise AppRefusal("sandbox: only admins can add members to this group")
        new = [p for p in people if p not in group.members]
        if not new:
            raise AppRefusal("sandbox: they are all in the group already")
        group.members.extend(new)
        group.pending_requests[:] = [p for p in group.pending_requests if p not in new]
        return await self._changed_by(by, group)

    async def join_by_link(self, person: Person, group: Group) -> int:
        """``person`` opens the group link: they are in at once when it is ``enabled``, and
        wait for an admin when it is ``enabled-with-approval``."""
        if group.link == "disabled":
            raise AppRefusal("sandbox: this group link is not active")
        if person in group.members or person in group.pending_requests:
            raise AppRefusal("sandbox: already in the group or waiting")
        if group.link == "enabled":
            group.members.append(person)
        else:
            group.pending_requests.append(person)
        return await self._changed_by(person, group)

    async def approve_join_request(self, admin: Person, group: Group, person: Person) -> int:
        self._need_admin(admin, group)
        if person not in group.pending_requests:
            raise AppRefusal("sandbox: no such request to join")
        group.pending_requests.remove(person)
        group.members.append(person)
        return await self._changed_by(admin, group)

    async def leave_group(self, person: Person, group: Group) -> int:
        if person == self.bot:
            raise AppRefusal("sandbox: the bot leaves through POST .../quit, not the app")
        if person not in group.members:
            raise AppRefusal("sandbox: not in the group")
        group.members.remove(person)
        if person in group.admins:
            group.admins.remove(person)
        return await self._changed_by(person, group, bot_was_member=self.bot in group.members)

    async def remove_from_group(self, admin: Person, group: Group, *people: Person) -> int:
        """An admin removes ``people`` (the bot among them, if it is named)."""
        self._need_admin(admin, group)
        gone = [p for p in people if p in group.members]
        if not gone:
            raise AppRefusal("sandbox: none of them is in the group")
        bot_was_member = self.bot in group.members
        group.members[:] = [p for p in group.members if p not in gone]
        group.admins[:] = [p for p in group.admins if p not in gone]
        return await self._changed_by(admin, group, bot_was_member=bot_was_member)

    async def change_group(
        self,
        admin: Person,
        group: Group,
        *,
        permissions: Mapping[str, str] | None = None,
        link: str | None = None,
        expiration: int | None = None,
        name: str | None = None,
    ) -> int:
        """Group settings as the app changes them: permissions and the link need an admin;
        the timer and the name need "Edit group info" rights."""
        if permissions is not None or link is not None:
            self._need_admin(admin, group)
        if (expiration is not None or name is not None) and not self.can_edit(group, admin):
            raise AppRefusal("sandbox: only admins can edit this group's info")
        for key, value in (permissions or {}).items():
            if key not in group.permissions or value not in ("every-member", "only-admins"):
                raise ValueError(f"sandbox: bad permission {key}={value}")
            group.permissions[key] = value
        if link is not None:
            if link not in LINK_STATES:
                raise ValueError(f"sandbox: bad link state {link}")
            group.link = link
        if expiration is not None:
            group.expiration_time = expiration
        if name is not None:
            group.name = name
        return await self._changed_by(admin, group)

    def _need_admin(self, person: Person, group: Group) -> None:
        if person not in group.admins:
            raise AppRefusal("sandbox: only a group admin can do that")

    async def _changed_by(
        self, by: Person, group: Group, *, bot_was_member: bool | None = None
    ) -> int:
        """Bump the revision and send the UPDATE, if the bot is (or just was) a member."""
        group.revision += 1
        was = self.bot in group.members if bot_was_member is None else bot_was_member
        if not was and self.bot not in group.members:
            return 0
        return await self.group_update(group, by=by)
