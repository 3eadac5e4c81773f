"""The contact section of an entry, sorted into phones, e-mails, web addresses and the rest.

The one rule for an e-mail address (``EMAIL``), a web address (``URL``) and a phone number
(``is_phone``): ``/resource add`` picks them out of what a member types with it, and the
operator's import (bot/directory_format/) checks a file's values with it, so whatever one
stores the other accepts, and an export always imports again.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from facilitation.directory.record import MAX_CONTACT_CHARS, MAX_CONTACT_ITEM_CHARS, Contact, unique
from facilitation.text import clean_display_name

EMAIL = re.compile(r"\w[\w.'+-]*@[\w-]+(?:\.[\w-]+)+")
"""An e-mail address as people write them: letters (any script), digits and ``. ' + - _``
before the ``@`` (starting with a letter or digit: ``o'brien@example.org``,
``first.last+tag@example.org``), then a domain with at least one dot. Never spaces,
commas, semicolons, quotes or angle brackets: they separate values in a contact and in a
CSV cell."""
URL = re.compile(r"https?://[^\s,;<>\"']+", re.IGNORECASE)
"""A web address: ``http://`` or ``https://`` and anything up to a space, comma,
semicolon, angle bracket or quote."""
_EMAIL_IN_TEXT = re.compile(rf"(?:mailto:)?({EMAIL.pattern})", re.IGNORECASE)
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
        rest, found = _take(URL, rest)
        urls.extend(url.rstrip(".)") for url in found)
        rest, found = _take(_EMAIL_IN_TEXT, rest, group=1)
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
        emails=unique(item for item in emails if is_email(item)),
        urls=unique(item for item in urls if is_url(item)),
        other=other,
    )


def is_email(text: str) -> bool:
    """An e-mail address by ``EMAIL``, at most ``MAX_CONTACT_ITEM_CHARS`` long."""
    return len(text) <= MAX_CONTACT_ITEM_CHARS and EMAIL.fullmatch(text) is not None


def is_url(text: str) -> bool:
    """A web address by ``URL``, at most ``MAX_CONTACT_ITEM_CHARS`` long."""
    return len(text) <= MAX_CONTACT_ITEM_CHARS and URL.fullmatch(text) is not None


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
