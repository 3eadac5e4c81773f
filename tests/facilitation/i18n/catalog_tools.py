"""Helpers for the catalog tests: every declared message, the .po files, a catalog of one's
own for a test (compiled from a .po written on the spot)."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from facilitation.i18n import MESSAGES, TRANSLATED, Catalogs, Language, Message, Registry
from facilitation.i18n.catalogs import DOMAIN, LOCALES, catalog_path

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("bot", "commands", "facilitation", "storage")
DECLARES = ("Msg(", "Plural(")


@cache
def declared_messages() -> Registry:
    """The product's registry, after importing every module that declares a message (a
    module nobody imported yet would otherwise be missing from it)."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            if any(d in path.read_text(encoding="utf-8") for d in DECLARES):
                parts = path.relative_to(ROOT).with_suffix("").parts
                importlib.import_module(".".join(p for p in parts if p != "__init__"))
    return MESSAGES


def all_messages() -> list[Message]:
    return list(declared_messages())


@cache
def po(language: Language) -> Catalog:
    with catalog_path(LOCALES, language, ".po").open("rb") as source:
        return read_po(source, locale=language.catalog, domain=DOMAIN)


def po_catalogs() -> dict[str, Catalog]:
    return {lang.code: po(lang) for lang in TRANSLATED}


def own_catalogs(
    directory: Path, translations: Mapping[str, Mapping[Message, str | tuple[str, ...]]]
) -> Catalogs:
    """Compiled catalogs under ``directory`` holding exactly ``translations`` (language code
    -> message -> its translation, or its plural forms)."""
    for code, texts in translations.items():
        language = next(lang for lang in TRANSLATED if lang.code == code)
        catalog = Catalog(locale=language.catalog, domain=DOMAIN)
        for message, text in texts.items():
            msgid = message.sources if message.count is not None else message.sources[0]
            catalog.add(msgid, text, context=message.name)
        path = catalog_path(directory, language)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as compiled:
            write_mo(compiled, catalog)
    return Catalogs(directory)
