"""The community agreement a circle starts with, drawn from the article's advice on safe
containers: confidentiality, respect, boundaries, and what happens when a conflict arises."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# TRANSLATORS: the agreement every member accepts with /agree; a facilitator can replace it.
# Keep one point per line, numbered: a session opens with the first point as its reminder.
DEFAULT = Msg(
    "agreement.default",
    "1. What is said in the circle stays in the circle. No screenshots, no forwarding, no "
    "names outside.\n"
    "2. We prioritise the safety of the most marginalised among us.\n"
    "3. Equal to equal: nobody here is an expert on anyone else's life. We listen more than "
    "we advise.\n"
    "4. One voice at a time. Raise your hand (/hand) and the facilitator keeps the turns "
    "fair.\n"
    '5. Heavy topics get a content warning first. "I can\'t hold space for this right now" '
    "is always respected (/nospace).\n"
    "6. We end on something that helps: a win, or a goal for next week.\n"
    "7. If a conflict arises, we take it to a facilitator privately first, and we assume "
    "good intent.\n"
    "8. Peer support complements professional care; it does not replace it. In a crisis, "
    "reach human help (/sos).",
    kind=Kind.GUIDE,
)
# TRANSLATORS: a session opens with this when the circle's agreement has no first point.
REMINDER = Msg(
    "agreement.reminder", "What is said in the circle stays in the circle.", kind=Kind.GROUP
)

SUMMARY = Msg(
    "agreement.summary",
    "read the community agreement (facilitators can change it)",
    kind=Kind.WORD,
)
SET_SUMMARY = Msg(
    "agreement.set_summary",
    "a new version of the agreement; everyone accepts it again (facilitators)",
    kind=Kind.WORD,
)
AGREE_SUMMARY = Msg("agreement.agree_summary", "accept the community agreement", kind=Kind.WORD)
NONE_YET = Msg(
    "agreement.none_yet",
    "This circle has no agreement yet. A facilitator can add one with /agreement set.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {version} is the agreement's version number; {text} the agreement itself;
# {status} is agreement.accepted or agreement.please_agree.
SHOWN = Msg(
    "agreement.shown",
    "Our community agreement (version {version}):\n{text}\n\n{status}",
    version=Slot.COUNT,
    text=Slot.TEXT,
    status=Slot.TEXT,
)
ACCEPTED = Msg("agreement.accepted", "You have accepted it.", kind=Kind.WORD)
PLEASE_AGREE = Msg("agreement.please_agree", "Reply /agree to accept it.", kind=Kind.WORD)
TEXT_HINT = Msg("agreement.text_hint", "write the new agreement after the word set", kind=Kind.WORD)
# TRANSLATORS: {n} is the most characters an agreement may have (a few thousand).
TOO_LONG_HINT = Plural(
    "agreement.too_long_hint", "at most {n} character", "at most {n} characters", kind=Kind.WORD
)
SET_IN_GROUP = Msg(
    "agreement.set_in_group",
    "Please send /agreement set in the circle's group, so everyone sees the change.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {version} is the agreement's new version number.
CHANGED = Msg(
    "agreement.changed",
    "The community agreement is now version {version}. Everyone: please read it with "
    "/agreement and accept it again with /agree before the next session.",
    version=Slot.COUNT,
)
# TRANSLATORS: {version} is the agreement's version number.
THANKS = Msg(
    "agreement.thanks",
    "Thank you. You've accepted the community agreement (version {version}).",
    version=Slot.COUNT,
)
