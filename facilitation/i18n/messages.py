"""Named texts: what a person can read, declared once with its English source, as
facilitation/texts/ does (``Msg("session.pause", "Let's pause ...", kind=Kind.GROUP)``,
``Plural("rota.swap_sent", "... {n} person ...", "... {n} people ...")``), and returned with
its parameters: ``FLOOR_GIVEN.with_(speaker=Someone(member_id), length=Duration(turn_ms))``.

The name is the gettext message context (``msgctxt``) and the English the ``msgid`` (and
``msgid_plural``), so ``pybabel extract`` with ``KEYWORDS`` finds every declaration: the name and
the English must be string literals in the call (adjacent literals are joined, as Python
does). A ``# TRANSLATORS:`` comment just above the call goes into the catalog beside it.

A declaration is checked when it is made (a bad one fails the first test that imports it):
the name is dotted and unique, every placeholder is a plain name with a declared ``Slot`` and
every declared slot is used, and a group post holds nothing a member typed unless it says so.
``Slot`` says what a placeholder holds, so that the catalog tests can render every text with
sample values and check the house rules by ``Kind`` (facilitation/i18n/house_rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from facilitation.i18n import fields
from facilitation.i18n.languages import TRANSLATED

if TYPE_CHECKING:
    from facilitation.i18n.render import Writer

KEYWORDS: dict[str, tuple[tuple[int, str] | int, ...]] = {
    "Msg": ((1, "c"), 2),
    "Plural": ((1, "c"), 2, 3),
}
"""Babel's keyword specs for the declarations (``Msg:1c,2``, ``Plural:1c,2,3``): argument 1
is the context, 2 (and 3) the message. tools/i18n.py extracts with exactly these."""


class Kind(StrEnum):
    """What a text is, so the house rules can be checked by kind."""

    REPLY = "reply"
    """An answer to whoever asked, where they asked."""
    REFUSAL = "refusal"
    """A command not done: says why, kindly, and what to do next."""
    USAGE = "usage"
    """How a command is written. Whoever shows it adds the label ("Usage:") once: a usage
    text never holds the label, nor a second pair of parentheses inside the first."""
    GROUP = "group"
    """Posted to a circle's group, for everyone in it: never holds words a member typed
    (unless ``shares_words``), never a person where a count would do."""
    DIRECT = "direct"
    """Sent to one person alone without their asking: an alert, a reminder, a care line."""
    GUIDE = "guide"
    """A long text: a guide, the default agreement."""
    WORD = "word"
    """A piece other texts are made of: "someone", "today at {time}"."""


class Slot(StrEnum):
    """What a placeholder holds."""

    TEXT = "text"
    """Another text of ours (a lazy message), or a command as members type it."""
    NAME = "name"
    """A name someone chose: an alias, a newcomer's name, a circle's purpose word."""
    WORDS = "words"
    """Words a member typed: check-in words, an intro, a reason."""
    PERSON = "person"
    """A ``Someone``: a Signal mention, or a name without one."""
    COUNT = "count"
    """A whole number."""
    NUMBER = "number"
    """A number with decimals (a ``Number``)."""
    DURATION = "duration"
    """A ``Duration``."""
    DATE = "date"
    """A day: a ``Day`` (a verified date) or a ``Weekday``."""
    TIME = "time"
    """A moment: a ``SessionTime``, a ``NextSession`` or a ``Clock``."""
    LIST = "list"
    """Several values joined the language's way ("A, B and C")."""


class DeclarationError(ValueError):
    """A message declared wrongly: a programming error, caught by the first test that
    imports the module."""


_NAME = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")


class Registry:
    """Every message declared, by name: what the catalog tests walk through."""

    def __init__(self) -> None:
        self._messages: dict[str, Message] = {}

    def add(self, message: Message) -> None:
        if message.name in self._messages:
            raise DeclarationError(f"two messages are named {message.name}")
        self._messages[message.name] = message

    def get(self, name: str) -> Message | None:
        return self._messages.get(name)

    def __iter__(self) -> Iterator[Message]:
        return iter(sorted(self._messages.values(), key=lambda m: m.name))

    def __len__(self) -> int:
        return len(self._messages)


MESSAGES = Registry()
"""The product's messages. Tests declare theirs in a registry of their own."""


class Message:
    """What ``Msg`` and ``Plural`` share. A message is itself a text (with no parameters)."""

    __slots__ = ("kind", "name", "same_in", "shares_words", "slots", "sources")

    name: str
    sources: tuple[str, ...]
    """The English: one text, or the singular and the plural."""
    kind: Kind
    slots: Mapping[str, Slot]
    same_in: frozenset[str]
    """Languages whose translation may read exactly like the English (a name, "OK")."""
    shares_words: bool

    def _declare(
        self,
        name: str,
        sources: tuple[str, ...],
        kind: Kind,
        slots: dict[str, Slot],
        same_in: Iterable[str],
        shares_words: bool,
        registry: Registry | None,
    ) -> None:
        self.name = name
        self.sources = sources
        self.kind = Kind(kind)
        self.slots = MappingProxyType(dict(slots))
        self.same_in = frozenset(same_in)
        self.shares_words = shares_words
        self._check()
        (MESSAGES if registry is None else registry).add(self)

    @property
    def count(self) -> str | None:
        """The parameter that chooses a plural form (None for a ``Msg``)."""
        return None

    @property
    def placeholders(self) -> frozenset[str]:
        """Every placeholder the English uses, in any of its forms."""
        return frozenset().union(*(fields.names(source) for source in self.sources))

    @property
    def english(self) -> str:
        """The English (the singular, for a plural)."""
        return self.sources[0]

    def with_(self, **params: object) -> Said:
        """This message with its parameters: what to say, rendered later for the reader."""
        return Said(self, tuple(sorted(params.items())))

    def write(self, out: Writer) -> None:
        out.message(self, {})

    def _check(self) -> None:
        where = f"message {self.name!r}"
        if not _NAME.fullmatch(self.name):
            raise DeclarationError(f"{where}: a name is dotted lowercase, like session.pause")
        for source in self.sources:
            if not source.strip() or not fields.parse(source).ok:
                raise DeclarationError(f"{where}: its placeholders must be plain {{names}}")
        declared = set(self.slots) | ({self.count} if self.count else set())
        undeclared = self.placeholders - declared
        unused = set(self.slots) - self.placeholders
        if undeclared or unused:
            raise DeclarationError(
                f"{where}: declare a Slot for each placeholder, and only for those "
                f"(undeclared {sorted(undeclared)}, unused {sorted(unused)})"
            )
        if self.kind is Kind.GROUP and Slot.WORDS in self.slots.values() and not self.shares_words:
            raise DeclarationError(
                f"{where}: a group post never repeats what a member typed "
                "(say shares_words=True only where they asked for it to be posted)"
            )
        unknown = self.same_in - {lang.code for lang in TRANSLATED}
        if unknown:
            raise DeclarationError(f"{where}: same_in names no language {sorted(unknown)}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name})"


class Msg(Message):
    """A named text: ``Msg("session.pause", "Let's pause ...", kind=Kind.GROUP)``."""

    __slots__ = ()

    def __init__(
        self,
        name: str,
        source: str,
        *,
        kind: Kind = Kind.REPLY,
        same_in: Iterable[str] = (),
        shares_words: bool = False,
        registry: Registry | None = None,
        **slots: Slot,
    ) -> None:
        self._declare(name, (source,), kind, slots, same_in, shares_words, registry)


class Plural(Message):
    """A named text whose words depend on a number: ``count`` (``n`` unless said otherwise)
    chooses the form, by the language's plural rules (gettext's ``ngettext``). English has
    two forms; Spanish, French and Portuguese three; the catalog tests demand them all."""

    __slots__ = ("_count",)

    def __init__(
        self,
        name: str,
        one: str,
        other: str,
        *,
        count: str = "n",
        kind: Kind = Kind.REPLY,
        same_in: Iterable[str] = (),
        shares_words: bool = False,
        registry: Registry | None = None,
        **slots: Slot,
    ) -> None:
        self._count = count
        self._declare(name, (one, other), kind, slots, same_in, shares_words, registry)

    @property
    def count(self) -> str:
        return self._count


class Said:
    """A message with its parameters: a lazy text, rendered for its reader's language.

    Its repr names the message only: parameters can hold names and words."""

    __slots__ = ("message", "params")

    def __init__(self, message: Message, params: tuple[tuple[str, object], ...]) -> None:
        self.message = message
        self.params = params

    def write(self, out: Writer) -> None:
        out.message(self.message, dict(self.params))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Said)
            and other.message is self.message
            and other.params == self.params
        )

    __hash__ = None  # type: ignore[assignment]  # parameters may be lists

    def __repr__(self) -> str:
        return f"Said({self.message.name})"
