"""The built-in guides members read with ``/guide [topic]``.

Each guide is written for a phone screen: a title line, then a few short steps, and where it
fits a line pointing to the command that helps. They draw on the article's advice, in the
project's own words. They name no organisations, numbers or links: each circle builds its own
vetted list with ``/resources``, and the guides point there.

Guides are practical, never legal or medical certainty: they say what people in the industry
commonly do (evidence first, then lockdown, then who to tell) and when to get professional help.

``find_guide`` is forgiving about how a topic is typed: any case, a leading ``/`` (or the whole
``/guide topic``), spaces, hyphens or none (``take down`` = ``takedown``), a simple plural, or a
unique prefix of at least three letters. An exact name always wins over a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

MAX_GUIDE_CHARS = 1200
MAX_LINE_CHARS = 120
MAX_INDEX_CHARS = 900
MIN_PREFIX_CHARS = 3
_MAX_QUERY_CHARS = 100


@dataclass(frozen=True)
class Guide:
    key: str
    title: str
    aliases: tuple[str, ...]
    text: str
    """The whole guide as sent; its first line is ``title``."""


def _guide(key: str, title: str, aliases: Iterable[str], *lines: str) -> Guide:
    return Guide(key=key, title=title, aliases=tuple(aliases), text="\n".join((title, *lines)))


THERAPIST = _guide(
    "therapist",
    "Finding a sex-positive or kink-aware therapist",
    ("therapy", "counsellor", "counselor", "sex-positive", "kink-aware"),
    '1. Look for "sex-positive", "kink-aware" or "sex-work affirming" in a therapist\'s bio.',
    "2. Ask people who've been there. Your circle's vetted list: /resources therapist",
    "3. In a first call, ask them straight out:",
    '"What is your experience working with people in the adult industry?"',
    "4. Watch how they react. Calm, curious respect tells you more than any credential.",
    "5. You're there to get help, not to teach. If you'd spend the hour explaining how",
    "the platforms work, that's the stigma gap, and it's fair to move on.",
    "6. Ask how they keep things confidential, and whether anything about your work",
    "is something they'd have to report.",
    "7. It's fine to try a few before one fits. Keep looking.",
    "Found one who gets it? Suggest them to your circle: /resource add therapist",
)

HARASSMENT = _guide(
    "harassment",
    "A sudden surge of online harassment",
    ("surge", "pile-on", "trolls"),
    "1. Step back from the feed. You don't have to read it all, and you don't have to reply.",
    "2. Don't engage or argue: replies feed a pile-on.",
    "3. Capture evidence: screenshots showing the date, the account and the link.",
    "Keep them in a private folder, away from shared albums and photo sync.",
    "4. Report and block on each platform. Turn on comment and DM filters, mute words.",
    "5. Lock down: new passwords, two-factor (2FA) with an app rather than SMS,",
    "and sign out devices you don't recognise.",
    "6. Ask someone you trust to watch your accounts and collect evidence for you.",
    "7. Tell your circle. You don't have to carry this alone.",
    "8. Threats, or it won't stop? It may be time for a lawyer or the police.",
    "Then rest. Step back with /away 3d if you need to.",
    "Help your circle has vetted: /resources harassment",
)

LEAK = _guide(
    "leak",
    "When private content leaks",
    ("leaked", "video", "content-leak", "takedown"),
    "You did nothing wrong. The person who shared it did.",
    "1. Save evidence before it's taken down: screenshots with the date, the page address",
    "and who posted it. Keep them private, off shared albums.",
    "2. Content you made is usually yours under copyright (laws vary by country).",
    "A takedown notice to the site and its host can get it removed; most have a form.",
    "3. Ask search engines to drop the results too; most have a removal request.",
    "4. Keep a log: where it appeared, when you asked, what they answered. Follow up.",
    "5. Don't pay or bargain with anyone demanding money. Keep their messages, stop replying.",
    "6. A lawyer who knows digital rights and copyright can help: /resources lawyer",
    "7. Ask someone you trust to do the searching, so you don't keep seeing it.",
    "Look after yourself: tell your circle, step back with /away, and /sos if it's too heavy.",
)

DOXING = _guide(
    "doxing",
    "When your personal details are posted (doxing)",
    ("doxxing", "dox", "address", "stalking"),
    "1. Safety first. If you feel in danger, call your local emergency number",
    "and get to someone you trust. /sos reaches your facilitators privately.",
    "2. Document it: screenshots with the date, page and account. Keep them private.",
    "3. Report the post and ask the site to remove it; most ban posting private details.",
    "4. Lock down: passwords, 2FA, privacy settings, who can find you by number or email.",
    "5. Ask people-search and data-broker sites to remove your listings. Check back later.",
    "6. Ask search engines to remove results that show your address or number.",
    "7. Tell people close to you, and anyone who might be contacted, what to expect.",
    "8. For a while, vary your routines and routes, and switch off location sharing.",
    "9. If it could point to others in your circle, tell a facilitator.",
    "Threats or stalking? Consider the police and a lawyer: /resources lawyer",
)

BOUNDARIES = _guide(
    "boundaries",
    "Boundaries and compassion fatigue",
    ("compassion-fatigue", "fatigue", "drained", "nospace", "burnout"),
    "Drained after sessions? That's compassion fatigue: a signal, not a failing.",
    '1. "I can\'t hold space for this right now" is a complete sentence.',
    "Say it, or send /nospace (by direct message to me, nobody knows it was you).",
    "2. Step back for a week: /away 7d. No mentions or reminders until you're /back.",
    "3. Ask your facilitators for a wins-only, no-trauma session: /session start 45m wins",
    "4. Watch for the trauma loop: if every session is a list of the week's worst,",
    "the circle may need a change of shape. Say so.",
    "5. Start honestly with /checkin, and end on a win or a goal with /checkout.",
    "6. Your boundaries deserve respect. If the group keeps ignoring them,",
    "it may no longer be a safe space for you, and it's okay to leave.",
)

STARTING = _guide(
    "starting",
    "Starting a circle and its community agreement",
    ("start", "new-circle", "agreement", "community-agreement"),
    "1. Decide what it's for: a venting space, a professional mastermind, or deep support.",
    "/circle setup support (or venting, or mastermind)",
    "2. Start small: two or three people you trust completely.",
    "3. Write a community agreement early: what happens in a conflict,",
    "how privacy is handled, and what you expect from each other.",
    "4. Two lines to start from:",
    '"What is said in the circle stays in the circle."',
    '"We prioritise the safety of the most marginalised among us."',
    "See the default with /agreement; change it with /agreement set",
    "5. Grow by vouching: a member hands a newcomer an /invite code, and the circle vouches.",
    "6. Quality over quantity. A few people who truly have each other's backs",
    "are worth more than a crowd of strangers.",
)

SAFETY = _guide(
    "safety",
    "Safety basics for newcomers",
    ("newcomer", "new", "basics", "beginner"),
    "1. Keep work and personal apart: separate names, emails, phone numbers, payments.",
    "2. Use a dedicated number for work, never your personal one.",
    "3. Strip metadata and location from photos and videos before you post.",
    "4. Check backgrounds: letters, windows, views, reflections, anything that says where.",
    "5. Don't reuse photos across work and personal accounts; image search can link them.",
    "6. Turn on 2FA everywhere, and use a password manager with a new password per account.",
    "7. Think twice before sharing your city, your plans, or where you are right now.",
    "8. Be careful who you add, follow back or move to a private chat.",
    "9. Ask your circle. Peers know the unwritten rules nobody puts in a manual.",
)

HYBRID = _guide(
    "hybrid",
    "Peer support alongside professional care",
    ("professional", "professional-care", "psychiatrist", "clinical"),
    "Peer support complements professional care; it doesn't replace it. Many use both.",
    "- Your circle: the everyday ups and downs, venting, practical advice from people",
    "who get it.",
    "- A psychologist or psychiatrist: deep trauma, depression that won't lift,",
    "anything clinical.",
    "- Each makes the other work better. Your circle can give you the words to say:",
    '"I\'m experiencing this specific industry-related stressor."',
    "- If peers tell you a reaction is common in the industry, it isn't a personal failing.",
    "Take that into the room with you.",
    "- Get professional help soon if low moods last weeks, sleep or eating change a lot,",
    "or you think about hurting yourself (/guide crisis).",
    "Your circle's vetted list: /resources therapist, /resources psychiatrist",
)

CRISIS = _guide(
    "crisis",
    "Reaching human help",
    ("help", "human-help", "emergency", "sos", "urgent"),
    "If you might hurt yourself, or you're in danger right now:",
    "1. Call your local emergency number, or go to the nearest emergency department.",
    "2. Or call a crisis line in your country. Your circle's vetted list: /resources crisis",
    '3. Tell one person you trust, now. "I\'m not okay, can you be with me?" is enough.',
    "4. Stay with someone, or somewhere you feel safe.",
    "5. If you can, put anything you could hurt yourself with out of reach.",
    "/sos lets your circle's facilitators know, privately. They're peers who care,",
    "not a crisis service, so please reach the help above too.",
    "You matter, and you deserve support. One small step at a time.",
)

GUIDES: tuple[Guide, ...] = (
    THERAPIST,
    HARASSMENT,
    LEAK,
    DOXING,
    BOUNDARIES,
    STARTING,
    SAFETY,
    HYBRID,
    CRISIS,
)


def _normalize(text: str) -> str:
    """``" /Compassion  Fatigue "`` → ``"compassion-fatigue"``: lower case, one hyphen between."""
    folded = unicodedata.normalize("NFKC", text[:_MAX_QUERY_CHARS]).casefold()
    normal = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return normal.removeprefix("guide-")  # "/guide leak" passed whole


def _singular(word: str, *, shortest: int) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) >= shortest and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


def _stem(normal: str) -> str:
    """Each hyphen-separated word singular: ``"boundaries"`` → ``"boundary"``.

    A lone word needs four letters (``"sos"`` stays itself); within a phrase three will do
    (``"pile-ons"`` → ``"pile-on"``).
    """
    words = normal.split("-")
    shortest = 4 if len(words) == 1 else 3
    return "-".join(_singular(word, shortest=shortest) for word in words)


def _names(guide: Guide) -> tuple[str, ...]:
    return (guide.key, *guide.aliases)


_BY_NAME: dict[str, Guide] = {_normalize(n): g for g in GUIDES for n in _names(g)}
_BY_STEM: dict[str, Guide] = {_stem(_normalize(n)): g for g in GUIDES for n in _names(g)}
_BY_SQUASHED: dict[str, Guide] = {
    _stem(_normalize(n)).replace("-", ""): g for g in GUIDES for n in _names(g)
}


def find_guide(query: str) -> Guide | None:
    """The guide a member asked for by key or alias, or a unique prefix; ``None`` otherwise."""
    normal = _normalize(query)
    if not normal:
        return None
    stem = _stem(normal)
    found = _BY_NAME.get(normal) or _BY_STEM.get(stem) or _BY_SQUASHED.get(stem.replace("-", ""))
    if found is not None:
        return found
    if sum(ch.isalnum() for ch in normal) < MIN_PREFIX_CHARS:
        return None
    matches = {
        guide.key: guide for name, guide in _BY_NAME.items() if name.startswith((normal, stem))
    }
    if len(matches) == 1:
        return next(iter(matches.values()))
    return None


def guide_index() -> str:
    """The reply to a bare ``/guide``: one line per guide, then how to read one."""
    lines = [f"/guide {guide.key} · {guide.title[0].lower()}{guide.title[1:]}" for guide in GUIDES]
    lines.append(
        "Read one with /guide and its name, e.g. /guide boundaries. "
        "By direct message to me, only you see it."
    )
    return "\n".join(lines)


__all__ = [
    "CRISIS",
    "GUIDES",
    "MAX_GUIDE_CHARS",
    "MAX_INDEX_CHARS",
    "MAX_LINE_CHARS",
    "Guide",
    "find_guide",
    "guide_index",
]
