"""No plain string reaches a person: every text is a named message of the catalog.

An AST scan of commands/ and bot/ for string literals and f-strings passed where text is
sent or shown: ``reply``, ``post``, ``direct``, ``refuse``, ``Refusal``, ``UsageError``,
``answered``, ``Tenure``, ``tell_facilitators``, ``OutgoingMessage``, and the ``summary=``,
``details=``, ``elsewhere=`` of a command's declaration. A name bound at module level to
a string literal counts as the literal. Usage forms (``usage="<1-5> [a few words]"``) are
syntax, English in every language like the commands themselves, and are not scanned.

``NOT_YET`` lists the modules whose texts other parts of issue 14 move into the catalog;
it only ever shrinks, and it is empty once they are merged. The scan sees a text where it
is handed over; one built in a helper and returned (``personal_render.py``) is the
reviewers' and the catalog owner's to move.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("commands", "bot")

SENDING_CALLS = frozenset(
    {
        "reply",
        "post",
        "direct",
        "refuse",
        "Refusal",
        "UsageError",
        "answered",
        "Tenure",
        "tell_facilitators",
        "OutgoingMessage",
    }
)
SHOWN_KEYWORDS = frozenset({"summary", "details", "elsewhere", "reply", "answer", "hint"})

NOT_YET: frozenset[str] = frozenset()


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _plain_strings(tree: ast.Module) -> dict[str, int]:
    """Module-level names bound to a string literal (or an f-string): name -> line."""
    found: dict[str, int] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and _is_plain(node.value, {}):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.lineno
    return found


def _is_plain(value: ast.expr | None, names: dict[str, int]) -> bool:
    """A non-empty string literal, an f-string, a concatenation or ``%`` of them, a
    conditional choosing one, or a name bound to one at module level."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, str) and bool(value.value.strip())
    if isinstance(value, ast.JoinedStr):
        return True
    if isinstance(value, ast.BinOp):
        return _is_plain(value.left, names) or _is_plain(value.right, names)
    if isinstance(value, ast.IfExp):
        return _is_plain(value.body, names) or _is_plain(value.orelse, names)
    if isinstance(value, ast.Name):
        return value.id in names
    return False


def plain_texts(path: Path) -> list[str]:
    """``path:line what`` for each plain string sent or shown in the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _plain_strings(tree)
    where = path.relative_to(ROOT).as_posix()
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = _name(node.func)
        if called in SENDING_CALLS:
            for arg in node.args:
                if _is_plain(arg, names):
                    found.append(f"{where}:{arg.lineno} {called}(...)")
        for keyword in node.keywords:
            if keyword.arg in SHOWN_KEYWORDS and _is_plain(keyword.value, names):
                found.append(f"{where}:{keyword.value.lineno} {keyword.arg}=")
            if keyword.arg == "details" and isinstance(keyword.value, ast.Tuple | ast.List):
                found += [
                    f"{where}:{item.lineno} details="
                    for item in keyword.value.elts
                    if _is_plain(item, names)
                ]
    return found


SANDBOX = ROOT / "bot" / "sandbox"
"""The emulated Signal gateway of the tests and the tour: it registers web routes (``post``),
and speaks to nobody."""


def modules() -> list[Path]:
    return sorted(
        p
        for package in PACKAGES
        for p in (ROOT / package).rglob("*.py")
        if SANDBOX not in p.parents
    )


def test_no_plain_string_reaches_a_person() -> None:
    found = [
        text
        for path in modules()
        if path.relative_to(ROOT).as_posix() not in NOT_YET
        for text in plain_texts(path)
    ]
    assert found == [], "say these through a message of facilitation/texts/:\n" + "\n".join(found)


def test_the_modules_not_yet_moved_exist_and_still_have_plain_texts() -> None:
    """NOT_YET only shrinks: a module that no longer has a plain text leaves the list."""
    for name in sorted(NOT_YET):
        path = ROOT / name
        assert path.exists(), f"{name} is gone: take it out of NOT_YET"
        assert plain_texts(path), f"{name} speaks from the catalog now: take it out of NOT_YET"


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = ROOT / "commands" / "_scan_sample.py"
    source = (
        'GREETING = "Hello there."\n'
        "async def handler(ctx):\n"
        '    ctx.reply("A plain reply.")\n'
        "    ctx.post(f'Hi {ctx.name}')\n"
        "    ctx.direct(ctx.aci, GREETING)\n"
        '    raise Refusal("No." + " Try again.")\n'
        'router.group("x", summary="what x does")\n'
        "ctx.reply(SAID.with_(n=1))\n"
        'ctx.refuse(Refusal(""))\n'
    )
    try:
        sample.write_text(source, encoding="utf-8")
        found = [line.split(" ", 1)[1] for line in plain_texts(sample)]
    finally:
        sample.unlink()
    assert sorted(found) == sorted(
        ["reply(...)", "post(...)", "direct(...)", "Refusal(...)", "summary="]
    )
