"""The built-in guides (``/guide``), one title and one body each, and the crisis guide's parts.

Written for a phone screen: a title line, a few short steps, a line pointing to the command
that helps. No organisations, numbers or links: each circle keeps its own vetted list with
/resources. The crisis guide is put together from parts (facilitation/guides.py) so that it
never points anywhere its reader cannot go.
"""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg

# TRANSLATORS: the guides' titles, shown as their first line and in the /guide index.
THERAPIST_TITLE = Msg(
    "guide.therapist.title", "Finding a sex-positive or kink-aware therapist", kind=Kind.WORD
)
THERAPIST = Msg(
    "guide.therapist",
    '1. Look for "sex-positive", "kink-aware" or "sex-work affirming" in a therapist\'s bio.\n'
    "2. Ask people who've been there. Your circle's vetted list: /resources therapist\n"
    "3. In a first call, ask them straight out:\n"
    '"What is your experience working with people in the adult industry?"\n'
    "4. Watch how they react. Calm, curious respect tells you more than any credential.\n"
    "5. You're there to get help, not to teach. If you'd spend the hour explaining how\n"
    "the platforms work, that's the stigma gap, and it's fair to move on.\n"
    "6. Ask how they keep things confidential, and whether anything about your work\n"
    "is something they'd have to report.\n"
    "7. It's fine to try a few before one fits. Keep looking.\n"
    "Found one who gets it? Suggest them to your circle: /resource add therapist",
    kind=Kind.GUIDE,
)

HARASSMENT_TITLE = Msg(
    "guide.harassment.title", "A sudden surge of online harassment", kind=Kind.WORD
)
HARASSMENT = Msg(
    "guide.harassment",
    "1. Step back from the feed. You don't have to read it all, and you don't have to reply.\n"
    "2. Don't engage or argue: replies feed a pile-on.\n"
    "3. Capture evidence: screenshots showing the date, the account and the link.\n"
    "Keep them in a private folder, away from shared albums and photo sync.\n"
    "4. Report and block on each platform. Turn on comment and DM filters, mute words.\n"
    "5. Lock down: new passwords, two-factor (2FA) with an app rather than SMS,\n"
    "and sign out devices you don't recognise.\n"
    "6. Ask someone you trust to watch your accounts and collect evidence for you.\n"
    "7. Tell your circle. You don't have to carry this alone.\n"
    "8. Threats, or it won't stop? A lawyer can help, and so can the police,\n"
    "if that feels safe where you live.\n"
    "Then rest. Step back with /away 3d if you need to.\n"
    "Help your circle has vetted: /resources harassment",
    kind=Kind.GUIDE,
)

LEAK_TITLE = Msg("guide.leak.title", "When private content leaks", kind=Kind.WORD)
LEAK = Msg(
    "guide.leak",
    "You did nothing wrong. The person who shared it did.\n"
    "1. Save evidence before it's taken down: screenshots with the date, the page address\n"
    "and who posted it. Keep them private, off shared albums.\n"
    "2. Content you made is usually yours under copyright, though laws vary by country.\n"
    "A takedown notice to the site and its host can get it removed; most have a form.\n"
    "3. Ask search engines to drop the results too; most have a removal request.\n"
    "4. Keep a log: where it appeared, when you asked, what they answered. Follow up.\n"
    "5. Don't pay or bargain with anyone demanding money. Keep their messages, stop replying.\n"
    "6. A lawyer who knows digital rights and copyright can help: /resources lawyer\n"
    "7. Ask someone you trust to do the searching, so you don't keep seeing it.\n"
    "Look after yourself: tell your circle, step back with /away, and /sos if it's too heavy.",
    kind=Kind.GUIDE,
)

DOXING_TITLE = Msg(
    "guide.doxing.title", "When your personal details are posted (doxing)", kind=Kind.WORD
)
DOXING = Msg(
    "guide.doxing",
    "1. Safety first. If you feel in danger, call your local emergency number\n"
    "and get to someone you trust. /sos reaches your facilitators privately.\n"
    "2. Document it: screenshots with the date, page and account. Keep them private.\n"
    "3. Report the post and ask the site to remove it; most ban posting private details.\n"
    "4. Lock down: passwords, 2FA, privacy settings, who can find you by number or email.\n"
    "5. Ask people-search and data-broker sites to remove your listings. Check back later.\n"
    "6. Ask search engines to remove results that show your address or number.\n"
    "7. Tell people close to you, and anyone who might be contacted, what to expect.\n"
    "8. For a while, vary your routines and routes, and switch off location sharing.\n"
    "9. If it could point to others in your circle, tell a facilitator.\n"
    "Threats or stalking? A lawyer can help: /resources lawyer\n"
    "The police may too, if that feels safe where you live.",
    kind=Kind.GUIDE,
)

BOUNDARIES_TITLE = Msg(
    "guide.boundaries.title", "Boundaries and compassion fatigue", kind=Kind.WORD
)
BOUNDARIES = Msg(
    "guide.boundaries",
    "Drained after sessions? That can be compassion fatigue: a signal, not a failing.\n"
    '1. "I can\'t hold space for this right now" is a complete sentence.\n'
    "Say it, or send me /nospace by direct message: I won't say who sent it.\n"
    "2. Step back for a week: /away 7d. No mentions or reminders until you're /back.\n"
    "3. Ask your facilitators for a wins-only, no-trauma session: /session start 45m wins\n"
    "4. Watch for the trauma loop: if every session is a list of the week's worst,\n"
    "the circle may need a change of shape. Say so.\n"
    "5. Start honestly with /checkin, and end on a win or a goal with /checkout.\n"
    "6. Your boundaries deserve respect. If the group keeps ignoring them,\n"
    "it may no longer be a safe space for you, and it's okay to leave.",
    kind=Kind.GUIDE,
)

STARTING_TITLE = Msg(
    "guide.starting.title", "Starting a circle and its community agreement", kind=Kind.WORD
)
STARTING = Msg(
    "guide.starting",
    "1. Decide what it's for: a venting space, a professional mastermind, or deep support.\n"
    "/circle setup support, or venting, or mastermind\n"
    "2. Start small: two or three people you trust completely.\n"
    "3. Write a community agreement early: what happens in a conflict,\n"
    "how privacy is handled, and what you expect from each other.\n"
    "4. Two lines to start from:\n"
    '"What is said in the circle stays in the circle."\n'
    '"We prioritise the safety of the most marginalised among us."\n'
    "See the default with /agreement; change it with /agreement set\n"
    "5. Grow by vouching: a member hands a newcomer an /invite code, and the circle vouches.\n"
    "6. Quality over quantity. A few people who truly have each other's backs\n"
    "are worth more than a crowd of strangers.",
    kind=Kind.GUIDE,
)

SAFETY_TITLE = Msg("guide.safety.title", "Safety basics for newcomers", kind=Kind.WORD)
SAFETY = Msg(
    "guide.safety",
    "1. Keep work and personal apart: separate names, emails, phone numbers, payments.\n"
    "2. Use a dedicated number for work, never your personal one.\n"
    "3. Strip metadata and location from photos and videos before you post.\n"
    "4. Check backgrounds: letters, windows, views, reflections, anything that says where.\n"
    "5. Don't reuse photos across work and personal accounts; image search can link them.\n"
    "6. Turn on 2FA everywhere, and use a password manager with a new password per account.\n"
    "7. Think twice before sharing your city, your plans, or where you are right now.\n"
    "8. Be careful who you add, follow back or move to a private chat.\n"
    "9. Ask your circle. Peers know the unwritten rules nobody puts in a manual.",
    kind=Kind.GUIDE,
)

HYBRID_TITLE = Msg("guide.hybrid.title", "Peer support alongside professional care", kind=Kind.WORD)
HYBRID = Msg(
    "guide.hybrid",
    "Peer support complements professional care; it doesn't replace it. Many use both.\n"
    "- Your circle: the everyday ups and downs, venting, practical advice from people\n"
    "who get it.\n"
    "- A psychologist or psychiatrist: deep trauma, depression that won't lift,\n"
    "anything clinical.\n"
    "- Each makes the other work better. Your circle can give you the words to say:\n"
    '"I\'m experiencing this specific industry-related stressor."\n'
    "- If peers tell you a reaction is common in the industry, it isn't a personal failing.\n"
    "Take that into the room with you.\n"
    "- Get professional help soon if low moods last weeks, sleep or eating change a lot,\n"
    "or you think about hurting yourself: /guide crisis\n"
    "Your circle's vetted list: /resources therapist, /resources psychiatrist",
    kind=Kind.GUIDE,
)

# The crisis guide, in parts: facilitation/guides.py puts together the ones its reader can use.
CRISIS_TITLE = Msg("guide.crisis.title", "Reaching human help", kind=Kind.WORD)
CRISIS_NOW = Msg(
    "guide.crisis.now",
    "If you might hurt yourself, or you're in danger right now:\n"
    "1. Call your local emergency number, or go to the nearest emergency department.",
    kind=Kind.GUIDE,
)
# TRANSLATORS: followed by the circle's vetted crisis lines, one entry after another.
CRISIS_LINE_LISTED = Msg(
    "guide.crisis.line_listed",
    "2. Or call a crisis line. The ones your circle has vetted:",
    kind=Kind.GUIDE,
)
# TRANSLATORS: for a reader whose circle has listed no crisis line (or who is in none).
# Never add a number here: the right one depends on where the reader is.
CRISIS_LINE_SEARCH = Msg(
    "guide.crisis.line_search",
    '2. Or call a crisis line. Search for "crisis line" and the name of your country;\n'
    "many answer by text or chat too.",
    kind=Kind.GUIDE,
)
CRISIS_STEPS = Msg(
    "guide.crisis.steps",
    '3. Tell one person you trust, now. "I\'m not okay, can you be with me?" is enough.\n'
    "4. Stay with someone, or somewhere you feel safe.\n"
    "5. If you can, put anything you could hurt yourself with out of reach.",
    kind=Kind.GUIDE,
)
CRISIS_SOS = Msg(
    "guide.crisis.sos",
    "/sos lets your circle's facilitators know, privately. They're peers who care,\n"
    "not a crisis service, so please reach the help above too.",
    kind=Kind.GUIDE,
)
CRISIS_CLOSE = Msg(
    "guide.crisis.close",
    "You matter, and you deserve support. One small step at a time.",
    kind=Kind.GUIDE,
)
