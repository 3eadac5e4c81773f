"""/mydata's part of the anonymous line and of proposals: numbers, sides, their own words.

Each person sees only their own part: a conversation as its number and which side they are
on (never who else is in it), the open proposals they made (with the text) or may answer,
and their own answers while a proposal runs. Closed proposals name nobody and are not
listed; the group was told their results.
"""

from __future__ import annotations

from facilitation.i18n import SessionTime
from facilitation.proposal_texts import STANCE_NAMES
from facilitation.texts import proposals as said_proposals
from facilitation.texts import tell as said_tell
from storage.personal import CircleInfo, PersonalData


def tickets(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[object]:
    found = [t for t in data.tickets if t.circle_id == circle.id]
    if not found:
        return []
    said: list[object] = [said_tell.MYDATA_HEADER]
    for part in sorted(found, key=lambda p: p.number):
        line = said_tell.MYDATA_OPENED if part.opened else said_tell.MYDATA_ANSWERING
        said.append(line.with_(n=str(part.number)))
    return said


def proposals(data: PersonalData, circle: CircleInfo, tz: str, now: int) -> list[object]:
    found = [p for p in data.proposals if p.circle_id == circle.id]
    votes = [v for v in data.votes if v.circle_id == circle.id]
    if not found and not votes:
        return []
    said: list[object] = [said_proposals.MYDATA_HEADER]
    for part in sorted(found, key=lambda p: p.number):
        n, when = str(part.number), SessionTime(part.deadline, tz)
        if part.proposed and part.text:
            said.append(said_proposals.MYDATA_YOURS.with_(n=n, when=when, text=part.text))
        if part.may_answer:
            said.append(said_proposals.MYDATA_MAY_ANSWER.with_(n=n, when=when))
    for vote in sorted(votes, key=lambda v: v.proposal_number):
        n, stance = str(vote.proposal_number), STANCE_NAMES[vote.stance]
        if vote.reason:
            line = said_proposals.MYDATA_ANSWER_REASON.with_(n=n, stance=stance, words=vote.reason)
        else:
            line = said_proposals.MYDATA_ANSWER.with_(n=n, stance=stance)
        said.append(line)
    return said
