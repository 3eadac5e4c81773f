from __future__ import annotations

import json

from bot.receiver import should_drop


def frame(body: dict[str, object]) -> str:
    envelope = {"source": "+1", "sourceUuid": "u", "timestamp": 1, **body}
    return json.dumps({"envelope": envelope, "account": "+1"}, separators=(",", ":"))


def test_sync_receipt_typing_and_error_frames_are_dropped_before_parsing() -> None:
    assert should_drop(frame({"syncMessage": {"sentMessage": {"message": "/help"}}}))
    assert should_drop(frame({"receiptMessage": {"isDelivery": True}}))
    assert should_drop(frame({"typingMessage": {"action": "STARTED"}}))
    assert should_drop('{"error":"signal-cli failed"}')


def test_text_that_mentions_the_markers_is_kept() -> None:
    sneaky = frame({"dataMessage": {"message": '/help "syncMessage": "receiptMessage":'}})
    assert not should_drop(sneaky)
