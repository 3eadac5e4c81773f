"""Rendering: the reader's language, mentions where Signal counts them, and English (never an
exception) when a translation is missing or does not fit."""

from __future__ import annotations

import contextvars
import logging
from pathlib import Path

import pytest

from facilitation.i18n import (
    ENGLISH,
    Duration,
    Kind,
    ListOf,
    Msg,
    Number,
    Plural,
    Registry,
    Slot,
    Someone,
    TextProblem,
    Verbatim,
    current_language,
    english,
    joined,
    lines,
    render,
    speaking,
    strict_rendering,
    utf16_len,
)
from facilitation.i18n.catalogs import Catalogs
from tests.facilitation.i18n.catalog_tools import own_catalogs

REGISTRY = Registry()
FLOOR = Msg(
    "t.floor",
    "{speaker}, you have the floor for {length}.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
    length=Slot.DURATION,
    registry=REGISTRY,
)
ALERT = Msg("t.alert", "🆘 {who} asked for help.", who=Slot.PERSON, registry=REGISTRY)
WITH = Msg("t.with", "Today: {names}.", names=Slot.LIST, registry=REGISTRY)
ASKED = Plural("t.asked", "I asked {n} person.", "I asked {n} people.", registry=REGISTRY)
WRAP = Msg("t.wrap", "Note: {inner}", inner=Slot.TEXT, registry=REGISTRY)
PLAIN = Msg("t.plain", "Thank you.", registry=REGISTRY)
SECRET = "my ex found my work account"


@pytest.fixture
def catalogs(tmp_path: Path) -> Catalogs:
    return own_catalogs(
        tmp_path,
        {
            "es": {
                FLOOR: "{speaker}, tienes la palabra durante {length}.",
                ALERT: "🆘 {who} pidió ayuda.",
                WITH: "Hoy: {names}.",
                ASKED: (
                    "Pregunté a {n} persona.",
                    "Pregunté a {n} personas.",
                    "Pregunté a {n} personas.",
                ),
                WRAP: "Nota: {inner}",
            },
            "de": {
                FLOOR: "{sprecher}, du hast das Wort.",  # placeholders that do not fit
                ALERT: "🆘 {who.__class__} hat um Hilfe gebeten.",  # not a plain name
                PLAIN: "Danke.",
            },
        },
    )


def test_a_text_is_rendered_in_the_language_asked_for(catalogs: Catalogs) -> None:
    said = FLOOR.with_(speaker=Someone("aci-1", "Sky"), length=Duration(300_000))
    assert render(said, "es", catalogs=catalogs).text == (
        "\ufffc (Sky), tienes la palabra durante 5 minutos."
    )
    assert render(said, "en", catalogs=catalogs).text == (
        "\ufffc (Sky), you have the floor for 5 minutes."
    )
    assert english(said) == "\ufffc (Sky), you have the floor for 5 minutes."


def test_a_mention_is_placed_in_utf16_code_units(catalogs: Catalogs) -> None:
    shown = render(ALERT.with_(who=Someone("aci-1", "Sky")), "es", catalogs=catalogs)
    [mention] = shown.mentions
    assert shown.text.startswith("🆘 \ufffc (Sky)")
    assert mention.start == 3 == utf16_len("🆘 ") and mention.length == 1  # the emoji is two
    assert mention.ref == "aci-1" and shown.about == ("aci-1",)


def test_mentions_in_a_list_and_in_nested_texts_keep_their_places(catalogs: Catalogs) -> None:
    people = [Someone("a", "Ana"), Someone("b", "Bo"), Someone("c")]
    said = WRAP.with_(inner=lines(WITH.with_(names=people), ALERT.with_(who=Someone("d"))))
    for language in ("en", "es"):
        shown = render(said, language, catalogs=catalogs)
        units = shown.text.encode("utf-16-le")
        for mention in shown.mentions:
            found = units[2 * mention.start : 2 * (mention.start + mention.length)]
            assert found.decode("utf-16-le") == "\ufffc"
        assert [m.ref for m in shown.mentions] == ["a", "b", "c", "d"]
    assert render(said, "es", catalogs=catalogs).text == (
        "Nota: Hoy: \ufffc (Ana), \ufffc (Bo) y \ufffc.\n🆘 \ufffc pidió ayuda."
    )


def test_names_found_later_fill_in_and_an_away_member_is_not_notified() -> None:
    said = WITH.with_(names=[Someone("m-1"), Someone("m-2"), Someone("m-3", mention=False)])
    shown = render(
        said,
        "en",
        people={
            "m-1": Someone("aci-1", "Ana"),
            "m-2": Someone("aci-2", "Bo", mention=False),  # away: never pinged
        },
    )
    assert shown.text == "Today: \ufffc (Ana), Bo and someone."
    assert [m.ref for m in shown.mentions] == ["aci-1"]
    assert set(shown.about) == {"m-1", "aci-1", "m-2", "aci-2", "m-3"}  # for /forgetme


def test_a_plural_takes_the_form_of_the_language(catalogs: Catalogs) -> None:
    said = [render(ASKED.with_(n=n), "es", catalogs=catalogs).text for n in (1, 2, 1_000_000)]
    assert said == [
        "Pregunté a 1 persona.",
        "Pregunté a 2 personas.",
        "Pregunté a 1.000.000 personas.",
    ]
    assert render(ASKED.with_(n=1), "en").text == "I asked 1 person."
    assert render(ASKED.with_(n=0), "en").text == "I asked 0 people."


def test_speaking_sets_the_language_for_the_task_and_an_explicit_one_wins(
    catalogs: Catalogs,
) -> None:
    said = FLOOR.with_(speaker=Someone("x"), length=Duration(60_000))
    assert current_language() is ENGLISH
    with speaking("es") as spoken:
        assert spoken.code == "es" and current_language().code == "es"
        assert "tienes la palabra" in render(said, catalogs=catalogs).text
        assert "you have the floor" in render(said, "en", catalogs=catalogs).text
        other = contextvars.Context()  # another task's context is untouched
        assert other.run(current_language) is ENGLISH
        with speaking("xx"):  # unknown: English
            assert current_language() is ENGLISH
        assert current_language().code == "es"
    assert current_language() is ENGLISH


def test_a_missing_translation_is_said_in_english_and_logged_by_name_once(
    catalogs: Catalogs, caplog: pytest.LogCaptureFixture
) -> None:
    said = ALERT.with_(who=Someone("aci-secret", SECRET))
    with caplog.at_level(logging.WARNING, logger="holdspace.i18n"):
        first = render(said, "fr", catalogs=catalogs)  # no French catalog at all
        render(said, "fr", catalogs=catalogs)
        render(WITH.with_(names=["Ana"]), "de", catalogs=catalogs)  # German lacks it
        render(WITH.with_(names=["Ana"]), "de", catalogs=catalogs)
    assert first.text == f"🆘 \ufffc ({SECRET}) asked for help." and first.language == "fr"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert len(caplog.records) == 2
    assert "fr" in logged and "t.with" in logged
    assert SECRET not in logged and "aci-secret" not in logged and "Ana" not in logged


def test_a_translation_that_does_not_fit_gives_way_to_english(
    catalogs: Catalogs, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="holdspace.i18n"), strict_rendering():
        floor = render(
            FLOOR.with_(speaker=Someone("x"), length=Duration(120_000)), "de", catalogs=catalogs
        )
        alert = render(ALERT.with_(who=Someone("x")), "de", catalogs=catalogs)
    # The whole message in English, its parameters too: no German words in an English line.
    assert floor.text == "\ufffc, you have the floor for 2 minutes."
    assert alert.text == "🆘 \ufffc asked for help."
    assert render(PLAIN, "de", catalogs=catalogs).text == "Danke."
    assert {"t.floor", "t.alert"} <= {r.args[0] for r in caplog.records if r.args}


def test_a_wrong_parameter_never_crashes_in_production_and_fails_a_test(
    caplog: pytest.LogCaptureFixture,
) -> None:
    missing = FLOOR.with_(speaker=Someone("x"))
    extra = PLAIN.with_(who="Sky")
    with caplog.at_level(logging.WARNING, logger="holdspace.i18n"), strict_rendering(False):
        assert render(missing, "en").text == "\ufffc, you have the floor for …."
        assert render(extra, "en").text == "Thank you."
        assert render(ASKED.with_(n="three"), "en").text == "I asked three person."
        assert render(WRAP.with_(inner=None), "en").text == "Note: "
        assert render(WRAP.with_(inner=object()), "en").text == "Note: "
    assert caplog.records
    for wrong in (missing, extra, ASKED.with_(n="three"), ASKED.with_(n=True)):
        with strict_rendering(), pytest.raises(TextProblem):
            render(wrong, "en")
    with strict_rendering(), pytest.raises(TextProblem):
        render(WRAP.with_(inner=object()), "en")


def test_plain_values_are_written_the_languages_way(catalogs: Catalogs) -> None:
    said = WRAP.with_(
        inner=joined(
            Verbatim("🌱 "),
            1234567,
            " · ",
            Number(3.46),
            " · ",
            ListOf(["a", "b"], either=True),
            sep="",
        )
    )
    assert render(said, "en").text == "Note: 🌱 1,234,567 · 3.5 · a or b"
    assert render(said, "es", catalogs=catalogs).text == "Nota: 🌱 1.234.567 · 3,5 · a o b"
    assert render(ListOf([]), "en").text == "" and render(ListOf(["x"]), "en").text == "x"


def test_reprs_give_nobody_away() -> None:
    someone = Someone("8c1f-aci", "Sky")
    shown = render(ALERT.with_(who=someone), "en")
    for value in (
        someone,
        shown,
        shown.mentions[0],
        Verbatim(SECRET),
        lines(SECRET),
        ListOf([SECRET]),
    ):
        text = repr(value)
        assert "8c1f-aci" not in text and "Sky" not in text and SECRET not in text
