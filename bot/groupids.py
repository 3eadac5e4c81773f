"""The two spellings of a Signal group id: envelopes carry the internal id, REST wants the
``group.`` form (base64 of the internal id's ASCII text)."""

from __future__ import annotations

import base64


def rest_group_id(internal_id: str) -> str:
    return "group." + base64.b64encode(internal_id.encode("ascii")).decode("ascii")


def internal_group_id(rest_id: str) -> str:
    if not rest_id.startswith("group."):
        raise ValueError("not a REST group id")
    return base64.b64decode(rest_id[len("group.") :], validate=True).decode("ascii")
