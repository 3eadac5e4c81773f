"""The group's door (who may add people to the Signal group), and arrivals and departures
the bot finds in a read of the group. Told to the facilitators privately."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot
from facilitation.texts import FORMAT_ONLY

LOCKED_NOTE = Msg(
    "door.locked",
    "I've locked the group's door: only admins can add people now, and the group link is off. "
    "Newcomers come in through /invite and the circle's vouches.",
    kind=Kind.WORD,
)
# TRANSLATORS: steps in the Signal app; keep the names of Signal's buttons as Signal shows
# them in your language.
ADMIN_STEPS = Msg(
    "door.admin_steps",
    "A group admin can do it in the Signal app:\n"
    "1. Open the group and tap its name at the top.\n"
    "2. Tap Permissions, then Add members, and choose Only admins.\n"
    "3. Go back, tap Group link and turn it off.\n"
    "Or make me an admin there: tap me in the member list, then Make admin, and I'll keep the "
    "door locked myself.",
    kind=Kind.WORD,
)
NOT_ADMIN = Msg(
    "door.not_admin",
    "I can't lock the group's door myself, because I'm not an admin of this group.",
    kind=Kind.WORD,
)
UNREACHABLE = Msg(
    "door.unreachable",
    "Signal didn't let me lock the group's door just now; I'll try again on the next change "
    "to the group.",
    kind=Kind.WORD,
)
MEMBERS_COULD_ADD = Msg("door.members_could_add", "every member could add people", kind=Kind.WORD)
LINK_ON = Msg("door.link_on", "the group link was on", kind=Kind.WORD)
# TRANSLATORS: {what} lists door.members_could_add and/or door.link_on.
CLOSED_AGAIN = Msg(
    "door.closed_again",
    "The group's door was opened in the Signal app: {what}. The circle keeps it locked, so "
    "I've closed it again. If the circle wants it open, send /circle set door open.",
    kind=Kind.DIRECT,
    what=Slot.LIST,
)
HELD_SAFER_SHUT = Msg(
    "door.held_safer_shut",
    "Anyone added that way waits for you before they see the circle's trust data, but it's "
    "safer shut.",
    kind=Kind.WORD,
)
# TRANSLATORS: {held} is door.held_safer_shut or empty; {steps} door.not_admin and
# door.admin_steps.
IS_OPEN = Msg(
    "door.is_open",
    "The group's door is open: {what}. {held}{steps}\n"
    "If the circle wants it open, send /circle set door open.",
    kind=Kind.DIRECT,
    what=Slot.LIST,
    held=Slot.TEXT,
    steps=Slot.TEXT,
)

# --- arrivals --------------------------------------------------------------------------
OPENED = Plural(
    "roster.opened",
    "Someone joined the group without a vouch. The circle lets people in that way, and "
    "/circle set unvouched hold changes that, so they're members now.",
    "{n} people joined the group without a vouch. The circle lets people in that way, and "
    "/circle set unvouched hold changes that, so they're members now.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: {listed} lists request numbers like "#3 and #4"; {removed} is
# roster.removed_before or roster.removed_these_before, or empty; {first} a request number.
HELD = Plural(
    "roster.held",
    "Someone was added to the group without a vouch: {listed} in /requests.{removed} Until you "
    "decide, they can read the agreement and the guides and take part in sessions, but they "
    "see none of the circle's trust data: the directory, join requests, vouches, invites. "
    "/requests approve {first} welcomes someone as a member; /requests deny {first} takes "
    "them out of the group.",
    "{n} people were added to the group without a vouch: {listed} in /requests.{removed} "
    "Until you decide, they can read the agreement and the guides and take part in sessions, "
    "but they see none of the circle's trust data: the directory, join requests, vouches, "
    "invites. /requests approve {first} welcomes someone as a member; /requests deny {first} "
    "takes them out of the group.",
    kind=Kind.DIRECT,
    listed=Slot.LIST,
    removed=Slot.TEXT,
    first=Slot.COUNT,
)
REQUEST_NUMBER = Msg(
    "roster.request_number", "#{number}", kind=Kind.WORD, number=Slot.COUNT, same_in=FORMAT_ONLY
)
REMOVED_BEFORE = Msg(
    "roster.removed_before", " The circle removed this person before.", kind=Kind.WORD
)
REMOVED_THESE_BEFORE = Msg(
    "roster.removed_these_before",
    " The circle removed {listed} before.",
    kind=Kind.WORD,
    listed=Slot.LIST,
)
# TRANSLATORS: {agreement} is the circle's community agreement, in full.
WELCOME_OPEN = Msg(
    "roster.welcome_open",
    "Welcome: you're in a holdspace circle now. Before you take part, please read our "
    "community agreement:\n\n{agreement}\n\nReply /agree to accept it. /help shows what I can "
    "do.",
    kind=Kind.DIRECT,
    agreement=Slot.TEXT,
)
ROUTINE = Msg("roster.routine", " That's routine, and nothing you did wrong.", kind=Kind.WORD)
# TRANSLATORS: {routine} is roster.routine or empty.
WELCOME_UNVOUCHED = Msg(
    "roster.welcome_unvouched",
    "Hi, I'm holdspace, this circle's helper bot. You were added to the group without going "
    "through the circle's invites and vouching, so its facilitators will confirm you first."
    "{routine}\nMeanwhile, please read our community agreement:\n\n{agreement}\n\nReply /agree "
    "to accept it; then you can take part in sessions. /guide has short guides.",
    kind=Kind.DIRECT,
    routine=Slot.TEXT,
    agreement=Slot.TEXT,
)

# --- departures ------------------------------------------------------------------------
# TRANSLATORS: {who} is the member's name in the circle, or "A member".
DEPARTED_LEFT = Msg(
    "roster.departed_left",
    "{who} left the Signal group, so they're no longer in the circle.",
    kind=Kind.DIRECT,
    who=Slot.TEXT,
)
DEPARTED_REMOVED = Msg(
    "roster.departed_removed",
    "{who} was removed from the Signal group, so they're no longer in the circle. If they ask "
    "to join again, it waits for you.",
    kind=Kind.DIRECT,
    who=Slot.TEXT,
)
DEPARTED_GONE = Msg(
    "roster.departed_gone",
    "{who} is no longer in the Signal group: they left, or an admin removed them while I "
    "wasn't watching. So they're no longer in the circle. If they ask to join again, it waits "
    "for you.",
    kind=Kind.DIRECT,
    who=Slot.TEXT,
)
A_MEMBER = Msg("roster.a_member", "A member", kind=Kind.WORD)
UNVOUCHED_PERSON = Msg(
    "roster.unvouched_person", "The person added without a vouch", kind=Kind.WORD
)
UNVOUCHED_PERSON_NUMBER = Msg(
    "roster.unvouched_person_number",
    "The person added without a vouch (#{number})",
    kind=Kind.WORD,
    number=Slot.COUNT,
)
