"""The catalog guards itself: every message translated in every language, with the same
placeholders and all the language's plural forms, renders in every language without a gap,
and keeps the house rules; the template and the compiled files follow the code.

A message may *await translation* (its entry empty, not fuzzy) only in a language that
``tools.i18n.COMPLETE`` does not list; ``make i18n-check`` prints how many do. Every test
about a translation's content runs over the translated pairs; the English of an awaiting
one is what its readers get meanwhile, and still keeps the house rules.

These run over whatever is declared: today a sample of real texts, tomorrow all of them."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from facilitation.i18n import (
    ENGLISH,
    LANGUAGES,
    TRANSLATED,
    Kind,
    Language,
    Message,
    Slot,
    english,
    render,
    strict_rendering,
)
from facilitation.i18n.catalogs import LOCALES, catalog_path
from facilitation.i18n.fields import names
from facilitation.i18n.house_rules import check_text, check_translation
from facilitation.i18n.samples import COUNTS, WORDS, counts, sample_params
from tests.facilitation.i18n.catalog_tools import all_messages, po
from tools import i18n as tooling

MESSAGES = all_messages()
EVERY_PAIR = [(m, lang) for m in MESSAGES for lang in TRANSLATED]


def _id(value: object) -> str:
    return value.name if isinstance(value, Message) else getattr(value, "code", str(value))


def renderings(message: Message, language: Language) -> Iterator[tuple[int, str, str]]:
    """``(n, the text in language, its English)`` for each sample count, rendered strictly."""
    for n in counts(message):
        said = message.with_(**sample_params(message, n))
        with strict_rendering():
            yield n, render(said, language).text, english(said)


def _entry(message: Message, language: Language) -> object:
    msgid = message.sources if message.count is not None else message.sources[0]
    return po(language).get(msgid[0] if isinstance(msgid, tuple) else msgid, message.name)


def _forms(entry: object) -> tuple[str, ...]:
    string = getattr(entry, "string", "")
    return string if isinstance(string, tuple) else (string,)


def awaits(message: Message, language: Language) -> bool:
    """Not translated yet: the entry is there, empty and not fuzzy."""
    entry = _entry(message, language)
    return (
        entry is not None
        and not getattr(entry, "fuzzy", False)
        and not any(form.strip() for form in _forms(entry))
    )


PAIRS = [(m, lang) for m, lang in EVERY_PAIR if not awaits(m, lang)]
"""The translated pairs, whose translations the tests below hold to the English."""


def test_the_catalog_is_not_empty_and_covers_every_kind_of_placeholder() -> None:
    assert len(MESSAGES) >= 20
    used = {slot for m in MESSAGES for slot in m.slots.values()}
    assert {Slot.PERSON, Slot.DURATION, Slot.TIME, Slot.DATE, Slot.LIST, Slot.TEXT} <= used
    assert any(m.count for m in MESSAGES) and any(m.kind is Kind.GUIDE for m in MESSAGES)


@pytest.mark.parametrize(("message", "language"), EVERY_PAIR, ids=_id)
def test_every_message_is_translated(message: Message, language: Language) -> None:
    entry = _entry(message, language)
    assert entry is not None, f"{message.name} is missing from the {language.code} catalog"
    if awaits(message, language):
        assert language.code not in tooling.COMPLETE, (
            f"{message.name} awaits translation in {language.code}, a language marked "
            "complete (tools/i18n.py COMPLETE): translate it, or take the language out"
        )
        return
    assert not entry.fuzzy, f"{message.name} in {language.code} is fuzzy: review it"
    forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
    assert all(form.strip() for form in forms), f"{message.name} in {language.code} is empty"


@pytest.mark.parametrize(("message", "language"), PAIRS, ids=_id)
def test_a_translation_has_the_placeholders_of_its_english(
    message: Message, language: Language
) -> None:
    entry = _entry(message, language)
    assert entry is not None
    forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
    for form in forms:
        assert names(form) == message.placeholders, (message.name, language.code, form)


@pytest.mark.parametrize(
    ("message", "language"), [(m, lang) for m, lang in PAIRS if m.count], ids=_id
)
def test_a_plural_has_every_form_of_the_language(message: Message, language: Language) -> None:
    entry = _entry(message, language)
    assert entry is not None and isinstance(entry.string, tuple)
    wanted = get_plural(language.catalog).num_plurals
    assert len(entry.string) == wanted, f"{message.name} in {language.code}: {wanted} forms"


@pytest.mark.parametrize("language", TRANSLATED, ids=_id)
def test_each_catalog_declares_the_plural_rules_of_its_language(language: Language) -> None:
    catalog: Catalog = po(language)
    expected = get_plural(language.catalog)
    assert catalog.num_plurals == expected.num_plurals
    assert catalog.plural_expr == expected.plural_expr


@pytest.mark.parametrize(("message", "language"), PAIRS, ids=_id)
def test_every_text_renders_in_every_language_and_is_translated(
    message: Message, language: Language
) -> None:
    for n, shown, source in renderings(message, language):
        assert shown.strip()
        if language.code not in message.same_in:
            assert shown != source, f"{message.name} comes back in English ({n})"
        # Nobody lost, nobody added: as many mentions as the English has.
        assert shown.count("\ufffc") == source.count("\ufffc")


@pytest.mark.parametrize(("message", "language"), PAIRS, ids=_id)
def test_a_translation_keeps_the_commands_of_its_english(
    message: Message, language: Language
) -> None:
    for _, shown, source in renderings(message, language):
        assert check_translation(source, shown) == []


@pytest.mark.parametrize(
    ("message", "language"), [(m, lang) for m in MESSAGES for lang in LANGUAGES], ids=_id
)
def test_every_text_keeps_the_house_rules(message: Message, language: Language) -> None:
    # A text awaiting translation reaches its readers in English: judged by English rules.
    said_in = ENGLISH if language in TRANSLATED and awaits(message, language) else language
    for _, shown, _source in renderings(message, language):
        assert check_text(shown, message.kind, said_in) == [], (message.name, language.code)
        if message.kind is Kind.GROUP and not message.shares_words:
            assert WORDS not in shown


@pytest.mark.parametrize("language", TRANSLATED, ids=_id)
def test_the_compiled_catalogs_are_those_of_the_po_files(language: Language) -> None:
    """A .mo older than its .po (edited, pulled) would quietly speak old words."""
    with catalog_path(LOCALES, language).open("rb") as compiled:
        loaded = gettext.GNUTranslations(compiled)
    for message in MESSAGES:
        entry = _entry(message, language)
        assert entry is not None
        if awaits(message, language):
            # Not compiled: its readers get the English meanwhile.
            assert loaded.pgettext(message.name, message.sources[0]) == message.sources[0]
            continue
        if message.count is None:
            got = loaded.pgettext(message.name, message.sources[0])
            assert got == entry.string, f"{message.name}: run make i18n (or make)"
        else:
            for index, _form in enumerate(entry.string):
                n = next(n for n in COUNTS if loaded.plural(n) == index)
                got = loaded.npgettext(message.name, *message.sources, n)
                assert got == entry.string[index], f"{message.name}: run make i18n (or make)"


def test_the_template_holds_exactly_the_declared_messages() -> None:
    """A message the extraction cannot see (a name or an English that is not a literal) or
    one declared in a module nothing imports would be missing from the translations."""
    with open(LOCALES / "holdspace.pot", "rb") as template:
        extracted = {
            (m.context, m.id if isinstance(m.id, str) else m.id[0])
            for m in read_po(template)
            if m.id
        }
    declared = {(m.name, m.sources[0]) for m in MESSAGES}
    assert extracted == declared


def test_a_complete_language_has_nothing_awaiting_and_the_count_is_what_the_tests_see() -> None:
    found = tooling.awaiting()
    for language in TRANSLATED:
        expected = sorted(m.name for m in MESSAGES if awaits(m, language))
        assert found[language.code] == expected
        if language.code in tooling.COMPLETE:
            assert found[language.code] == []


def test_the_catalogs_are_up_to_date_with_the_code() -> None:
    """What ``make i18n-check`` (CI) checks, here too so that ``make test`` says it first."""
    assert tooling.check() == []
