"""``/resource add <category> <name> ; <contact> ; <notes> [; tags]``: what a member types,
parsed into a ``NewResource`` or refused with a ``ResourceError`` that never echoes it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitation.directory.contact import parse_contact
from facilitation.directory.fields import (
    LANGUAGE_CODE,
    normalise_region,
    normalise_tags,
    parse_languages,
)
from facilitation.directory.record import (
    CATEGORY_LIST,
    MAX_CONTACT_CHARS,
    MAX_LANGUAGES,
    MAX_NAME_CHARS,
    MAX_NOTES_CHARS,
    NewResource,
    ResourceError,
    parse_category,
    unique,
)
from facilitation.text import MAX_COMMAND_CHARS, clean_display_name, clean_free_text
from facilitation.texts import directory as said

MISSING_CONTACT = "missing contact: put a phone, e-mail or website after the name and ;"

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
        raise ResourceError("that is too long for one resource", said.HINT_TOO_LONG)
    sections = [section.strip() for section in args.split(";")]
    head = sections[0].split(None, 1)
    if not head:
        raise ResourceError(
            f"start with a category: {CATEGORY_LIST}", said.HINT_CATEGORY.with_(list=CATEGORY_LIST)
        )
    category = parse_category(head[0])
    if category is None:
        raise ResourceError(
            f"unknown category; use one of: {CATEGORY_LIST}",
            said.HINT_UNKNOWN_CATEGORY.with_(list=CATEGORY_LIST),
        )
    name = clean_display_name(head[1]) if len(head) > 1 else ""
    if not name:
        raise ResourceError(
            "missing name: /resource add <category> <name> ; <contact> ; ...", said.HINT_NAME
        )
    if len(name) > MAX_NAME_CHARS:
        raise ResourceError(
            f"name can be {MAX_NAME_CHARS} characters at most",
            said.HINT_NAME_LONG.with_(n=MAX_NAME_CHARS),
        )
    if len(sections) < 2 or not sections[1]:
        raise ResourceError(MISSING_CONTACT, said.HINT_CONTACT)
    if len(sections[1]) > MAX_CONTACT_CHARS:
        raise ResourceError(
            f"contact can be {MAX_CONTACT_CHARS} characters at most",
            said.HINT_CONTACT_LONG.with_(n=MAX_CONTACT_CHARS),
        )
    contact = parse_contact(sections[1])
    if contact.empty:
        raise ResourceError(MISSING_CONTACT, said.HINT_CONTACT)
    if len(sections) >= 4:
        notes_text, tags_text = "; ".join(sections[2:-1]), sections[-1]
    else:
        notes_text, tags_text = (sections[2] if len(sections) == 3 else ""), ""
    notes = clean_free_text(notes_text, limit=MAX_COMMAND_CHARS)
    if len(notes) > MAX_NOTES_CHARS:
        raise ResourceError(
            f"notes can be {MAX_NOTES_CHARS} characters at most",
            said.HINT_NOTES_LONG.with_(n=MAX_NOTES_CHARS),
        )
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
        if in_languages and LANGUAGE_CODE.fullmatch(folded):
            languages.append(folded)
            continue
        in_languages = False
        if folded in _REMOTE_WORDS:
            remote = True
            continue
        raw_tags.append(item)
    unique_languages = unique(languages)
    if len(unique_languages) > MAX_LANGUAGES:
        raise ResourceError(
            f"at most {MAX_LANGUAGES} languages", said.HINT_LANGUAGES.with_(n=MAX_LANGUAGES)
        )
    return _TagSection(region, remote, unique_languages, normalise_tags(raw_tags))
