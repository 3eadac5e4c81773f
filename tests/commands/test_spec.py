"""Declaring commands: which action a use asks for, the usage lines and /help built from the
declarations, and the mistakes a declaration is refused for."""

from __future__ import annotations

import pytest

from commands.arguments import nothing, whole_number, words
from commands.catalog import Catalog
from commands.context import CommandContext
from commands.router import CommandRouter
from commands.rules import SERVED, Access, Tenure, Where
from commands.spec import Match
from commands.types import Priority
from facilitation.i18n import english


async def _noop(ctx: CommandContext, value: object) -> None:
    return None


def _requests_like() -> CommandRouter:
    router = CommandRouter("test")
    group = router.group("requests", summary="open requests", access=Access.MEMBER, trusted=True)
    group.alone()(_noop)
    for word in ("approve", "deny", "keep"):
        group.sub(word, usage="<request>", parse=whole_number, access=Access.FACILITATOR)(_noop)
    group.sub("note", usage="<request> <words>", parse=words, example="/requests note 3 hi")(_noop)
    return router


def test_a_use_finds_its_action_by_word_alone_or_rest() -> None:
    router = CommandRouter("test")
    group = router.group("resource", summary="the directory")
    group.otherwise(usage="ID", parse=whole_number)(_noop)
    group.sub("vet", usage="ID", parse=whole_number)(_noop)
    spec = group.spec()

    vet = spec.resolve("  VET  3 ")
    assert vet.action is not None and vet.action.word == "vet" and vet.args == "3"
    shown = spec.resolve("3")
    assert shown.action is not None and shown.action.match is Match.REST and shown.args == "3"
    bare = spec.resolve("")  # no alone action: the rest's parser gets nothing
    assert bare.action is not None and bare.action.match is Match.REST and bare.args == ""


def test_only_a_space_ends_a_word_and_the_rest_keeps_its_lines() -> None:
    router = CommandRouter("test")
    group = router.group("agreement", summary="the agreement")
    group.alone()(_noop)
    group.sub("set", usage="<text>", parse=words)(_noop)
    spec = group.spec()
    call = spec.resolve("set Be kind.\nNo screenshots.")
    assert call.action is not None and call.action.word == "set"
    assert call.args == "Be kind.\nNo screenshots."
    for odd in ("set\nBe kind.", "set\tBe kind.", "set\u00a0Be kind."):
        assert spec.resolve(odd).action is None  # odd whitespace is no subcommand
    alone = spec.resolve("")
    assert alone.action is not None and alone.action.match is Match.ALONE


def test_no_action_for_the_arguments_leaves_the_command_to_answer_with_usage() -> None:
    spec = _requests_like().groups[0].spec()
    call = spec.resolve("frobnicate 3")
    assert call.action is None
    assert call.rules == spec.rules  # the guards check the command's own rules first
    assert call.usage == spec.usage


def test_usage_lines_are_built_from_the_declarations() -> None:
    spec = _requests_like().groups[0].spec()
    assert spec.usage == (
        "/requests · /requests approve|deny|keep <request> · /requests note <request> <words>"
    )
    note = spec.resolve("note 3 hi")
    assert english(note.usage) == "/requests note <request> <words>, e.g. /requests note 3 hi"
    approve = spec.resolve("approve 3")
    assert approve.usage == "/requests approve <request>"


def test_a_command_written_two_ways_shows_both() -> None:
    router = CommandRouter("test")
    router.command(
        "vouch",
        usage=("(as a reply to a join request)", "<request> (by direct message)"),
        summary="vouch",
        parse=words,
    )(_noop)
    [group] = router.groups
    assert group.spec().usage == (
        "/vouch (as a reply to a join request) · /vouch <request> (by direct message)"
    )


def test_subcommands_inherit_the_commands_rules_and_may_narrow_them() -> None:
    router = CommandRouter("test")
    tenure = Tenure("Flags count {when}.")
    group = router.group(
        "resource", summary="s", where=Where.ANYWHERE, trusted=True, priority=Priority.LOW
    )
    group.sub("flag", parse=words, access=Access.AGREED, tenure=tenure)(_noop)
    group.sub("remove", parse=whole_number, access=Access.FACILITATOR, where=Where.GROUP)(_noop)
    spec = group.spec()
    flag, remove = spec.actions
    assert flag.rules.trusted and flag.rules.tenure is tenure and flag.rules.access is Access.AGREED
    assert remove.rules.where is Where.GROUP and remove.rules.trusted
    assert flag.priority is Priority.LOW


def test_declarations_that_cannot_work_are_refused_at_import() -> None:
    group = CommandRouter("test").group("thing", summary="s")
    with pytest.raises(ValueError, match="tenure"):
        group.sub("do", parse=nothing, tenure=Tenure("{when}"))  # MEMBER: not agreed
    with pytest.raises(ValueError, match="one lower-case word"):
        group.sub("Do it", parse=nothing)
    group.alone()(_noop)
    with pytest.raises(ValueError, match="twice"):
        group.alone()
    group.sub("do", parse=nothing)(_noop)
    group.sub("do", parse=nothing)(_noop)
    with pytest.raises(ValueError, match="twice"):
        group.spec()


def test_the_catalog_refuses_a_name_twice_and_knows_every_command_for_help() -> None:
    one, two = CommandRouter("one"), CommandRouter("two")
    one.command("ping", usage="", summary="p", parse=nothing, strangers=SERVED)(_noop)
    two.command("ping", usage="", summary="p", parse=nothing)(_noop)
    with pytest.raises(ValueError, match="twice"):
        Catalog([one, two])
    catalog = Catalog([one, _requests_like()])
    assert [c.name for c in catalog.help] == ["ping", "requests"]
    requests = catalog.help.get("requests")
    assert requests is not None and requests.trusted
    keep = requests.action("keep")
    assert keep is not None and keep.usage == "/requests keep <request>"


def test_an_unknown_command_is_served_by_a_spec_of_its_own() -> None:
    catalog = Catalog([])
    call = catalog.invocation("frobnicate", "now")
    assert call.action is not None and call.rules.access is Access.ANYONE
    assert not call.command.strangers.served  # someone in no circle hears nothing


def test_a_command_written_one_way_shows_its_example_in_help_too() -> None:
    router = CommandRouter("test")
    router.command("away", usage="DURATION", example="/away 2h", summary="s", parse=words)(_noop)
    assert english(router.groups[0].spec().usage) == "/away DURATION, e.g. /away 2h"
