"""/mydata's and /forgetme's lines about the person's own part in holding the circle: when the
sessions they held closed and their last load notice, their debriefs (score and words: only
they ever see them), and their place on each rota. Nobody else is named, not even as a count
of who else is on the rota with them."""

from __future__ import annotations

from facilitation.i18n import Day, Piece, Plural, SessionTime, joined
from facilitation.texts import holding as said
from facilitation.texts import personal as t
from storage.personal import CircleInfo, PersonalData

Line = object

SWAP_ROLES = {
    "asked": said.MYDATA_SWAP_ASKED,
    "asked-to-take": said.MYDATA_SWAP_ASKED_TO_TAKE,
    "took": said.MYDATA_SWAP_TOOK,
}


def _quoted(text: str | None) -> Line:
    return t.QUOTED.with_(words=text) if text else t.NO_WORDS


def holding_lines(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[Line]:
    found: list[Line] = []
    for hosting in (h for h in data.hosting if h.circle_id == circle.id):
        if hosting.held_at:
            last = Day(hosting.held_at[-1], tz)
            found.append(said.MYDATA_HELD.with_(n=len(hosting.held_at), day=last))
        if hosting.load_noticed_at is not None:
            found.append(said.MYDATA_LOAD_NOTICE.with_(day=Day(hosting.load_noticed_at, tz)))
    for place in (r for r in data.rotas if r.circle_id == circle.id):
        notes: list[Line] = [said.MYDATA_ROTA_HOSTING] if place.hosting else []
        if place.swap in SWAP_ROLES:
            notes.append(SWAP_ROLES[place.swap])
        found.append(
            said.MYDATA_ROTA.with_(position=place.position, size=place.size, notes=_joined(notes))
        )
    debriefs = [d for d in data.debriefs if d.circle_id == circle.id]
    if debriefs:
        found.append(said.MYDATA_DEBRIEFS_HEADER.with_(n=circle.retention_days))
        found += [
            t.CHECKIN_LINE.with_(
                when=SessionTime(d.created_at, tz),
                what=said.MYDATA_DEBRIEF,
                mood=t.MOOD.with_(mood=d.score),
                words=_quoted(d.words),
            )
            for d in debriefs
        ]
    return found


def _joined(notes: list[Line]) -> Piece | str:
    return joined(*notes) if notes else ""


def holding_items(data: PersonalData) -> list[tuple[int, Plural]]:
    """What /forgetme deletes of it, counted."""
    return [
        (sum(len(h.held_at) for h in data.hosting), said.ITEM_HELD),
        (len(data.debriefs), said.ITEM_DEBRIEFS),
        (len(data.rotas), said.ITEM_ROTAS),
    ]
