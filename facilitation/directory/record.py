"""A directory entry: the record, its category and status, and the limits on every field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from facilitation.i18n.argument_words import CATEGORIES
from facilitation.i18n.languages import CODES
from facilitation.i18n.typed import read

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

CATEGORY_SYNONYMS: dict[Category, tuple[str, ...]] = {
    category: tuple(
        word
        for code in CODES
        for word in CATEGORIES.spelled(category.value, code)
        if word != category.value
    )
    for category in Category
}
"""Every other word for a category, in every language (``counsellor``, ``terapeuta``,
``Steuerberater``): what a search matches the category with. The table is
facilitation/i18n/argument_words.py's ``CATEGORIES``."""


def parse_category(text: str) -> Category | None:
    """A category from its name or a common plural or synonym, in any language
    (``counsellor``, ``Therapeutin``, ``psicóloga`` → therapist)."""
    meaning = read(CATEGORIES, text.strip().rstrip(".,:;!?"))
    return None if meaning is None else Category(meaning)


class Status(StrEnum):
    PENDING = "pending"  # suggested, not yet vetted: invisible to searches
    VETTED = "vetted"  # vetted by a facilitator or enough members
    FLAGGED = "flagged"  # reported stale or unsafe: hidden until a facilitator re-vets
    REMOVED = "removed"  # taken out by a facilitator


class ResourceError(ValueError):
    """Input we can't accept; the message is safe to show and never echoes it. ``said`` is
    the same hint as a text of the catalog, for a member (in their language); the English
    message is for the operator's import tool."""

    def __init__(self, message: str, said: object = None) -> None:
        super().__init__(message)
        self.said = said


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


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Distinct non-empty items, first spelling kept, compared case-insensitively."""
    seen: dict[str, str] = {}
    for item in items:
        if item:
            seen.setdefault(item.casefold(), item)
    return tuple(seen.values())
