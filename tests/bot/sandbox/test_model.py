from __future__ import annotations

import base64
import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from bot.sandbox import (
    Person,
    SandboxGateway,
    SentMessage,
    internal_group_id,
    mention_text,
    rest_group_id,
)
from bot.sandbox.model import OBJECT_REPLACEMENT

REST_ID = re.compile(r"^group\.[A-Za-z0-9]{59}=$")


@given(st.binary(min_size=32, max_size=32))
def test_group_id_relation(raw: bytes) -> None:
    internal = base64.b64encode(raw).decode()
    rest = rest_group_id(internal)
    assert len(internal) == 44
    assert REST_ID.match(rest)
    assert rest == "group." + base64.b64encode(internal.encode("ascii")).decode()
    assert internal_group_id(rest) == internal
    assert base64.b64decode(base64.b64decode(rest[6:]).decode()) == raw


def test_reference_fixture_group_id() -> None:
    internal = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="
    rest = "group.T0xSYkloQXRMUFAvek1EUUVmSkdUdHVOQVBtRC9EYUgwYzJVUXBYRlVZUT0="
    assert rest_group_id(internal) == rest
    assert internal_group_id(rest) == internal


def test_invalid_rest_ids_are_rejected() -> None:
    assert internal_group_id("group.!!!") is None
    assert internal_group_id("group." + base64.b64encode(b"short").decode()) is None
    assert internal_group_id("+4915100000002") is None


def test_created_groups_have_valid_ids() -> None:
    gw = SandboxGateway()
    group = gw.create_group("Circle")
    assert REST_ID.match(group.rest_id)
    assert internal_group_id(group.rest_id) == group.internal_id
    assert len(base64.b64decode(group.internal_id)) == 32


def test_clock_is_strictly_increasing() -> None:
    gw = SandboxGateway()
    stamps = [gw.next_timestamp() for _ in range(2000)]
    assert all(b > a for a, b in itertools.pairwise(stamps))


def test_mention_text_counts_utf16_units() -> None:
    alice = Person("Alice", "+4915100000002", "7d3e2c1b-8a9f-4b6e-a5d4-3c2b1a0f9e02")
    text, mentions = mention_text("🌱 hi ", alice, "!")
    assert text == f"🌱 hi {OBJECT_REPLACEMENT}!"
    assert mentions == [(6, 1, alice)]  # the emoji is two UTF-16 code units


def test_rendered_replaces_placeholders_in_order() -> None:
    gw = SandboxGateway()
    alice = gw.add_person("Alice", "+4915100000002")
    bob = gw.add_person("Bob", None)
    sent = SentMessage(
        timestamp=1,
        recipients=[],
        group=None,
        to=None,
        text=f"{OBJECT_REPLACEMENT} and {OBJECT_REPLACEMENT} hi",
        mentions=[
            {"start": 6, "length": 1, "author": bob.uuid},
            {"start": 0, "length": 1, "author": alice.number},
        ],
        quote_timestamp=None,
        quote_author=None,
        raw={},
    )
    assert sent.rendered(gw) == "@Alice and @Bob hi"


def test_people_and_membership() -> None:
    gw = SandboxGateway("+4915100000001")
    alice = gw.add_person("Alice", "+4915100000002")
    bob = gw.add_person("Bob")
    assert bob.number is None
    assert bob.address == bob.uuid
    group = gw.create_group("Circle", members=[alice, bob], admins=[alice], bot_is_admin=False)
    assert gw.members_of(group) == [gw.bot, alice, bob]
    assert gw.admins_of(group) == [alice]
    assert not gw.is_bot_admin(group)
    gw.set_bot_admin(group, True)
    assert gw.is_bot_admin(group)
    assert group.revision == 1
    assert gw.resolve(bob.uuid.upper()) == bob
    assert gw.resolve("+4915100000001") == gw.bot
