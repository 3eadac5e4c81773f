"""Whether a name would pass for one already used in a circle.

A member's alias and a newcomer's chosen name are both shown to the circle ("Welcome,
Sky!"), so neither may look like a member's alias or the name of another open join request
(``facilitation.lookalike``: Unicode confusable skeletons, case ignored).
"""

from __future__ import annotations

import uuid

from facilitation.lookalike import look_alike
from storage.unit_of_work import UnitOfWork


async def name_in_use(
    uow: UnitOfWork,
    circle_id: uuid.UUID,
    name: str,
    *,
    member_id: uuid.UUID | None = None,
    request_id: uuid.UUID | None = None,
) -> bool:
    """True if ``name`` looks like an alias (other than ``member_id``'s) or the name of an
    open join request (other than ``request_id``) in the circle."""
    for other_id, alias in await uow.members.aliases(circle_id):
        if other_id != member_id and look_alike(name, alias):
            return True
    return any(
        request.id != request_id and look_alike(name, request.name)
        for request in await uow.requests.open_in(circle_id)
    )
