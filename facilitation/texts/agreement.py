"""The community agreement a circle starts with, drawn from the article's advice on safe
containers: confidentiality, respect, boundaries, and what happens when a conflict arises."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg

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
