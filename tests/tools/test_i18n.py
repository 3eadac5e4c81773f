"""The catalog tooling (tools/i18n.py, setup.py's build hook) on a small project of its own:
extraction finds every declaration with its context, the check fails until the catalogs
follow the code, and the build compiles them where they must be."""

from __future__ import annotations

import gettext
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po, write_po
from setuptools.dist import Distribution

from tools import i18n

SAMPLE = """
from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# TRANSLATORS: {who} is a mention.
ALERT = Msg("sos.alert", "{who} asked for help.", kind=Kind.DIRECT, who=Slot.PERSON)
COUNT = Plural(
    "sessions.count",
    "{n} session",
    "{n} sessions",
)
LONG = Msg(
    "guide.long",
    "First line. "
    "Second line.",
    kind=Kind.GUIDE,
)
"""
NAMELESS = """
from facilitation.i18n.messages import Msg

name = "not.extracted"
DYNAMIC = Msg(name, "Not a literal: the catalog test catches this.")
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for package in i18n.SOURCES:
        (tmp_path / package).mkdir()
    (tmp_path / "facilitation" / "texts.py").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "commands" / "dynamic.py").write_text(NAMELESS, encoding="utf-8")
    (tmp_path / i18n.LOCALES).mkdir(parents=True)
    return tmp_path


def _template(project: Path) -> list[tuple[str | None, object, list[str]]]:
    with (project / i18n.TEMPLATE).open("rb") as source:
        return [(m.context, m.id, m.auto_comments) for m in read_po(source) if m.id]


def test_extraction_finds_each_declaration_with_its_name_as_the_context(project: Path) -> None:
    assert i18n.extract(project) is True
    assert _template(project) == [
        (None, "Not a literal: the catalog test catches this.", []),  # commands/ comes first
        ("sos.alert", "{who} asked for help.", ["{who} is a mention."]),
        ("sessions.count", ("{n} session", "{n} sessions"), []),
        ("guide.long", "First line. Second line.", []),
    ]
    problems = i18n.check(project)  # and so does the check, first of all
    assert "without a literal name" in problems[0] and "Not a literal" in problems[0]
    text = (project / i18n.TEMPLATE).read_text(encoding="utf-8")
    assert "#: facilitation/texts.py\n" in text and str(project) not in text


def test_extracting_again_changes_nothing_not_even_the_date(project: Path) -> None:
    i18n.extract(project)
    before = (project / i18n.TEMPLATE).read_bytes()
    assert i18n.extract(project) is False
    assert (project / i18n.TEMPLATE).read_bytes() == before


def test_the_check_fails_until_the_catalogs_follow_the_code(project: Path) -> None:
    (project / "commands" / "dynamic.py").unlink()
    i18n.extract(project)
    i18n.init("es", project)
    incomplete: frozenset[str] = frozenset()  # a language just started awaits every text
    assert i18n.check(project, incomplete) == []
    source = project / "facilitation" / "texts.py"
    source.write_text(SAMPLE + 'NEW = Msg("session.new", "Something new.")\n', encoding="utf-8")
    [problem] = i18n.check(project, incomplete)
    assert "holdspace.pot" in problem and "make i18n" in problem
    i18n.extract(project)
    [problem] = i18n.check(project, incomplete)
    assert ".po" in problem and "make i18n" in problem
    i18n.update(project)
    assert i18n.check(project, incomplete) == []
    # Marked complete, the same catalog fails: its texts still await translation.
    [problem] = i18n.check(project, frozenset({"es"}))
    assert problem.startswith("es is marked complete") and "await translation" in problem


def _po(project: Path) -> Path:
    return project / i18n.LOCALES / "es" / "LC_MESSAGES" / "holdspace.po"


def _translate(project: Path, texts: dict[str, str | tuple[str, ...]]) -> None:
    with _po(project).open("rb") as source:
        catalog = read_po(source, locale="es")
    for message in catalog:
        if message.context in texts:
            message.string = texts[message.context]
    with _po(project).open("wb") as target:
        write_po(target, catalog)


def test_a_changed_english_keeps_the_old_translation_as_fuzzy_and_uncompiled(
    project: Path,
) -> None:
    i18n.extract(project)
    i18n.init("es", project)
    _translate(project, {"sos.alert": "{who} pidió ayuda."})
    source = project / "facilitation" / "texts.py"
    source.write_text(
        SAMPLE.replace("{who} asked for help.", "{who} asked for help just now."),
        encoding="utf-8",
    )
    i18n.extract(project)
    i18n.update(project)
    with _po(project).open("rb") as po:
        [entry] = [m for m in read_po(po) if m.context == "sos.alert"]
    assert entry.fuzzy and entry.string == "{who} pidió ayuda."
    # The old English beside it, for the translator to see what changed.
    assert '#| msgid "{who} asked for help."' in _po(project).read_text(encoding="utf-8")
    [mo] = i18n.compile_all(root=project)
    with mo.open("rb") as compiled:
        loaded = gettext.GNUTranslations(compiled)
    said = loaded.pgettext("sos.alert", "{who} asked for help just now.")
    assert said == "{who} asked for help just now."  # not compiled: English until reviewed


def _setup() -> ModuleType:
    spec = importlib.util.spec_from_file_location("holdspace_setup", i18n.ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _built(project: Path, *, editable: bool, build_lib: Path) -> list[Path]:
    setup = _setup()
    setup.ROOT = project
    command = setup.build_catalogs(Distribution())
    command.initialize_options()
    command.build_lib = str(build_lib)
    command.editable_mode = editable
    command.run()
    return [Path(p) for p in command.get_outputs()]


def test_the_build_compiles_the_catalogs_into_the_wheel_or_beside_the_po_files(
    project: Path, tmp_path: Path
) -> None:
    i18n.extract(project)
    i18n.init("es", project)
    _translate(project, {"sos.alert": "{who} pidió ayuda."})
    wheel = tmp_path / "build-lib"
    [into_wheel] = _built(project, editable=False, build_lib=wheel)
    assert into_wheel == wheel / i18n.LOCALES / "es" / "LC_MESSAGES" / "holdspace.mo"
    assert into_wheel.exists() and not _po(project).with_suffix(".mo").exists()
    [in_place] = _built(project, editable=True, build_lib=wheel)
    assert in_place == _po(project).with_suffix(".mo") and in_place.exists()
    with in_place.open("rb") as compiled:
        assert gettext.GNUTranslations(compiled).pgettext("sos.alert", "{who} asked for help.") == (
            "{who} pidió ayuda."
        )


def test_the_keyword_options_come_from_the_declarations() -> None:
    assert i18n.keyword_options() == [
        "--no-default-keywords",
        "-k",
        "Msg:1c,2",
        "-k",
        "Plural:1c,2,3",
    ]
