"""REST endpoints of signal-cli-rest-api 0.101 (json-rpc mode) used by bots (reference §3/§4)."""

from __future__ import annotations

import asyncio
import json
import uuid as uuid_mod
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote

from aiohttp import web

from bot.sandbox.attachments import BadAttachment, parse_attachments
from bot.sandbox.groups import GroupRoutes
from bot.sandbox.model import Group, Person, SentMessage, SentReaction, internal_group_id
from bot.sandbox.state import SandboxState

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

ABOUT = {
    "versions": ["v1", "v2"],
    "build": 2,
    "mode": "json-rpc",
    "version": "0.101.0",
    "capabilities": {"v2/send": ["quotes", "mentions"]},
}
INVALID_REQUEST = "Couldn't process request - invalid request"
NO_ACCOUNT = "Specified account does not exist"
MIXED_RECIPIENTS = (
    "Signal Messenger Groups and phone numbers cannot be specified together in one request! "
    "Please split them up into multiple REST API calls."
)
MANY_GROUPS = (
    "A signal message cannot be sent to more than one group at once! "
    "Please use multiple REST API calls for that."
)
VIEW_ONCE_WITHOUT_ATTACHMENT = "Couldn't process request - view once needs an attachment"
"""Reference §3 lists the rule, not its words: this wording is the sandbox's."""
RATE_LIMITED = (
    "Failed to send message due to rate limiting. Use the attached challenge tokens to lift the "
    "rate limit restrictions via the '/v1/accounts/{number}/rate-limit-challenge' endpoint."
)


def error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def json_body(request: web.Request) -> dict[str, Any] | None:
    """The body as a JSON object whatever the Content-Type (Gin's BindJSON ignores it)."""
    try:
        body = json.loads(await request.text())
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def path_account(request: web.Request) -> str:
    return unquote(request.match_info["number"])


@web.middleware
async def gin_not_found(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Unknown routes (and methods) answer like Gin: plain-text ``404 page not found``."""
    try:
        return await handler(request)
    except (web.HTTPNotFound, web.HTTPMethodNotAllowed):
        return web.Response(status=404, text="404 page not found")


class Recipient:
    """A resolved send/reaction recipient: one group, or one person."""

    def __init__(self, group: Group | None = None, person: Person | None = None) -> None:
        self.group = group
        self.person = person


class RestApi:
    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.groups = GroupRoutes(state)

    def routes(self) -> list[web.RouteDef]:
        wrap = self._account_checked
        return [
            web.get("/v1/health", self.health),
            web.get("/v1/about", self.about),
            web.get("/v1/accounts", self.accounts),
            *self.groups.routes(wrap),
            web.post("/v2/send", self.send),
            web.post("/v1/reactions/{number}", wrap(self.react)),
            web.delete("/v1/reactions/{number}", wrap(self.unreact)),
            web.put("/v1/typing-indicator/{number}", wrap(self.typing)),
            web.delete("/v1/typing-indicator/{number}", wrap(self.typing)),
            web.post("/v1/receipts/{number}", wrap(self.receipt)),
            web.delete("/v1/remote-delete/{number}", wrap(self.remote_delete)),
            web.put("/v1/contacts/{number}", wrap(self.no_content)),
        ]

    def _account_checked(self, handler: Handler) -> Handler:
        async def checked(request: web.Request) -> web.StreamResponse:
            if path_account(request) != self.state.account:
                return error(400, NO_ACCOUNT)
            return await handler(request)

        return checked

    async def health(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def about(self, request: web.Request) -> web.Response:
        return web.json_response(ABOUT)

    async def accounts(self, request: web.Request) -> web.Response:
        return web.json_response([self.state.account])

    async def no_content(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    # --- /v2/send ----------------------------------------------------------------------

    async def send(self, request: web.Request) -> web.Response:
        body = await json_body(request)
        if body is None or not _valid_send_fields(body):
            return error(400, INVALID_REQUEST)
        if not body.get("number"):
            return error(400, "Couldn't process request - number missing")
        recipients: list[str] = list(body.get("recipients") or [])
        if isinstance(body.get("recipient"), str) and body["recipient"]:
            recipients.append(body["recipient"])
        if not recipients:
            return error(400, "Couldn't process request - please provide at least one recipient")
        groups = [r for r in recipients if r.startswith("group.")]
        if groups and len(groups) != len(recipients):
            return error(400, MIXED_RECIPIENTS)
        if len(groups) > 1:
            return error(400, MANY_GROUPS)
        if body["number"] != self.state.account:
            return error(400, NO_ACCOUNT)
        try:
            attachments = parse_attachments(body.get("base64_attachments"))
        except BadAttachment:
            return error(400, INVALID_REQUEST)
        if body.get("view_once") is True and not attachments:
            return error(400, VIEW_ONCE_WITHOUT_ATTACHMENT)
        resolved: list[Recipient] = []
        for raw in recipients:
            target = self._resolve(raw)
            if isinstance(target, web.Response):
                return target
            resolved.append(target)
        status = self.state.take_send_failure()
        if status is not None:
            self.state.failed_sends.append({"status": status, "raw": body})
            return self._failure(status)
        if self.state.send_delay > 0:
            await asyncio.sleep(self.state.send_delay)
        timestamp = self.state.next_timestamp()
        people = tuple(r.person for r in resolved if r.person is not None)
        self.state.record_sent(
            SentMessage(
                timestamp=timestamp,
                recipients=recipients,
                group=resolved[0].group,
                to=people[0] if len(people) == 1 else None,
                text=str(body.get("message") or ""),
                mentions=list(body.get("mentions") or []),
                quote_timestamp=body.get("quote_timestamp"),
                quote_author=body.get("quote_author"),
                raw=body,
                people=people,
                edit_timestamp=body.get("edit_timestamp"),
                attachments=attachments,
            )
        )
        return web.json_response([{"timestamp": str(timestamp)}], status=201)

    def _failure(self, status: int) -> web.Response:
        if status == 429:
            return web.json_response(
                {
                    "error": RATE_LIMITED,
                    "challenge_tokens": [str(uuid_mod.uuid4())],
                    "account": self.state.account,
                },
                status=429,
            )
        if status == 400:
            return error(400, "Failed to send message")
        return error(status, f"sandbox: injected failure ({status})")

    def _resolve(self, raw: str) -> Recipient | web.Response:
        """A ``group.`` id, a +number or a uuid, as signal-cli would accept it."""
        if raw.startswith("group."):
            internal = internal_group_id(raw)
            if internal is None:
                return error(400, f"Invalid identifier {raw}")
            group = self.state.group_by_internal_id(internal)
            if group is None:
                return error(400, f"Group not found: {internal}")
            if self.state.bot not in group.members:
                return error(400, f"User is not a member in group: {group.name} ({internal})")
            return Recipient(group=group)
        person = self.state.resolve(raw)
        if person is None:
            return error(400, f"The user {raw} is not registered.")
        return Recipient(person=person)

    # --- reactions, typing, receipts, remote delete -------------------------------------

    async def react(self, request: web.Request) -> web.Response:
        return await self._reaction(request, remove=False)

    async def unreact(self, request: web.Request) -> web.Response:
        return await self._reaction(request, remove=True)

    async def _reaction(self, request: web.Request, *, remove: bool) -> web.Response:
        body = await json_body(request)
        if body is None:
            return error(400, INVALID_REQUEST)
        recipient, author, ts = (
            body.get("recipient"),
            body.get("target_author"),
            body.get("timestamp"),
        )
        emoji = body.get("reaction") or ""
        if not isinstance(recipient, str) or not isinstance(author, str) or type(ts) is not int:
            return error(400, INVALID_REQUEST)
        if not isinstance(emoji, str) or (not remove and not emoji):
            return error(400, INVALID_REQUEST)
        target = self._resolve(recipient)
        if isinstance(target, web.Response):
            return target
        self.state.record_reaction(
            SentReaction(
                recipient=recipient,
                emoji=emoji,
                target_author=author,
                target_timestamp=ts,
                remove=remove,
                group=target.group,
                raw=body,
            )
        )
        return web.Response(status=204)

    async def typing(self, request: web.Request) -> web.Response:
        body = await json_body(request)
        if body is None or not isinstance(body.get("recipient"), str):
            return error(400, INVALID_REQUEST)
        target = self._resolve(body["recipient"])
        if isinstance(target, web.Response):
            return target
        self.state.typing_indicators.append((body["recipient"], request.method == "PUT"))
        return web.Response(status=204)

    async def receipt(self, request: web.Request) -> web.Response:
        body = await json_body(request)
        if body is None or not isinstance(body.get("recipient"), str):
            return error(400, INVALID_REQUEST)
        if (
            body.get("receipt_type") not in ("read", "viewed")
            or type(body.get("timestamp")) is not int
        ):
            return error(400, INVALID_REQUEST)
        self.state.receipts_sent.append(body)
        return web.Response(status=204)

    async def remote_delete(self, request: web.Request) -> web.Response:
        body = await json_body(request)
        if body is None or not isinstance(body.get("recipient"), str):
            return error(400, INVALID_REQUEST)
        if type(body.get("timestamp")) is not int:
            return error(400, INVALID_REQUEST)
        target = self._resolve(body["recipient"])
        if isinstance(target, web.Response):
            return target
        timestamp = self.state.next_timestamp()
        self.state.remote_deletes.append({"timestamp": timestamp, "raw": body})
        return web.json_response({"timestamp": str(timestamp)}, status=201)


def _valid_send_fields(body: dict[str, Any]) -> bool:
    """Type checks Gin's binding would reject with 'invalid request'."""
    if not isinstance(body.get("number", ""), str):
        return False
    recipients = body.get("recipients")
    if recipients is not None and (
        not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients)
    ):
        return False
    if not isinstance(body.get("message", ""), str | None):
        return False
    for key in ("quote_timestamp", "edit_timestamp"):
        value = body.get(key)
        if value is not None and type(value) is not int:
            return False
    mentions = body.get("mentions")
    if mentions is None:
        return True
    return isinstance(mentions, list) and all(
        isinstance(m, dict)
        and type(m.get("start")) is int
        and type(m.get("length")) is int
        and isinstance(m.get("author"), str)
        for m in mentions
    )
