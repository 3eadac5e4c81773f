"""The build hook: the message catalogs are compiled (``.po`` -> ``.mo``) whenever holdspace is
built, so an installed holdspace (the Docker image, ``pip install .``) speaks every language
without ``.mo`` files in git. Everything else about the package is in pyproject.toml.

``pip install .`` writes the ``.mo`` files into the wheel; an editable install
(``pip install -e .``, what ``make`` does) writes them beside the ``.po`` files, where the
running code reads them. tools/i18n.py compiles with the same function.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import Command, setup
from setuptools.command.build import build

ROOT = Path(__file__).resolve().parent
LOCALES = Path("facilitation", "locales")
DOMAIN = "holdspace"


def catalogs(root: Path) -> list[Path]:
    """The ``.po`` files, relative to ``root``."""
    return sorted(p.relative_to(root) for p in (root / LOCALES).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_catalogs(root: Path, target: Path, only: list[Path] | None = None) -> list[Path]:
    """Compile each ``.po`` under ``root`` into the same place under ``target``; fuzzy and
    empty translations are left out (the texts fall back to English). Returns the ``.mo``
    files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in only if only is not None else catalogs(root):
        with (root / po).open("rb") as source:
            catalog = read_po(source, locale=po.parts[-3], domain=DOMAIN)
        mo = (target / po).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as compiled:
            write_mo(compiled, catalog, use_fuzzy=False)
        written.append(mo)
    return written


class build_catalogs(Command):
    """Compile the message catalogs (a build sub-command, PEP 660 aware)."""

    description = "compile the message catalogs (.po) into .mo files"
    user_options: list[tuple[str, str | None, str]] = []  # noqa: RUF012

    def initialize_options(self) -> None:
        self.build_lib: str | None = None
        self.editable_mode = False

    def finalize_options(self) -> None:
        self.set_undefined_options("build_py", ("build_lib", "build_lib"))

    def _target(self) -> Path:
        return ROOT if self.editable_mode or self.build_lib is None else Path(self.build_lib)

    def run(self) -> None:
        compile_catalogs(ROOT, self._target())

    def get_source_files(self) -> list[str]:
        return [str(po) for po in catalogs(ROOT)]

    def get_outputs(self) -> list[str]:
        return [str((self._target() / po).with_suffix(".mo")) for po in catalogs(ROOT)]

    def get_output_mapping(self) -> dict[str, str]:
        return {}


class build_with_catalogs(build):
    sub_commands = [*build.sub_commands, ("build_catalogs", None)]  # noqa: RUF012


if __name__ == "__main__":
    setup(cmdclass={"build": build_with_catalogs, "build_catalogs": build_catalogs})
