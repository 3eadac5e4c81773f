"""The house rules of ../shared/VOICE.md that a machine can check, in every language.

``check_text`` looks at one rendered text of a known ``Kind``; ``check_translation`` at a
translation beside its English. The catalog tests run both over every message in every
language with sample values; a new text that breaks a rule fails there. What a machine
cannot judge (warmth, whether a count would do instead of a name) is the reviewers' part.

- No word members should never read: "gateway", "HTTP", "ACI", "hash", "invalid",
  "error", "error code", and their equivalents in each language.
- No nested usage: a text holds the usage label ("Usage:") at most once, and a usage text
  never holds it (whoever shows the usage adds it); no parentheses inside parentheses.
- A refusal says what to do next: it names a command (``/guide``), or says what to do in
  words: one of ``NEXT_STEPS`` for its language ("try", "ask", "wait", ...) where a clause
  begins, or after one of its ``POLITE`` words ("please", "you can"). So "Only facilitators
  can use that." is caught: "use" is there, but nothing is asked of the reader.
- A translation keeps every command its English names (commands are English in every
  language).
- A group post never repeats words a member typed (checked when a message is declared,
  see facilitation/i18n/messages.py; ``shares_words`` is the one way around it).
"""

from __future__ import annotations

import re

from facilitation.i18n.languages import Language
from facilitation.i18n.messages import MESSAGES, Kind
from facilitation.i18n.pieces import Verbatim
from facilitation.i18n.render import render

_COMMON = ("gateway", "http", "https", "aci", "hash", "hashes", "hashed")
BANNED: dict[str, tuple[str, ...]] = {
    "en": (*_COMMON, "invalid", "error", "errors", "error code"),
    "es": (*_COMMON, "inválido", "inválida", "error", "errores", "código de error"),
    "de": (*_COMMON, "ungültig", "ungültige", "ungültiger", "fehler", "fehlercode"),
    "fr": (*_COMMON, "invalide", "invalides", "erreur", "erreurs", "code d'erreur"),
    "pt": (*_COMMON, "inválido", "inválida", "erro", "erros", "código de erro"),
}
"""Whole words, case-insensitive."""

NEXT_STEPS: dict[str, tuple[str, ...]] = {
    "en": (
        *("try", "ask", "wait", "send", "use", "pick", "choose", "write", "reply", "check"),
        *("come back", "tell", "answer"),
    ),
    "es": (
        *("prueba", "intenta", "pide", "pregunta", "espera", "envía", "manda", "usa"),
        *("elige", "escribe", "responde"),
    ),
    "de": (
        *("versuch", "versuche", "probier", "probiere", "frag", "frage", "warte", "schick"),
        *("schicke", "nutze", "wähl", "wähle", "schreib", "schreibe", "antworte"),
    ),
    "fr": ("essaie", "demande", "attends", "envoie", "utilise", "choisis", "écris", "réponds"),
    "pt": (
        *("tente", "peça", "pergunte", "espere", "envie", "mande", "use", "escolha"),
        *("escreva", "responda"),
    ),
}
"""Words that say what to do next, for a refusal that names no command."""

POLITE: dict[str, tuple[str, ...]] = {
    "en": ("please", "you can", "you could", "then", "just"),
    "es": ("por favor", "puedes", "luego"),
    "de": ("bitte", "kannst du", "du kannst", "dann"),
    "fr": ("s'il te plaît", "merci de", "tu peux", "puis"),
    "pt": ("por favor", "você pode", "depois"),
}
"""Words after which a next step is asked of the reader, not merely mentioned."""
_CLAUSE = r"(?:^|[.!?:;,—\n(]\s*)"

COMMAND = re.compile(r"(?<![\w/])/[a-z][a-z-]*")
USAGE_LINE = "command.usage_line"
"""The message that puts the label before a usage: its own words are the label."""
_GAP = "\x00"


def _words(language: Language, words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def usage_label(language: Language) -> str:
    """The label before a usage line in ``language`` ("Usage:", "Uso:")."""
    line = MESSAGES.get(USAGE_LINE)
    if line is None:
        return "Usage:"
    label = render(line.with_(usage=Verbatim(_GAP)), language).text.split(_GAP)[0]
    return label.strip() or "Usage:"


def _deepest_parentheses(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth = max(0, depth - 1)
    return deepest


def commands_in(text: str) -> set[str]:
    return set(COMMAND.findall(text))


def check_text(text: str, kind: Kind, language: Language) -> list[str]:
    """What in ``text`` (a rendered message of ``kind``) breaks a house rule."""
    problems = []
    banned = _words(language, BANNED.get(language.code, BANNED["en"])).findall(text)
    if banned:
        problems.append(f"says {sorted({b.casefold() for b in banned})}")
    label = usage_label(language).casefold()
    shown = text.casefold().count(label)
    if kind is Kind.USAGE and shown:
        problems.append(f"a usage text holds the label {label!r} (it is added where shown)")
    elif shown > 1:
        problems.append(f"holds the usage label {label!r} {shown} times")
    if _deepest_parentheses(text) > 1:
        problems.append("has parentheses inside parentheses")
    if kind is Kind.REFUSAL and not commands_in(text) and not asks_a_next_step(text, language):
        problems.append("a refusal that does not say what to do next")
    return problems


def asks_a_next_step(text: str, language: Language) -> bool:
    """Whether ``text`` asks its reader to do something: a next-step word where a clause
    begins ("Try again soon.", "…, ask a facilitator.") or after a polite word ("Please
    wait a little"), not just anywhere ("Only facilitators can use that.")."""
    steps = NEXT_STEPS.get(language.code, NEXT_STEPS["en"])
    polite = POLITE.get(language.code, POLITE["en"])
    step = "|".join(re.escape(w) for w in sorted(steps, key=len, reverse=True))
    lead = "|".join(re.escape(w) for w in sorted(polite, key=len, reverse=True))
    asked = re.compile(
        rf"(?:{_CLAUSE}|(?<!\w)(?:{lead})\s+)(?:{step})(?!\w)", re.IGNORECASE | re.MULTILINE
    )
    return asked.search(text) is not None


def check_translation(english: str, translated: str) -> list[str]:
    """What a translation lost of its English: the commands it names."""
    lost = commands_in(english) - commands_in(translated)
    return [f"leaves out {sorted(lost)}"] if lost else []
