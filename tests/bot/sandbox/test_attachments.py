"""``base64_attachments`` of ``/v2/send``: taken as the reference says (plain base64, or a data
URI with type and file name), decoded and recorded; what can't be decoded is refused and
nothing is recorded."""

from __future__ import annotations

import base64

import aiohttp
import pytest

from bot.sandbox import SandboxGateway
from bot.sandbox.attachments import BadAttachment, parse_attachment
from tests.bot.sandbox.test_rest import ACCOUNT, call

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
ENCODED = base64.b64encode(PNG).decode()


def test_a_data_uri_keeps_its_type_and_name_and_plain_base64_is_sniffed() -> None:
    named = parse_attachment(f"data:image/png;filename=chart.png;base64,{ENCODED}")
    assert (named.content_type, named.filename, named.data) == ("image/png", "chart.png", PNG)
    plain = parse_attachment(ENCODED)
    assert (plain.content_type, plain.filename, plain.size) == ("image/png", None, len(PNG))
    odd = parse_attachment(base64.b64encode(b"hello").decode())
    assert odd.content_type == "application/octet-stream"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "not base64 at all!",
        "data:image/png;filename=a.png;base64,###",
        f"data:image/png;filename=a.png,{ENCODED}",  # not base64-encoded
        "data:image/png;base64",  # no data
        "data:image/png;base64,",  # empty
        42,
    ],
)
def test_what_cannot_be_decoded_is_refused(raw: object) -> None:
    with pytest.raises(BadAttachment):
        parse_attachment(raw)


async def test_send_records_the_decoded_attachment(
    http: aiohttp.ClientSession, gw: SandboxGateway
) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    body = {
        "number": ACCOUNT,
        "recipients": [alice.uuid],
        "message": "your chart",
        "base64_attachments": [f"data:image/png;filename=chart.png;base64,{ENCODED}"],
    }
    status, _ = await call(http, gw, "POST", "/v2/send", body)
    assert status == 201
    [sent] = gw.sent
    [attachment] = sent.attachments
    assert (attachment.content_type, attachment.filename, attachment.data) == (
        "image/png",
        "chart.png",
        PNG,
    )
    plain = {"number": ACCOUNT, "recipients": [alice.uuid], "message": "no files"}
    assert (await call(http, gw, "POST", "/v2/send", plain))[0] == 201
    assert gw.sent[-1].attachments == ()


@pytest.mark.parametrize(
    "attachments", [["###"], "data:image/png;base64,AAAA", [f"data:image/png,{ENCODED}"]]
)
async def test_send_with_a_bad_attachment_is_refused_and_not_recorded(
    http: aiohttp.ClientSession, gw: SandboxGateway, attachments: object
) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    body = {"number": ACCOUNT, "recipients": [alice.uuid], "message": "x"}
    status, reply = await call(
        http, gw, "POST", "/v2/send", {**body, "base64_attachments": attachments}
    )
    assert (status, reply) == (400, {"error": "Couldn't process request - invalid request"})
    status, _ = await call(http, gw, "POST", "/v2/send", {**body, "view_once": True})
    assert status == 400  # view once needs an attachment (reference §3)
    assert gw.sent == []
