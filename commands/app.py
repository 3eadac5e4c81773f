"""The one place the command groups are composed."""

from __future__ import annotations

from commands import circle_health  # noqa: F401 - declares /circle health on circle_router
from commands.agreement import agreement_router
from commands.alias import alias_router
from commands.boundaries import boundaries_router
from commands.checkins import checkins_router
from commands.circle import circle_router
from commands.cohosts import cohost_router
from commands.context import Deps
from commands.debriefs import debrief_router
from commands.dispatcher import Dispatcher
from commands.facilitator import facilitator_router
from commands.help import help_router
from commands.invites import invites_router
from commands.join_requests import requests_router
from commands.language import language_router
from commands.membership import membership_router
from commands.personal import personal_router
from commands.proposals import proposals_router
from commands.resources import resources_router
from commands.rotas import rota_router
from commands.router import CommandRouter
from commands.schedules import schedule_router
from commands.sessions import session_router
from commands.support import support_router
from commands.tell import tell_router
from commands.turns import turns_router
from commands.use import use_router
from commands.vouches import vouches_router

ROUTERS: tuple[CommandRouter, ...] = (
    help_router,
    circle_router,
    agreement_router,
    alias_router,
    facilitator_router,
    session_router,
    cohost_router,
    checkins_router,
    debrief_router,
    turns_router,
    boundaries_router,
    schedule_router,
    rota_router,
    invites_router,
    vouches_router,
    requests_router,
    membership_router,
    resources_router,
    support_router,
    tell_router,
    proposals_router,
    use_router,
    personal_router,
    language_router,
)


def build_dispatcher(deps: Deps) -> Dispatcher:
    return Dispatcher(ROUTERS, deps)
