"""The issue's checks of who reads which language, through the command layer, on SQLite and
PostgreSQL: a German member's /help by direct message while their circle stays English, a
French /guide leak, a Portuguese /sos (with the alert to an English-reading facilitator).
A Spanish circle's /help, session opening and close run end to end
(tests/e2e/test_languages.py). Each reply is held to the catalog's text for its reader."""

from __future__ import annotations

from commands.types import OutgoingMessage
from facilitation.guides import LEAK, crisis_guide
from facilitation.i18n import Someone, render
from facilitation.texts import help as help_texts
from facilitation.texts import support
from tests.commands.chat import Chat, only_text, texts
from tests.commands.test_language import the_circle


async def test_a_german_members_help_by_direct_message_while_the_circle_stays_english(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, bob = agreed, people["bob"]
    await chat.dm(bob, "/language de")
    assert only_text(await chat.dm(bob, "/help")).startswith(render(help_texts.HEADING, "de").text)
    assert only_text(await chat.say(bob, "/help")).startswith(render(help_texts.HEADING, "en").text)
    assert (await the_circle(chat)).settings.language == "en"


async def test_a_french_guide_leak(agreed: Chat, people: dict[str, str]) -> None:
    chat, carol = agreed, people["carol"]
    await chat.dm(carol, "/language fr")
    assert only_text(await chat.dm(carol, "/guide leak")) == render(LEAK.text, "fr").text


async def test_a_portuguese_sos_and_the_english_alert(agreed: Chat, people: dict[str, str]) -> None:
    chat, dana, alice = agreed, people["dana"], people["alice"]
    await chat.dm(dana, "/language pt")
    sent = [item for item in await chat.dm(dana, "/sos") if isinstance(item, OutgoingMessage)]
    assert [item.to.aci for item in sent] == [dana, alice]  # the guide first, then the alert
    guide, alert = texts(list(sent))
    told = (support.SOS_TOLD.with_(n=1), support.SOS_NOT_AT_ONCE)
    assert guide == render(crisis_guide(after=told), "pt").text
    said = support.SOS_ALERT.with_(
        person=Someone(dana, None), where=support.SOS_WHERE_DIRECT, sent=support.SOS_SENT_GUIDE_ONLY
    )
    assert alert == render(said, "en").text  # alice, the only facilitator, reads English
