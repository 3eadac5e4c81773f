"""How the circle's vetted directory reads."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# TRANSLATORS: beside a directory entry; {date} is a date ("1 December 2026").
VERIFIED = Msg("resource.verified", "verified {date}", kind=Kind.WORD, date=Slot.DATE)

RESOURCES_SUMMARY = Msg(
    "resource.resources_summary",
    "search the circle's vetted directory: therapists, banks, accountants, lawyers…",
    kind=Kind.WORD,
)
RESOURCE_SUMMARY = Msg(
    "resource.resource_summary",
    "one directory entry in full; suggest, vet, flag or remove one",
    kind=Kind.WORD,
)
PENDING_SUMMARY = Msg(
    "resource.pending_summary",
    "what waits to be vetted, or was flagged (facilitators)",
    kind=Kind.WORD,
)
SHOW_SUMMARY = Msg("resource.show_summary", "one entry in full", kind=Kind.WORD)
ADD_SUMMARY = Msg(
    "resource.add_summary", "suggest an entry; it stays hidden until vetted", kind=Kind.WORD
)
VET_SUMMARY = Msg(
    "resource.vet_summary", "vouch for an entry (a re-vet refreshes its date)", kind=Kind.WORD
)
FLAG_SUMMARY = Msg("resource.flag_summary", "report an entry stale or unsafe", kind=Kind.WORD)
REMOVE_SUMMARY = Msg(
    "resource.remove_summary", "take an entry out of the directory (facilitators)", kind=Kind.WORD
)
# TRANSLATORS: {when} is refusal.in_days ("in 3 days").
FLAGS_COUNT_LATER = Msg(
    "resource.flags_count_later",
    "Flags count from members who have been in the circle a while; yours will count {when}. "
    "If an entry looks unsafe now, please tell a facilitator privately.",
    kind=Kind.REFUSAL,
    when=Slot.TEXT,
)
NOTHING_MATCHES = Msg(
    "resource.nothing_matches",
    "Nothing vetted matches that yet. Know someone good? "
    "/resource add <category> <name> ; <contact> ; <notes>",
)
# TRANSLATORS: when someone looks for crisis help and the circle has listed none. Never add
# a phone number here: numbers differ by country, and a wrong one in a crisis is a harm.
NO_CRISIS_ENTRIES = Msg(
    "resource.no_crisis_entries",
    "The circle hasn't listed a crisis line yet, but help is there now:\n"
    "• If you're in danger or might hurt yourself, call your local emergency number.\n"
    '• To find a crisis line, search "crisis line" and the name of your country.\n'
    "• /sos lets the facilitators know, privately.",
)
SHOW_ONE = Msg("resource.show_one", "/resource ID shows one in full.", kind=Kind.WORD)
WAITING_HEADING = Msg("resource.waiting_heading", "Waiting for a look:", kind=Kind.WORD)
NOTHING_WAITING = Msg("resource.nothing_waiting", "Nothing is waiting to be vetted.")
NUMBER_HINT = Msg("resource.number_hint", "the entry's number, like /resource 3", kind=Kind.WORD)
# TRANSLATORS: {number} is a directory entry's number ("#3").
NOT_VETTED_YET = Msg(
    "resource.not_vetted_yet",
    "#{number} isn't vetted yet. /resources shows the vetted ones.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
NO_SUCH_ENTRY = Msg(
    "resource.no_such_entry",
    "There's no entry #{number}. /resources searches the directory.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
# TRANSLATORS: {n} is how many suggestions one member may have waiting.
TOO_MANY_MINE = Plural(
    "resource.too_many_mine",
    "Thank you for all of them! You have {n} suggestion waiting to be vetted already. Once "
    "it is vetted, you can send more.",
    "Thank you for all of them! You have {n} suggestions waiting to be vetted already. Once "
    "some are vetted, you can send more.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {n} is how many suggestions a circle keeps waiting at once.
TOO_MANY_CIRCLE = Plural(
    "resource.too_many_circle",
    "The circle has {n} suggestion waiting to be vetted, as many as it keeps at once. Please "
    "try this one again once it is vetted.",
    "The circle has {n} suggestions waiting to be vetted, as many as it keeps at once. Please "
    "try this one again once some are vetted.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {number} is the new entry's number, {entry} its name, {n} how many members'
# vets make it visible.
ADDED = Plural(
    "resource.added",
    "Thank you: #{number} ({entry}) is waiting to be vetted. It becomes visible when a "
    "facilitator vets it, or {n} member does: /resource vet {number}",
    "Thank you: #{number} ({entry}) is waiting to be vetted. It becomes visible when a "
    "facilitator vets it, or {n} members do: /resource vet {number}",
    number=Slot.COUNT,
    entry=Slot.NAME,
)
REMOVED_ALREADY = Msg(
    "resource.removed_already",
    "#{number} was removed by a facilitator. /resources shows what's there.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
AGREE_TO_VET = Msg(
    "resource.agree_to_vet",
    "Please /agree to the current agreement first; then your vet counts.",
    kind=Kind.REFUSAL,
)
VETS_COUNT_LATER = Msg(
    "resource.vets_count_later",
    "Vets count from members who have been in the circle a while. Until then, you can tell "
    "a facilitator privately what you know about it.",
    kind=Kind.REFUSAL,
)
FLAGGED_ALREADY = Msg(
    "resource.flagged_already",
    "#{number} was flagged; a facilitator will look at it. Please wait for them.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
OWN_SUGGESTION = Msg(
    "resource.own_suggestion",
    "You suggested it, so other members vet it. /resources shows what else is there.",
    kind=Kind.REFUSAL,
)
VETTED_ALREADY = Msg(
    "resource.vetted_already",
    "You've already vetted #{number}. Thank you: you can wait for others now.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
VETTED_VISIBLE = Msg(
    "resource.vetted_visible",
    "Thank you: #{number} is vetted and visible.",
    number=Slot.COUNT,
)
VETTED_WAITING = Msg(
    "resource.vetted_waiting",
    "Thank you: #{number} is still waiting for more vets.",
    number=Slot.COUNT,
)
REASON_HINT = Msg("resource.reason_hint", "say why: stale, closed, unsafe…", kind=Kind.WORD)
FLAGGED_ALREADY_BY_YOU = Msg(
    "resource.flagged_already_by_you",
    "You've already flagged #{number}. The facilitators will take a look; please wait for them.",
    kind=Kind.REFUSAL,
    number=Slot.COUNT,
)
# TRANSLATORS: to each facilitator; {number} and {entry} are the entry's, {reason} is what the
# member who flagged it wrote; {hidden} is resource.hidden_now or nothing.
FLAGGED_TELL = Msg(
    "resource.flagged_tell",
    '#{number} ({entry}) was flagged: "{reason}".{hidden} /resource vet {number} keeps it, '
    "/resource remove {number} takes it out.",
    kind=Kind.DIRECT,
    number=Slot.COUNT,
    entry=Slot.NAME,
    reason=Slot.WORDS,
    hidden=Slot.TEXT,
)
HIDDEN_NOW = Msg("resource.hidden_now", " It is now hidden until you look at it.", kind=Kind.WORD)
FLAG_THANKS = Msg(
    "resource.flag_thanks",
    "Thank you for flagging it. The facilitators will take a look.",
    kind=Kind.DIRECT,
)
REMOVED = Msg("resource.removed", "Removed #{number} from the directory.", number=Slot.COUNT)

# The hints after "/resource add"'s usage line when a suggestion can't be read. {list} is the
# categories as members type them ("therapist, bank, …"); {n} a limit.
HINT_TOO_LONG = Msg("resource.hint_too_long", "that is too long for one entry", kind=Kind.WORD)
HINT_CATEGORY = Msg(
    "resource.hint_category", "start with a category: {list}", kind=Kind.WORD, list=Slot.NAME
)
HINT_UNKNOWN_CATEGORY = Msg(
    "resource.hint_unknown_category",
    "that isn't a category; use one of: {list}",
    kind=Kind.WORD,
    list=Slot.NAME,
)
HINT_NAME = Msg("resource.hint_name", "a name comes after the category", kind=Kind.WORD)
HINT_CONTACT = Msg(
    "resource.hint_contact",
    "a contact comes next: a phone, an e-mail or a website, after the name and ;",
    kind=Kind.WORD,
)
HINT_NAME_LONG = Plural(
    "resource.hint_name_long",
    "a name can be {n} character at most",
    "a name can be {n} characters at most",
    kind=Kind.WORD,
)
HINT_CONTACT_LONG = Plural(
    "resource.hint_contact_long",
    "a contact can be {n} character at most",
    "a contact can be {n} characters at most",
    kind=Kind.WORD,
)
HINT_NOTES_LONG = Plural(
    "resource.hint_notes_long",
    "notes can be {n} character at most",
    "notes can be {n} characters at most",
    kind=Kind.WORD,
)
HINT_REGION_LONG = Plural(
    "resource.hint_region_long",
    "a region can be {n} character at most",
    "a region can be {n} characters at most",
    kind=Kind.WORD,
)
HINT_TAG_LONG = Plural(
    "resource.hint_tag_long",
    "a tag can be {n} character at most",
    "a tag can be {n} characters at most",
    kind=Kind.WORD,
)
HINT_TAGS = Plural("resource.hint_tags", "{n} tag at most", "{n} tags at most", kind=Kind.WORD)
HINT_LANGUAGES = Plural(
    "resource.hint_languages", "{n} language at most", "{n} languages at most", kind=Kind.WORD
)
HINT_LANGUAGE = Msg(
    "resource.hint_language",
    "languages are codes or words, like lang=de en or lang=spanish",
    kind=Kind.WORD,
)

# How an entry reads. A category ("therapist") stays as members type it; these are the words
# around an entry's own fields.
REMOTE = Msg("resource.remote", "remote", kind=Kind.WORD)
STATUS_PENDING = Msg("resource.status_pending", "pending", kind=Kind.WORD)
STATUS_VETTED = Msg("resource.status_vetted", "vetted", kind=Kind.WORD)
STATUS_FLAGGED = Msg("resource.status_flagged", "flagged", kind=Kind.WORD)
STATUS_REMOVED = Msg("resource.status_removed", "removed", kind=Kind.WORD)
STALE = Msg("resource.stale", "stale: re-vet?", kind=Kind.WORD)
NO_VERIFIED_DATE = Msg("resource.no_verified_date", "no verified date", kind=Kind.WORD)
NOT_YET_VETTED = Msg("resource.not_yet_vetted", "not yet vetted", kind=Kind.WORD)
# TRANSLATORS: the fields of an entry, one a line; {value} is what was entered.
FIELD_PHONE = Msg("resource.field_phone", "phone: {value}", kind=Kind.WORD, value=Slot.NAME)
FIELD_EMAIL = Msg("resource.field_email", "email: {value}", kind=Kind.WORD, value=Slot.NAME)
FIELD_WEB = Msg("resource.field_web", "web: {value}", kind=Kind.WORD, value=Slot.NAME)
FIELD_OTHER = Msg("resource.field_other", "other: {value}", kind=Kind.WORD, value=Slot.NAME)
FIELD_LANGUAGES = Msg(
    "resource.field_languages", "languages: {value}", kind=Kind.WORD, value=Slot.NAME
)
FIELD_TAGS = Msg("resource.field_tags", "tags: {value}", kind=Kind.WORD, value=Slot.NAME)
FIELD_NOTES = Msg("resource.field_notes", "notes: {value}", kind=Kind.WORD, value=Slot.WORDS)
