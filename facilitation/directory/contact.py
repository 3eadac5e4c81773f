"""The contact section of an entry, sorted into phones, e-mails, web addresses and the rest."""

from __future__ import annotations

import re
from collections.abc import Callable

from facilitation.directory.record import MAX_CONTACT_CHARS, MAX_CONTACT_ITEM_CHARS, Contact, unique
from facilitation.text import clean_display_name

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
        phones=unique(item[:MAX_CONTACT_ITEM_CHARS] for item in phones),
        emails=unique(item[:MAX_CONTACT_ITEM_CHARS] for item in emails),
        urls=unique(item[:MAX_CONTACT_ITEM_CHARS] for item in urls),
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
