"""The one place the command groups are composed."""

from __future__ import annotations

from commands.agreement import agreement_router
from commands.alias import alias_router
from commands.circle import circle_router
from commands.context import Deps
from commands.dispatcher import Dispatcher
from commands.facilitator import facilitator_router
from commands.help import help_router
from commands.router import CommandRouter
from commands.use import use_router

ROUTERS: tuple[CommandRouter, ...] = (
    help_router,
    circle_router,
    agreement_router,
    alias_router,
    facilitator_router,
    use_router,
)


def build_dispatcher(deps: Deps) -> Dispatcher:
    return Dispatcher(ROUTERS, deps)
