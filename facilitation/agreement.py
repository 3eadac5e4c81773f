"""The community agreement every member accepts before taking part.

The default text is drawn from the article's advice on safe containers: confidentiality,
respect, boundaries, and what happens when a conflict arises.
"""

from __future__ import annotations

MAX_AGREEMENT_CHARS = 3000

DEFAULT_AGREEMENT = """\
1. What is said in the circle stays in the circle. No screenshots, no forwarding, no names outside.
2. We prioritise the safety of the most marginalised among us.
3. Equal to equal: nobody here is an expert on anyone else's life. We listen more than we advise.
4. One voice at a time. Raise your hand (/hand) and the facilitator keeps the turns fair.
5. Heavy topics get a content warning first. "I can't hold space for this right now" \
is always respected (/nospace).
6. We end on something that helps: a win, or a goal for next week.
7. If a conflict arises, we take it to a facilitator privately first, and we assume good intent.
8. Peer support complements professional care; it does not replace it. \
In a crisis, reach human help (/sos)."""

REMINDER_LINE = "What is said in the circle stays in the circle."


def reminder_line(agreement_text: str) -> str:
    """The one-line reminder a session opens with: the agreement's first point."""
    for line in agreement_text.splitlines():
        stripped = line.strip().lstrip("0123456789.-*) ").strip()
        if stripped:
            return stripped[:200]
    return REMINDER_LINE
