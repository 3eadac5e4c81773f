from __future__ import annotations

import pytest

from storage.unit_of_work import Storage
from tests.commands.chat import GROUP, Chat, aci


@pytest.fixture
def chat(any_storage: Storage) -> Chat:
    """The command layer on SQLite and on PostgreSQL."""
    return Chat(any_storage)


@pytest.fixture
def people() -> dict[str, str]:
    return {name: aci() for name in ("alice", "bob", "carol", "dana", "erin")}


async def set_up(
    chat: Chat, people: dict[str, str], command: str = "/circle setup support"
) -> Chat:
    """The group of alice (its admin), bob, carol and dana, made a circle by alice."""
    chat.groups.set(
        GROUP,
        members=[people[n] for n in ("alice", "bob", "carol", "dana")],
        admins=[people["alice"]],
    )
    await chat.say(people["alice"], command)
    return chat


@pytest.fixture
async def circle(chat: Chat, people: dict[str, str]) -> Chat:
    """A circle set up by alice (the group's admin) with bob, carol and dana."""
    return await set_up(chat, people)


@pytest.fixture
async def agreed(circle: Chat, people: dict[str, str]) -> Chat:
    """The circle, with alice, bob, carol and dana having accepted its agreement."""
    for name in ("alice", "bob", "carol", "dana"):
        await circle.say(people[name], "/agree")
    return circle


@pytest.fixture
async def spanish_circle(chat: Chat, people: dict[str, str]) -> Chat:
    """Alice sets the group up in Spanish, in Spanish words; everyone agrees."""
    await set_up(chat, people, "/circle setup apoyo español")
    for name in ("alice", "bob", "carol", "dana"):
        await chat.say(people[name], "/agree")
    return chat
