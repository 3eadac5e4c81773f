"""The benchmark's ceiling: a bare signalbot 2.2.1 bot that answers every message once.

No storage, no parsing, no send queue: one DataMessageHandler that quote-replies "echo".
``benchmarks/throughput.py`` runs it as its own process, exactly like the holdspace bot:

    python benchmarks/echo_bot.py --service 127.0.0.1:PORT --number +15550000001

It stops cleanly on SIGTERM (signalbot installs the handler when it runs the loop).
"""

from __future__ import annotations

import argparse
import logging

from signalbot import (
    Config,
    ConnectionMode,
    DataMessageHandler,
    EditMessage,
    InMemoryConfig,
    SendMessage,
    SignalBot,
)
from signalbot.context import DataMessageContext


class Echo(DataMessageHandler):
    async def handle_data_message(self, context: DataMessageContext) -> None:
        if isinstance(context.message, EditMessage):
            return
        await context.reply(SendMessage(text="echo"))


def build(service: str, number: str) -> SignalBot:
    bot = SignalBot(
        Config(
            phone_number=number,
            signal_service=service,
            connection_mode=ConnectionMode.HTTP_ONLY,
            storage=InMemoryConfig(),
            download_attachments=False,
        )
    )
    silence_signalbot()  # SignalBot() just attached its own console handler
    bot.register(Echo(), contacts=True, groups=True)
    return bot


def silence_signalbot() -> None:
    """Logging every envelope would make the ceiling measure the logger, not the framework."""
    logger = logging.getLogger("signalbot")
    logger.setLevel(logging.WARNING)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", required=True, help="host:port of the gateway")
    parser.add_argument("--number", required=True, help="the bot's account number")
    args = parser.parse_args()
    build(args.service, args.number).start()


if __name__ == "__main__":
    main()
