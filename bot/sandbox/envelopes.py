"""Builders for receive-websocket frames, in signal-cli's JSON shape and key order.

Reference §2.2/§2.3: ``{"envelope":{...},"account":"+..."}``, one compact line per frame;
the envelope has source, sourceNumber, sourceUuid, sourceName, sourceDevice, timestamp,
serverReceivedTimestamp, serverDeliveredTimestamp, then exactly one body member. Inside a
dataMessage, absent optional members are omitted (never ``[]``) and ``message`` may be null.
"""

from __future__ import annotations

import json
from typing import Any

from bot.sandbox.model import Group, Person

JsonDict = dict[str, Any]

SERVER_RECEIVED_OFFSET_MS = 3
SERVER_DELIVERED_OFFSET_MS = 5


def compact(obj: object) -> str:
    """Serialise like Jackson does on the wire: compact, one line, UTF-8 kept as is."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def frame(envelope: JsonDict, account: str) -> str:
    return compact({"envelope": envelope, "account": account})


def error_frame(message: str) -> str:
    """What the REST API forwards when signal-cli reports an error (no envelope)."""
    return compact({"error": message})


def envelope(source: Person, timestamp: int, body_key: str, body: JsonDict) -> JsonDict:
    return {
        "source": source.address,
        "sourceNumber": source.number,
        "sourceUuid": source.uuid,
        "sourceName": source.name,
        "sourceDevice": source.device,
        "timestamp": timestamp,
        "serverReceivedTimestamp": timestamp + SERVER_RECEIVED_OFFSET_MS,
        "serverDeliveredTimestamp": timestamp + SERVER_DELIVERED_OFFSET_MS,
        body_key: body,
    }


def group_info(group: Group, kind: str = "DELIVER") -> JsonDict:
    return {
        "groupId": group.internal_id,
        "groupName": group.name,
        "revision": group.revision,
        "type": kind,
    }


def mention(person: Person, start: int, length: int) -> JsonDict:
    return {
        "name": person.address,
        "number": person.number,
        "uuid": person.uuid,
        "start": start,
        "length": length,
    }


def quote(
    quoted_ts: int, author: Person, text: str | None, mentions: list[JsonDict] | None = None
) -> JsonDict:
    body: JsonDict = {
        "id": quoted_ts,
        "author": author.address,
        "authorNumber": author.number,
        "authorUuid": author.uuid,
        "text": text,
    }
    if mentions:
        body["mentions"] = mentions
    body["attachments"] = []
    return body


def reaction(emoji: str, target_author: Person, target_ts: int, *, remove: bool) -> JsonDict:
    return {
        "emoji": emoji,
        "targetAuthor": target_author.address,
        "targetAuthorNumber": target_author.number,
        "targetAuthorUuid": target_author.uuid,
        "targetSentTimestamp": target_ts,
        "isRemove": remove,
    }


def data_message(
    timestamp: int,
    text: str | None,
    *,
    group: Group | None = None,
    group_kind: str = "DELIVER",
    expires_in: int = 0,
    reaction_body: JsonDict | None = None,
    quote_body: JsonDict | None = None,
    mentions: list[JsonDict] | None = None,
    remote_delete_ts: int | None = None,
) -> JsonDict:
    """A ``dataMessage`` with members in signal-cli's record order."""
    body: JsonDict = {
        "timestamp": timestamp,
        "message": text,
        "expiresInSeconds": expires_in,
        "isExpirationUpdate": False,
        "viewOnce": False,
    }
    if reaction_body is not None:
        body["reaction"] = reaction_body
    if quote_body is not None:
        body["quote"] = quote_body
    if mentions:
        body["mentions"] = mentions
    if remote_delete_ts is not None:
        body["remoteDelete"] = {"timestamp": remote_delete_ts}
    if group is not None:
        body["groupInfo"] = group_info(group, group_kind)
    return body


def edit_message(target_ts: int, data: JsonDict) -> JsonDict:
    return {"targetSentTimestamp": target_ts, "dataMessage": data}


def typing_message(action: str, timestamp: int, group: Group | None) -> JsonDict:
    body: JsonDict = {"action": action, "timestamp": timestamp}
    if group is not None:
        body["groupId"] = group.internal_id
    return body


def receipt_message(when: int, kind: str, timestamps: list[int]) -> JsonDict:
    return {
        "when": when,
        "isDelivery": kind == "delivery",
        "isRead": kind == "read",
        "isViewed": kind == "viewed",
        "timestamps": timestamps,
    }


def sync_sent_message(destination: Person | None, data: JsonDict) -> JsonDict:
    """``syncMessage`` for a message the account's other device sent.

    The dataMessage members are unwrapped inline after the destination fields.
    """
    sent: JsonDict = {
        "destination": destination.address if destination is not None else None,
        "destinationNumber": destination.number if destination is not None else None,
        "destinationUuid": destination.uuid if destination is not None else None,
    }
    sent.update(data)
    return {"sentMessage": sent}
