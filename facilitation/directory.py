"""A circle's resource directory: the record, ``/resource add`` parsing, status rules, search.

Each circle keeps its own vetted list (sex-positive therapists, banks that don't freeze
accounts, industry-aware accountants, digital-rights lawyers...). The record follows Open
Referral HSDS 3.0 where it can (name, description, contacts, languages, service area, an
``assured_date``) and adds what this sector needs: a category, ``remote``, and tags such as
``sex-positive`` or ``accepts-pseudonym``.

Status follows Pineapple Support's model, run by peers: a suggestion is *pending* until a
facilitator or the circle's vouch threshold of members vets it; members can *flag* it; a
vetted record not re-verified for a year is *stale* (derived, never stored) and shown with
a prompt to re-vet. Only vetted records (stale included) reach members' searches.

Everything here is pure: no I/O, no clock (``now`` is int ms since the epoch).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rapidfuzz import fuzz, process

from facilitation.text import MAX_COMMAND_CHARS, clean_display_name, clean_free_text

DAY_MS = 86_400_000
STALE_AFTER_MS = 365 * DAY_MS
"""A vetted record whose last verification is this old (or older) is stale."""

MAX_NAME_CHARS = 80
MAX_CONTACT_CHARS = 200
"""The contact section of ``/resource add``; a phone, an e-mail and a web address fit."""
MAX_CONTACT_ITEM_CHARS = 200
MAX_NOTES_CHARS = 500
MAX_REGION_CHARS = 60
MAX_LANGUAGES = 8
MAX_LANGUAGE_CHARS = 16
MAX_TAGS = 12
MAX_TAG_CHARS = 32
MAX_DETAILS_CHARS = 1200
"""``details`` never exceeds this; only pathological records are shortened to fit."""

USAGE = (
    "usage: /resource add <category> <name> ; <contact> ; <notes> [; tags], e.g. "
    "/resource add therapist Dr. A. Example ; a@example.org ; sliding scale ; sex-positive, remote"
)


class Category(StrEnum):
    THERAPIST = "therapist"
    PSYCHIATRIST = "psychiatrist"
    BANK = "bank"
    ACCOUNTANT = "accountant"
    LAWYER = "lawyer"
    HARASSMENT = "harassment"
    CRISIS = "crisis"
    OTHER = "other"


CATEGORY_LIST = ", ".join(category.value for category in Category)

_CATEGORY_SYNONYMS: dict[Category, tuple[str, ...]] = {
    Category.THERAPIST: (
        "therapists",
        "therapy",
        "counsellor",
        "counsellors",
        "counselor",
        "counselors",
        "counselling",
        "counseling",
    ),
    Category.PSYCHIATRIST: ("psychiatrists", "psychiatry"),
    Category.BANK: ("banks", "banking"),
    Category.ACCOUNTANT: ("accountants", "tax", "taxes", "bookkeeper"),
    Category.LAWYER: ("lawyers", "legal", "attorney", "attorneys", "solicitor"),
    Category.HARASSMENT: (),
    Category.CRISIS: ("crisis-line", "crisisline", "hotline", "hotlines", "helpline"),
    Category.OTHER: (),
}
_CATEGORY_WORDS: dict[str, Category] = {
    word: category
    for category, synonyms in _CATEGORY_SYNONYMS.items()
    for word in (category.value, *synonyms)
}


def parse_category(text: str) -> Category | None:
    """A category from its name or a common plural/synonym (``counsellor`` → therapist)."""
    word = text.strip().casefold().rstrip(".,:;!?")
    return _CATEGORY_WORDS.get(word)


KNOWN_TAGS = ("sex-positive", "kink-aware", "sw-affirming", "accepts-pseudonym")

# Compact spellings (lowercase, letters and digits only) that mean a known tag.
_TAG_ALIASES: dict[str, str] = {
    "sexpositive": "sex-positive",
    "sexpos": "sex-positive",
    "kinkaware": "kink-aware",
    "kinkfriendly": "kink-aware",
    "kinkpositive": "kink-aware",
    "swaffirming": "sw-affirming",
    "sexworkaffirming": "sw-affirming",
    "sexworkeraffirming": "sw-affirming",
    "acceptspseudonym": "accepts-pseudonym",
    "acceptspseudonyms": "accepts-pseudonym",
    "pseudonymok": "accepts-pseudonym",
    "pseudonymsok": "accepts-pseudonym",
    "pseudonymaccepted": "accepts-pseudonym",
    "pseudonymsaccepted": "accepts-pseudonym",
}
_TAG_FUZZ_CUTOFF = 85.0


class Status(StrEnum):
    PENDING = "pending"  # suggested, not yet vetted: invisible to searches
    VETTED = "vetted"  # vetted by a facilitator or enough members
    FLAGGED = "flagged"  # reported stale or unsafe: hidden until a facilitator re-vets
    REMOVED = "removed"  # taken out by a facilitator


class ResourceError(ValueError):
    """Input we can't accept; the message is safe to show a member and never echoes it."""


@dataclass(frozen=True, slots=True)
class Contact:
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    other: str | None = None  # anything else: "Signal: mira.42", "ask at the front desk"

    @property
    def empty(self) -> bool:
        return not (self.phones or self.emails or self.urls or self.other)


@dataclass(frozen=True, slots=True)
class NewResource:
    """A resource as suggested or imported, before it has a number, status or dates."""

    name: str
    category: Category
    contact: Contact
    region: str | None = None
    remote: bool = False
    languages: tuple[str, ...] = ()
    notes: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resource:
    number: int  # the short id members type (#3), per circle
    name: str
    category: Category
    contact: Contact
    region: str | None
    remote: bool
    languages: tuple[str, ...]
    notes: str | None
    tags: tuple[str, ...]
    status: Status
    verified_at: int | None  # last vet (ms), the HSDS assured_date
    created_at: int

    @classmethod
    def from_new(
        cls,
        new: NewResource,
        *,
        number: int,
        created_at: int,
        status: Status = Status.PENDING,
        verified_at: int | None = None,
    ) -> Resource:
        return cls(
            number=number,
            name=new.name,
            category=new.category,
            contact=new.contact,
            region=new.region,
            remote=new.remote,
            languages=new.languages,
            notes=new.notes,
            tags=new.tags,
            status=status,
            verified_at=verified_at,
            created_at=created_at,
        )


# ---------------------------------------------------------------------------------------------
# Contacts

_URL = re.compile(r"https?://[^\s,;<>\"']+", re.IGNORECASE)
_EMAIL = re.compile(r"(?:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_DOMAIN = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?:/[^\s,;]*)?(?![\w@])",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\+?\(?\d[\d ().\-/]*\d")
_MIN_PHONE_DIGITS = 6
_MAX_PHONE_DIGITS = 20
# Words that only label a contact ("tel", "e-mail:") and mean nothing on their own.
_CONTACT_FILLER = frozenset(
    {
        "tel",
        "phone",
        "call",
        "text",
        "sms",
        "email",
        "e",
        "mail",
        "web",
        "website",
        "site",
        "url",
        "or",
        "and",
        "fax",
        "mobile",
        "cell",
        "via",
        "at",
    }
)


def parse_contact(text: str) -> Contact:
    """Sort the contact section into phones, e-mails, web addresses and anything else.

    Items are split on commas (and semicolons or newlines); inside an item, URLs, e-mails,
    bare domains (given ``https://``) and phone-like runs (``+``, digits, spaces, dashes,
    dots, slashes, parentheses; 6-20 digits) are picked out, and what is left, unless it is
    just a label like "tel" or "or", is kept as ``other``.
    """
    phones: list[str] = []
    emails: list[str] = []
    urls: list[str] = []
    others: list[str] = []
    for piece in re.split(r"[,;\n]", text[: MAX_CONTACT_CHARS * 2]):
        rest = clean_display_name(piece)
        rest, found = _take(_URL, rest)
        urls.extend(url.rstrip(".)") for url in found)
        rest, found = _take(_EMAIL, rest, group=1)
        emails.extend(found)
        rest, found = _take(_DOMAIN, rest)
        urls.extend("https://" + domain.rstrip(".)") for domain in found)
        rest, found = _take(_PHONE, rest, keep=_is_phone)
        phones.extend(" ".join(phone.split()) for phone in found)
        leftover = " ".join(rest.split()).strip(" .:-/()")
        words = re.findall(r"[^\W_]+", leftover.casefold())
        if leftover and not all(word in _CONTACT_FILLER for word in words):
            others.append(leftover)
    other = clean_display_name(", ".join(others))[:MAX_CONTACT_ITEM_CHARS] or None
    return Contact(
        phones=_unique(item[:MAX_CONTACT_ITEM_CHARS] for item in phones),
        emails=_unique(item[:MAX_CONTACT_ITEM_CHARS] for item in emails),
        urls=_unique(item[:MAX_CONTACT_ITEM_CHARS] for item in urls),
        other=other,
    )


def is_phone(text: str) -> bool:
    """Phone-like: only ``+``, digits and separators, with 6-20 digits."""
    match = _PHONE.fullmatch(text.strip())
    return match is not None and _is_phone(match.group(0))


def _is_phone(candidate: str) -> bool:
    digits = sum(ch.isdigit() for ch in candidate)
    return _MIN_PHONE_DIGITS <= digits <= _MAX_PHONE_DIGITS


def _take(
    pattern: re.Pattern[str],
    text: str,
    *,
    group: int = 0,
    keep: Callable[[str], bool] | None = None,
) -> tuple[str, list[str]]:
    """Remove ``pattern``'s matches from ``text``; return what is left and what matched."""
    found: list[str] = []

    def cut(match: re.Match[str]) -> str:
        value = match.group(group)
        if keep is not None and not keep(value):
            return match.group(0)
        found.append(value)
        return " "

    return pattern.sub(cut, text), found


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    """Distinct non-empty items, first spelling kept, compared case-insensitively."""
    seen: dict[str, str] = {}
    for item in items:
        if item:
            seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


# ---------------------------------------------------------------------------------------------
# Tags, languages, regions


def normalise_tag(text: str) -> str | None:
    """A tag in its stored form: lowercase, hyphens for spaces; near-misses of known tags fixed.

    ``"Sex Positive"``, ``"SexPositive"`` and ``"sex-postive"`` all become ``sex-positive``.
    None for a tag with nothing left in it; ResourceError for one that is too long.
    """
    cleaned = clean_display_name(text).casefold()
    compact = re.sub(r"[\W_]+", "", cleaned)
    if not compact:
        return None
    known = _TAG_ALIASES.get(compact)
    if known is None and len(compact) >= 6:
        match = process.extractOne(
            compact, list(_TAG_ALIASES), scorer=fuzz.ratio, score_cutoff=_TAG_FUZZ_CUTOFF
        )
        if match is not None:
            known = _TAG_ALIASES[match[0]]
    if known is not None:
        return known
    tag = re.sub(r"[^\w+-]+", "-", cleaned.replace("_", "-"))
    tag = re.sub(r"-{2,}", "-", tag).strip("-")
    if not tag:
        return None
    if len(tag) > MAX_TAG_CHARS:
        raise ResourceError(f"a tag can be {MAX_TAG_CHARS} characters at most")
    return tag


_LANGUAGE = re.compile(r"[^\W\d_]{2,16}(?:-[a-z0-9]{2,8})?")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")
_LANGUAGE_HELP = "languages are codes or words, like lang=de en or lang=spanish"


def normalise_language(text: str) -> str:
    """A language code or word, lowercase (``DE`` → ``de``, ``pt-BR`` → ``pt-br``)."""
    word = clean_display_name(text).casefold()
    if len(word) > MAX_LANGUAGE_CHARS or not _LANGUAGE.fullmatch(word):
        raise ResourceError(_LANGUAGE_HELP)
    return word


def parse_languages(text: str) -> tuple[str, ...]:
    """``"de en"``, ``"de,en"`` or ``"de/en"`` → ``("de", "en")``; at most MAX_LANGUAGES."""
    words = [word for word in re.split(r"[\s,/;]+", text) if word]
    languages = _unique(normalise_language(word) for word in words)
    if len(languages) > MAX_LANGUAGES:
        raise ResourceError(f"at most {MAX_LANGUAGES} languages")
    return languages


def normalise_region(text: str) -> str | None:
    region = clean_display_name(text)
    if len(region) > MAX_REGION_CHARS:
        raise ResourceError(f"region can be {MAX_REGION_CHARS} characters at most")
    return region or None


def normalise_tags(items: Iterable[str]) -> tuple[str, ...]:
    tags = _unique(tag for tag in (normalise_tag(item) for item in items) if tag)
    if len(tags) > MAX_TAGS:
        raise ResourceError(f"too many tags ({MAX_TAGS} at most)")
    return tags


# ---------------------------------------------------------------------------------------------
# /resource add

_SETTING = re.compile(
    r"(region|area|location|langs?|languages?)\s*[=:]\s*(.*)", re.IGNORECASE | re.DOTALL
)
_REMOTE_WORDS = frozenset({"remote", "online", "remote-ok", "online-ok"})


@dataclass(frozen=True, slots=True)
class _TagSection:
    region: str | None
    remote: bool
    languages: tuple[str, ...]
    tags: tuple[str, ...]


def parse_add(args: str) -> NewResource:
    """The text after ``/resource add``: ``<category> <name> ; <contact> ; <notes> [; tags]``.

    Sections are separated by ``;``. With five or more sections the last one is the tags
    and the ones between contact and tags are the notes (so notes may contain ``;``).
    Notes are optional; the tags section takes ``region=X``, ``lang=de en``, ``remote``
    and free tags, comma-separated (a region ends at the next comma).
    """
    if len(args) > MAX_COMMAND_CHARS:
        raise ResourceError("that is too long for one resource")
    sections = [section.strip() for section in args.split(";")]
    head = sections[0].split(None, 1)
    if not head:
        raise ResourceError(f"start with a category: {CATEGORY_LIST}")
    category = parse_category(head[0])
    if category is None:
        raise ResourceError(f"unknown category; use one of: {CATEGORY_LIST}")
    name = clean_display_name(head[1]) if len(head) > 1 else ""
    if not name:
        raise ResourceError("missing name: /resource add <category> <name> ; <contact> ; ...")
    if len(name) > MAX_NAME_CHARS:
        raise ResourceError(f"name can be {MAX_NAME_CHARS} characters at most")
    if len(sections) < 2 or not sections[1]:
        raise ResourceError("missing contact: put a phone, e-mail or website after the name and ;")
    if len(sections[1]) > MAX_CONTACT_CHARS:
        raise ResourceError(f"contact can be {MAX_CONTACT_CHARS} characters at most")
    contact = parse_contact(sections[1])
    if contact.empty:
        raise ResourceError("missing contact: put a phone, e-mail or website after the name and ;")
    if len(sections) >= 4:
        notes_text, tags_text = "; ".join(sections[2:-1]), sections[-1]
    else:
        notes_text, tags_text = (sections[2] if len(sections) == 3 else ""), ""
    notes = clean_free_text(notes_text, limit=MAX_COMMAND_CHARS)
    if len(notes) > MAX_NOTES_CHARS:
        raise ResourceError(f"notes can be {MAX_NOTES_CHARS} characters at most")
    extra = _parse_tag_section(tags_text)
    return NewResource(
        name=name,
        category=category,
        contact=contact,
        region=extra.region,
        remote=extra.remote,
        languages=extra.languages,
        notes=notes or None,
        tags=extra.tags,
    )


def _parse_tag_section(text: str) -> _TagSection:
    region: str | None = None
    remote = False
    languages: list[str] = []
    raw_tags: list[str] = []
    in_languages = False  # "languages=de,en" continues over the comma
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        setting = _SETTING.fullmatch(item)
        if setting is not None:
            key, value = setting.group(1).casefold(), setting.group(2)
            if key.startswith("lang"):
                languages.extend(parse_languages(value))
                in_languages = True
            else:
                region = normalise_region(value)
                in_languages = False
            continue
        folded = item.casefold()
        if in_languages and _LANGUAGE_CODE.fullmatch(folded):
            languages.append(folded)
            continue
        in_languages = False
        if folded in _REMOTE_WORDS:
            remote = True
            continue
        raw_tags.append(item)
    unique_languages = _unique(languages)
    if len(unique_languages) > MAX_LANGUAGES:
        raise ResourceError(f"at most {MAX_LANGUAGES} languages")
    return _TagSection(region, remote, unique_languages, normalise_tags(raw_tags))


# ---------------------------------------------------------------------------------------------
# Status rules


def is_stale(resource: Resource, now: int) -> bool:
    """Vetted, but not re-verified for a year (to the millisecond) or never dated."""
    if resource.status is not Status.VETTED:
        return False
    return resource.verified_at is None or now - resource.verified_at >= STALE_AFTER_MS


def visible(resource: Resource) -> bool:
    """What members' searches return: vetted records, stale ones included."""
    return resource.status is Status.VETTED


def vetting_outcome(current: Status, vets: int, facilitator_vet: bool, threshold: int) -> Status:
    """The status after a vet. A flag is undone only by a facilitator; removal is final.

    A vet of an already vetted record keeps it vetted; refreshing its verified date is the
    caller's job.
    """
    if current is Status.PENDING and (facilitator_vet or vets >= max(threshold, 1)):
        return Status.VETTED
    if current is Status.FLAGGED and facilitator_vet:
        return Status.VETTED
    return current


def flag_outcome(current: Status, flags: int, threshold: int) -> Status:
    """Vetted or pending records are hidden (flagged) once enough members flag them."""
    if current in (Status.VETTED, Status.PENDING) and flags >= max(threshold, 1):
        return Status.FLAGGED
    return current


# ---------------------------------------------------------------------------------------------
# Search
#
# Each query token is scored against each field's words with rapidfuzz: the best of a
# whole-word ratio (typos), a prefix ratio (partial words, x0.95) and, for 4+ letters, an
# infix partial_ratio (x0.85). A field's score is multiplied by its weight, a token's score
# is its best field, and a record's relevance is the mean over tokens, so every word counts.

_FIELD_WEIGHTS = {
    "name": 1.0,
    "tags": 1.0,
    "region": 0.9,
    "category": 0.9,
    "languages": 0.85,
    "notes": 0.8,
}
_PREFIX_FACTOR = 0.95
_INFIX_FACTOR = 0.85
MIN_RELEVANCE = 76.0
TOKEN_FLOOR = 60.0
"""A query word matching nothing better than this counts as no match at all (0)."""
STALE_PENALTY = 5.0
"""Subtracted from a stale record's score: below an equally good fresh one, still listed."""
_MAX_QUERY_CHARS = 200
_MAX_QUERY_TOKENS = 8
_MAX_TOKEN_CHARS = 32
_STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "for",
        "in",
        "of",
        "and",
        "or",
        "with",
        "near",
        "who",
        "is",
        "to",
        "me",
        "my",
        "i",
        "need",
        "looking",
        "any",
        "someone",
        "some",
        "find",
    }
)


def _fold(text: str) -> str:
    """Casefolded, accents removed: ``Zürich`` and ``zurich`` meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _fold(text))


def _query_tokens(query: str) -> list[str]:
    words = list(
        dict.fromkeys(word[:_MAX_TOKEN_CHARS] for word in _words(query[:_MAX_QUERY_CHARS]))
    )
    meaningful = [word for word in words if word not in _STOPWORDS and len(word) > 1]
    return (meaningful or words)[:_MAX_QUERY_TOKENS]


# Words members use for the known tags ("sex worker friendly", "anonymous").
_TAG_SEARCH_WORDS: dict[str, tuple[str, ...]] = {
    "sex-positive": ("friendly",),
    "kink-aware": ("kinky", "bdsm", "friendly"),
    "sw-affirming": ("sex", "work", "worker", "workers", "friendly"),
    "accepts-pseudonym": ("pseudonyms", "alias", "anonymous"),
}


def _fields(resource: Resource) -> dict[str, list[str]]:
    category_words = [resource.category.value, *_CATEGORY_SYNONYMS[resource.category]]
    tag_words = [word for tag in resource.tags for word in _words(tag)]
    tag_words += [word for tag in resource.tags for word in _TAG_SEARCH_WORDS.get(tag, ())]
    tag_words += [re.sub(r"[\W_]+", "", _fold(tag)) for tag in resource.tags]
    region_words = _words(resource.region or "") + (["remote", "online"] if resource.remote else [])
    return {
        "name": _words(resource.name),
        "tags": tag_words,
        "region": region_words,
        "category": [word for text in category_words for word in _words(text)],
        "languages": [word for text in resource.languages for word in _words(text)],
        "notes": _words(resource.notes or ""),
    }


def _field_score(token: str, words: list[str]) -> float:
    if not words:
        return 0.0
    best = process.extractOne(token, words, scorer=fuzz.ratio)
    score = best[1] if best else 0.0
    size = len(token)
    if size >= 3:
        prefixes = [word[:size] for word in words if len(word) > size]
        match = process.extractOne(token, prefixes, scorer=fuzz.ratio)
        if match is not None:
            score = max(score, _PREFIX_FACTOR * match[1])
    if size >= 4:
        longer = [word for word in words if len(word) > size + 1]
        match = process.extractOne(token, longer, scorer=fuzz.partial_ratio)
        if match is not None:
            score = max(score, _INFIX_FACTOR * match[1])
    return score


def relevance(resource: Resource, tokens: Sequence[str]) -> float:
    """0-100: how well every token matches some field of the record (weighted)."""
    if not tokens:
        return 100.0
    fields = {name: sorted(set(words)) for name, words in _fields(resource).items()}
    total = 0.0
    for token in tokens:
        best = max(
            _FIELD_WEIGHTS[name] * _field_score(token, words) for name, words in fields.items()
        )
        total += best if best >= TOKEN_FLOOR else 0.0
    return total / len(tokens)


def search(
    resources: Sequence[Resource],
    query: str,
    category: Category | None,
    now: int,
    limit: int = 5,
) -> list[tuple[Resource, float]]:
    """Visible records matching ``query``, best first, with their scores (0-100).

    An empty query lists the category's visible records, freshest verified first. Records
    below MIN_RELEVANCE are dropped; stale ones lose STALE_PENALTY; ties go to the more
    recently verified, then the lower number.
    """
    if limit <= 0:
        return []
    tokens = _query_tokens(query)
    scored: list[tuple[Resource, float]] = []
    for resource in resources:
        if not visible(resource) or (category is not None and resource.category != category):
            continue
        score = relevance(resource, tokens)
        if score < MIN_RELEVANCE:
            continue
        if is_stale(resource, now):
            score -= STALE_PENALTY
        scored.append((resource, round(score, 2)))
    scored.sort(key=lambda pair: (-pair[1], -_verified_key(pair[0]), pair[0].number))
    return scored[:limit]


def _verified_key(resource: Resource) -> int:
    return resource.verified_at if resource.verified_at is not None else -(2**62)


# ---------------------------------------------------------------------------------------------
# Display

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SHORT_LINE_TAGS = 4


def _local(ms: int, tz: str) -> datetime:
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        zone = ZoneInfo("UTC")
    return (_EPOCH + timedelta(milliseconds=ms)).astimezone(zone)


def month_year(ms: int, tz: str = "UTC") -> str:
    local = _local(ms, tz)
    return f"{_MONTHS[local.month - 1]} {local.year}"


def day_month_year(ms: int, tz: str = "UTC") -> str:
    local = _local(ms, tz)
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}"


def _where(resource: Resource) -> str:
    parts = [part for part in (resource.region, "remote" if resource.remote else None) if part]
    return ", ".join(parts)


def short_line(resource: Resource, now: int, tz: str = "UTC") -> str:
    """One search result: ``#3 Name · therapist · Berlin, remote · tags · verified Mar 2026``.

    Never the contact: that is for ``/resource ID``.
    """
    parts = [f"#{resource.number} {resource.name}", resource.category.value]
    where = _where(resource)
    if where:
        parts.append(where)
    if resource.tags:
        shown = ", ".join(resource.tags[:_SHORT_LINE_TAGS])
        more = len(resource.tags) - _SHORT_LINE_TAGS
        parts.append(f"{shown} +{more}" if more > 0 else shown)
    if resource.status is not Status.VETTED:
        parts.append(resource.status.value)
    elif resource.verified_at is not None:
        parts.append(f"verified {month_year(resource.verified_at, tz)}")
    line = " · ".join(parts)
    if is_stale(resource, now):
        line += " · stale: re-vet?"
    return line


def details(resource: Resource, now: int, tz: str = "UTC") -> str:
    """The whole record for ``/resource ID``, one field a line, short enough for a phone."""
    head = [f"#{resource.number} {resource.name}"]
    where = _where(resource)
    head.append(f"{resource.category.value} · {where}" if where else resource.category.value)
    contact = resource.contact
    head += [f"phone: {phone}" for phone in contact.phones]
    head += [f"email: {email}" for email in contact.emails]
    head += [f"web: {url}" for url in contact.urls]
    if contact.other:
        head.append(f"other: {contact.other}")
    if resource.languages:
        head.append(f"languages: {', '.join(resource.languages)}")
    if resource.tags:
        head.append(f"tags: {', '.join(resource.tags)}")
    if resource.verified_at is not None:
        when = f"verified {day_month_year(resource.verified_at, tz)}"
    elif resource.status is Status.VETTED:
        when = "no verified date"
    else:
        when = "not yet vetted"
    status = f"{resource.status.value} · {when}"
    if is_stale(resource, now):
        status += " · stale: re-vet?"
    body = "\n".join(head)
    lines = [body]
    if resource.notes:
        # Notes are the one long field: cut them (rarely) so the whole reply fits a phone.
        room = MAX_DETAILS_CHARS - len(body) - len(status) - len("\nnotes: \n")
        notes = resource.notes
        if len(notes) > room:
            notes = notes[: max(room - 1, 0)] + "…"
        if room > 1:
            lines.append(f"notes: {notes}")
    lines.append(status)
    text = "\n".join(lines)
    if len(text) > MAX_DETAILS_CHARS:
        text = text[: MAX_DETAILS_CHARS - 1] + "…"
    return text
