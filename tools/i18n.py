"""The message catalogs follow the code: ``make i18n`` and ``make i18n-check``.

    python -m tools.i18n extract      the template (holdspace.pot) from every Msg and Plural
    python -m tools.i18n update       each language's .po takes the template's changes
    python -m tools.i18n compile [PO] .po -> .mo (what the build hook does too)
    python -m tools.i18n check        fails if extract or update would change a file
    python -m tools.i18n init CODE    starts the .po of a new language (a Babel locale)

``extract`` rewrites the template only when a message changed (not for a new date), so
running ``make i18n`` on an unchanged tree changes nothing. ``update`` adds new messages
untranslated, marks changed ones fuzzy with the old translation beside them (``#|`` lines)
for the translator, and keeps removed ones as obsolete (``#~``) until someone deletes them.
A fuzzy or empty translation is not compiled: the text falls back to English.

A message whose translation is empty *awaits translation*: new English texts land before
their translations (the translators work from the merged English). That state is visible,
never silent: ``check`` prints how many texts await translation in each language, and the
catalog tests allow it only in a language not listed in ``COMPLETE``. A language listed there
is whole: a new message without its translation fails the tests. A fuzzy entry (the English
changed under a translation) always fails until a translator has reviewed it.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from babel.messages.frontend import BaseError, CommandLineInterface
from babel.messages.pofile import read_po

from facilitation.i18n import TRANSLATED
from facilitation.i18n.catalogs import DOMAIN, catalog_path
from facilitation.i18n.messages import KEYWORDS

ROOT = Path(__file__).resolve().parent.parent
LOCALES = Path("facilitation", "locales")
TEMPLATE = LOCALES / f"{DOMAIN}.pot"
SOURCES = ("bot", "commands", "facilitation", "storage")
"""Where messages may be declared (tests and tools are not extracted)."""
COMPLETE: frozenset[str] = frozenset({"es", "de", "fr", "pt"})
"""Languages in which every message is translated, kept so by the catalog tests. A change
that adds English texts before their translations takes the languages it leaves incomplete
out of this set; the translators put them back (issue 15's "done when")."""
HEADER = (
    "# The texts of holdspace, a Signal bot for peer-support circles.\n"
    "# Translate as a native speaker who works in peer support would:\n"
    "# warm, plain, informal (tú, du, tu, você). The README's\n"
    '# "Languages" section says how, and who reviews a translation.\n'
    "# Distributed under the same license as holdspace (AGPL-3.0-or-later).\n#"
)


def keyword_options() -> list[str]:
    """``-k Msg:1c,2 -k Plural:1c,2,3``, from the declarations' own spec."""
    options = ["--no-default-keywords"]
    for name, spec in KEYWORDS.items():
        parts = [f"{p[0]}{p[1]}" if isinstance(p, tuple) else str(p) for p in spec]
        options += ["-k", f"{name}:{','.join(parts)}"]
    return options


def pybabel(*args: str) -> int:
    """Babel's own command line, in this process."""
    try:
        CommandLineInterface().run(["pybabel", "--quiet", *args])  # type: ignore[no-untyped-call]
    except SystemExit as stop:
        return int(stop.code or 0)
    except BaseError:  # what Babel raises for "out of date" under --check
        return 1
    return 0


def extract_to(output: Path, root: Path = ROOT) -> None:
    sources = [str(root / s) for s in SOURCES]
    pybabel(
        "extract",
        *keyword_options(),
        "--add-comments=TRANSLATORS:",
        "--strip-comments",
        "--add-location=file",
        "--project=holdspace",
        f"--header-comment={HEADER}",
        "--charset=utf-8",
        f"--output-file={output}",
        *sources,
    )
    # Locations relative to the project, whichever directory it was run from.
    text = output.read_text(encoding="utf-8").replace(f"#: {root}/", "#: ")
    output.write_text(text, encoding="utf-8")


def _without_date(text: str) -> str:
    return "".join(
        line for line in text.splitlines(keepends=True) if "POT-Creation-Date:" not in line
    )


def template_is_current(root: Path = ROOT) -> tuple[bool, str]:
    """Whether the committed template holds exactly what extraction finds now."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch, "fresh.pot")
        extract_to(fresh, root)
        new = fresh.read_text(encoding="utf-8")
    old_path = root / TEMPLATE
    old = old_path.read_text(encoding="utf-8") if old_path.exists() else ""
    return _without_date(old) == _without_date(new), new


def extract(root: Path = ROOT) -> bool:
    """Rewrite the template if a message changed; True if it did."""
    current, new = template_is_current(root)
    if not current:
        (root / TEMPLATE).write_text(new, encoding="utf-8")
    return not current


def _update_args(root: Path) -> list[str]:
    return [
        "update",
        f"--input-file={root / TEMPLATE}",
        f"--output-dir={root / LOCALES}",
        f"--domain={DOMAIN}",
        "--ignore-pot-creation-date",
        "--previous",
    ]


def update(root: Path = ROOT) -> None:
    pybabel(*_update_args(root))


def catalogs_are_current(root: Path = ROOT) -> bool:
    """Whether every .po holds exactly the template's messages."""
    return pybabel(*_update_args(root), "--check") == 0


def _setup_module() -> ModuleType:
    """setup.py, whose ``compile_catalogs`` is the one compile step (the build hook's)."""
    spec = importlib.util.spec_from_file_location("holdspace_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compile_all(only: Sequence[Path] = (), root: Path = ROOT) -> list[Path]:
    setup = _setup_module()
    chosen = [Path(p).resolve().relative_to(root) for p in only] or None
    written: list[Path] = setup.compile_catalogs(root, root, chosen)
    return written


def init(locale: str, root: Path = ROOT) -> None:
    pybabel(
        "init",
        f"--input-file={root / TEMPLATE}",
        f"--output-dir={root / LOCALES}",
        f"--domain={DOMAIN}",
        f"--locale={locale}",
    )


def unnamed(root: Path = ROOT) -> list[str]:
    """Messages extracted without a name: a declaration whose name is not a string literal
    (its text cannot be looked up, so it would never be translated)."""
    with (root / TEMPLATE).open("rb") as source:
        return [str(m.id) for m in read_po(source) if m.id and not m.context]


def _forms(string: object) -> tuple[str, ...]:
    """A catalog entry's translation as its forms (one, or one per plural form)."""
    if isinstance(string, (tuple, list)):
        return tuple(str(form) for form in string)
    return (string,) if isinstance(string, str) else ()


def awaiting(root: Path = ROOT) -> dict[str, list[str]]:
    """Language code -> the names of the messages awaiting translation in it (empty, not
    fuzzy), from the committed .po files."""
    found: dict[str, list[str]] = {}
    for language in TRANSLATED:
        path = catalog_path(root / LOCALES, language, ".po")
        if not path.exists():
            continue  # a language not started yet: the check says so through update
        with path.open("rb") as source:
            catalog = read_po(source, locale=language.catalog, domain=DOMAIN)
        found[language.code] = sorted(
            str(m.context)
            for m in catalog
            if m.id and not m.fuzzy and not any(form.strip() for form in _forms(m.string))
        )
    return found


def check(root: Path = ROOT, complete: frozenset[str] = COMPLETE) -> list[str]:
    """What is out of date, said so that whoever reads it knows what to run."""
    problems = []
    current, fresh = template_is_current(root)
    with tempfile.TemporaryDirectory() as scratch:
        found = Path(scratch, TEMPLATE)
        found.parent.mkdir(parents=True)
        found.write_text(fresh, encoding="utf-8")
        problems += [
            f"a message is declared without a literal name, so it can never be translated: "
            f"{text[:60]!r} (write its name as a string in the Msg or Plural call)"
            for text in unnamed(Path(scratch))
        ]
    if not current:
        problems.append(
            f"{TEMPLATE} is not what the code declares: run `make i18n` and commit the result"
        )
    elif not catalogs_are_current(root):
        problems.append(
            "a language's .po lacks messages of the template (or keeps ones it no longer "
            "has): run `make i18n` and commit the result"
        )
    problems += [
        f"{code} is marked complete (tools/i18n.py COMPLETE) but {len(names)} texts await "
        f"translation in it, e.g. {names[0]}: translate them, or take {code} out of COMPLETE"
        for code, names in awaiting(root).items()
        if names and code in complete
    ]
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.i18n",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract")
    commands.add_parser("update")
    compile_parser = commands.add_parser("compile")
    compile_parser.add_argument("po", nargs="*", type=Path)
    commands.add_parser("check")
    init_parser = commands.add_parser("init")
    init_parser.add_argument("locale")
    args = parser.parse_args(argv)
    if args.command == "extract":
        print("template changed" if extract() else "template unchanged")
    elif args.command == "update":
        update()
    elif args.command == "compile":
        for mo in compile_all(args.po):
            print(f"compiled {mo.relative_to(ROOT)}")
    elif args.command == "init":
        init(args.locale)
    else:
        problems = check()
        for problem in problems:
            print(f"i18n-check: {problem}", file=sys.stderr)
        if problems:
            return 1
        print("i18n-check: the catalogs are up to date with the code")
        for code, names in awaiting().items():
            if names:
                print(f"i18n-check: {code}: {len(names)} texts await translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
