"""The personal-data registry names every table, and says how each is treated."""

from __future__ import annotations

from storage.models import Base
from storage.personal import KINDS, PERSONAL_DATA, PERSONAL_TABLES, PersonalData, kind_of


def test_the_registry_names_exactly_the_tables_of_the_models() -> None:
    tables = set(Base.metadata.tables)
    missing = sorted(tables - set(PERSONAL_DATA))
    stale = sorted(set(PERSONAL_DATA) - tables)
    assert not missing, f"add these tables to storage.personal.PERSONAL_DATA: {missing}"
    assert not stale, f"these tables are gone from the models: {stale}"


def test_every_entry_says_how_its_table_is_treated() -> None:
    for table, description in PERSONAL_DATA.items():
        assert kind_of(table) in KINDS, table
        assert len(description.split(":", 1)[1].strip()) > 20, table


def test_collect_counts_exactly_the_tables_that_can_hold_someone() -> None:
    assert set(PersonalData(known=False).counts) == PERSONAL_TABLES
    assert {"people", "members", "checkins", "vouches", "outbox", "sessions"} <= PERSONAL_TABLES
    assert "processed_events" not in PERSONAL_TABLES  # kept: keyed hashes, linkable to nobody
