"""What the bot says about holding the circle: co-hosts, the rota, load, debriefs, circle health.

Every text a person reads for these rules is here, as a named constant or a small function, so the
message catalog can take them over whole. They follow VOICE.md: nobody is named where a count will
do, nothing private is repeated, stepping back is thanked, and a facilitator who has held a lot
hears something kind and useful, privately.

Texts that go to the group never name a person except through a ``MemberRef`` the session core
puts in front of them (a host's role is public in the circle anyway).
"""

from __future__ import annotations

# --- co-hosting (posts in the group; a mention goes in front or after) -----------------------

COHOST_JOINED = " is co-hosting this session. Thank you for sharing the floor."
COHOST_STEPPED_BACK = " is no longer co-hosting this session. Thank you for holding it with us."
COHOSTING_WITH = "Co-hosting today: "
HOSTED_BY = "Holding this session: "
HOSTED_WITH = ", with "
CO_HOSTED_BY = "Co-hosting this session: "
NO_HOLDERS = "This session has no named host. A facilitator can /cohost @member to share the floor."

COHOST_REFUSALS = {
    "already-holding": "They're already holding this session.",
    "away": "That member can't co-host right now.",
    "too-many-cohosts": "A session can have up to 3 co-hosts.",
    "not-cohost": "They aren't co-hosting this session.",
    "closed": "That session has already closed.",
}
"""Replies to a refused ``/cohost`` (by the ``SessionError`` code). "away" is not said as such:
whether someone stepped back is theirs to tell."""

COHOST_ONLY = "Only a facilitator or one of this session's co-hosts can do that."
