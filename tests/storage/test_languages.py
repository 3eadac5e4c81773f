"""A circle's language and a person's own, stored in plain text (a language code is not
identifying), shown by /mydata and gone with /forgetme; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import select

from facilitation.circle import CircleSettings, Purpose, Role
from storage.keyring import Keyring
from storage.models import CircleRow, PersonRow
from storage.personal import collect, erase
from storage.unit_of_work import Storage

NOW = 1_767_225_600_000
DAY = 86_400_000
GROUPS = [f"R1JPVVAt{i}{'A' * 36}=" for i in range(3)]


def aci() -> str:
    return str(uuid.uuid4())


async def join(
    bot: Storage, group: str, who: str, *, language: str = "en", joined: int = NOW
) -> None:
    """A circle of ``bot`` speaking ``language``, with ``who`` a member since ``joined``."""
    async with bot.unit_of_work() as uow:
        circle = await uow.circles.create(group, Purpose.SUPPORT, CircleSettings(), NOW)
        await uow.circles.set_language(circle.id, language)
        person = await uow.people.get_or_create(who, NOW)
        await uow.members.add(circle.id, person, Role.MEMBER, founder=False, now=joined)
        await uow.commit()


async def choose(bot: Storage, who: str, code: str) -> None:
    """``who`` chooses their own language."""
    async with bot.unit_of_work() as uow:
        person = await uow.people.by_aci(who)
        assert person is not None
        await uow.people.set_language(person.id, code)
        await uow.commit()


def two_accounts(storage: Storage, keyring: Keyring) -> tuple[Storage, Storage]:
    return (
        Storage(storage.engine, keyring, account="+15550000001"),
        Storage(storage.engine, keyring, account="+15550000002"),
    )


async def test_a_circle_speaks_english_until_it_chooses(any_storage: Storage) -> None:
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUPS[0], Purpose.SUPPORT, CircleSettings(), NOW)
        assert circle.settings.language == "en"
        assert (await uow.circles.by_group(GROUPS[0])).settings.language == "en"  # cached
        await uow.circles.set_language(circle.id, "es")
        assert (await uow.circles.by_group(GROUPS[0])).settings.language == "es"
        settings = circle.settings.with_setting("language", "Deutsch")
        await uow.circles.update_settings(circle.id, settings)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        found = await uow.circles.get(circle.id)
        assert found is not None and found.settings.language == "de"
        stored = await uow.session.scalar(
            select(CircleRow.language).where(CircleRow.id == circle.id)
        )
        assert stored == "de"  # the code itself, in plain text


async def test_only_a_language_holdspace_speaks_is_stored(any_storage: Storage) -> None:
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUPS[0], Purpose.SUPPORT, CircleSettings(), NOW)
        person = await uow.people.get_or_create(aci(), NOW)
        with pytest.raises(ValueError):
            await uow.circles.set_language(circle.id, "xx")
        with pytest.raises(ValueError):
            await uow.circles.update_settings(circle.id, replace(circle.settings, language="it"))
        with pytest.raises(ValueError):
            await uow.people.set_language(person.id, "es;drop table")
        assert (await uow.circles.get(circle.id)).settings.language == "en"
        assert await uow.people.language(person.id) is None


async def test_a_person_chooses_their_own_language_and_can_go_back(any_storage: Storage) -> None:
    who = aci()
    async with any_storage.unit_of_work() as uow:
        person = await uow.people.get_or_create(who, NOW)
        assert person.language is None
        await uow.people.set_language(person.id, "fr")
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        found = await uow.people.by_aci(who)  # the hot path reads it with the account
        assert found is not None and found.language == "fr"
        assert await uow.people.language(found.id) == "fr"
        await uow.people.set_language(found.id, None)
        assert await uow.people.language(found.id) is None


async def test_what_a_person_reads_alone_follows_their_choice_else_their_first_circle(
    any_storage: Storage,
) -> None:
    async with any_storage.unit_of_work() as uow:
        french = await uow.circles.create(GROUPS[0], Purpose.SUPPORT, CircleSettings(), NOW)
        spanish = await uow.circles.create(GROUPS[1], Purpose.VENTING, CircleSettings(), NOW)
        portuguese = await uow.circles.create(GROUPS[2], Purpose.SUPPORT, CircleSettings(), NOW)
        await uow.circles.set_language(french.id, "fr")
        await uow.circles.set_language(spanish.id, "es")
        await uow.circles.set_language(portuguese.id, "pt")
        member = await uow.people.get_or_create(aci(), NOW)
        # Joined the Spanish circle first, the French one a day later.
        await uow.members.add(spanish.id, member, Role.MEMBER, founder=False, now=NOW)
        await uow.members.add(french.id, member, Role.MEMBER, founder=False, now=NOW + DAY)
        newcomer = await uow.people.get_or_create(aci(), NOW)
        await uow.requests.create(
            circle_id=portuguese.id,
            person_id=newcomer.id,
            invite_id=None,
            name="Rio",
            intro=None,
            now=NOW,
            expires_at=NOW + 7 * DAY,
        )
        stranger = await uow.people.get_or_create(aci(), NOW)
        assert (await uow.people.direct_language(member.id)).code == "es"
        assert (await uow.people.direct_language(newcomer.id)).code == "pt"
        assert (await uow.people.direct_language(stranger.id)).code == "en"
        await uow.people.set_language(member.id, "de")
        assert (await uow.people.direct_language(member.id)).code == "de"


async def test_another_bot_accounts_circles_do_not_choose_for_this_one(
    any_storage: Storage, keyring: Keyring
) -> None:
    bot_a, bot_b = two_accounts(any_storage, keyring)
    who = aci()
    await join(bot_b, GROUPS[1], who, language="es", joined=NOW)
    await join(bot_a, GROUPS[0], who, language="fr", joined=NOW + DAY)
    async with bot_a.unit_of_work() as uow:
        person = await uow.people.by_aci(who)
        assert person is not None
        assert (await uow.people.direct_language(person.id)).code == "fr"  # not B's Spanish


async def test_mydata_shows_the_languages_and_forgetme_takes_theirs(any_storage: Storage) -> None:
    who = aci()
    await join(any_storage, GROUPS[0], who, language="es")
    await choose(any_storage, who, "de")
    async with any_storage.unit_of_work() as uow:
        data = await collect(uow, who, NOW)
        assert data.language == "de" and [c.language for c in data.circles] == ["es"]
        report = await erase(uow, who, NOW)
        assert report.counts["people"] == 1
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        assert (await collect(uow, who, NOW)).language is None
        assert await uow.session.scalar(select(PersonRow.language)) is None  # no row at all


async def test_forgetme_through_one_account_leaves_the_row_another_still_serves(
    any_storage: Storage, keyring: Keyring
) -> None:
    bot_a, bot_b = two_accounts(any_storage, keyring)
    who = aci()
    await join(bot_a, GROUPS[0], who)
    await join(bot_b, GROUPS[1], who)
    await choose(bot_b, who, "pt")
    async with bot_a.unit_of_work() as uow:
        report = await erase(uow, who, NOW)
        assert report.person_kept
        await uow.commit()
    async with bot_b.unit_of_work() as uow:
        assert (await collect(uow, who, NOW)).language == "pt"  # B's to show, and to erase
        await erase(uow, who, NOW)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        assert await uow.people.by_aci(who) is None


async def test_circles_from_before_the_migration_speak_english(any_storage: Storage) -> None:
    """A circle row written without a language (as by a bot from before) is English: the
    migration's server default, which the schema-drift test holds equal to the model's."""
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUPS[0], Purpose.SUPPORT, CircleSettings(), NOW)
        await uow.circles.set_language(circle.id, "fr")
        await uow.commit()
    table = CircleRow.__table__
    async with any_storage.engine.begin() as connection:
        found = await connection.execute(select(table).where(table.c.id == circle.id))
        older = {k: v for k, v in found.mappings().one().items() if k != "language"}
        older |= {"id": uuid.uuid4(), "group_bidx": b"\x01" * 16}
        await connection.execute(table.insert().values(**older))
    async with any_storage.unit_of_work() as uow:
        languages = sorted((await uow.session.scalars(select(CircleRow.language))).all())
    assert languages == ["en", "fr"]
