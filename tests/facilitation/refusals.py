"""One check for the tables of bad arguments the parser tests walk through."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from facilitation.arguments import ArgumentError, Problem


def assert_refused(parse: Callable[[str], object], cases: Iterable[tuple[str, Problem]]) -> None:
    """Each ``args`` is refused by ``parse`` for ``problem``, with a hint that is not its input."""
    for args, problem in cases:
        with pytest.raises(ArgumentError) as refused:
            parse(args)
        assert refused.value.problem is problem, args
        assert str(refused.value)
        assert len(args) < 8 or args not in str(refused.value)
