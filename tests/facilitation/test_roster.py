"""The rules that keep a circle's roster following its Signal group (pure, no I/O)."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from facilitation.roster import (
    Arrival,
    ArrivalKind,
    Facts,
    Listed,
    RosterChanges,
    StoredMember,
    classify,
    door_is_open,
    reconcile,
)


def aci() -> str:
    return str(uuid.uuid4())


def stored(*acis: str) -> list[StoredMember]:
    return [StoredMember(member_id=f"m-{a}", aci=a) for a in acis]


def listed(*acis: str) -> list[Listed]:
    return [Listed(aci=a, number=None) for a in acis]


def apply(roster: list[StoredMember], changes: RosterChanges) -> list[StoredMember]:
    gone = {d.member_id for d in changes.departures}
    kept = [m for m in roster if m.member_id not in gone]
    return kept + [StoredMember(f"m-{a.aci}", a.aci) for a in changes.arrivals]


def test_nothing_changes_when_the_group_and_the_circle_agree() -> None:
    a, b = aci(), aci()
    changes = reconcile(stored(a, b), listed(b.upper(), a), Facts())
    assert changes.empty and changes.believed and not changes.waiting


def test_someone_added_without_a_vouch_is_unvouched() -> None:
    a, newcomer = aci(), aci()
    changes = reconcile(stored(a), listed(a, newcomer), Facts())
    assert changes.arrivals == (Arrival(newcomer, None, ArrivalKind.UNVOUCHED, False),)
    assert not changes.departures


def test_arrival_kinds() -> None:
    approved, founder, banned, other = aci(), aci(), aci(), aci()
    facts = Facts(
        approved=frozenset({approved}),
        founder_numbers=frozenset({"+15550000009"}),
        banned=frozenset({banned}),
    )
    assert classify(approved.upper(), None, facts) is ArrivalKind.VOUCHED
    assert classify(founder, "+15550000009", facts) is ArrivalKind.FOUNDER
    assert classify(other, "+15550000010", facts) is ArrivalKind.UNVOUCHED
    assert classify(banned, None, facts) is ArrivalKind.UNVOUCHED
    open_door = Facts(allow_unvouched=True, banned=frozenset({banned}))
    assert classify(other, None, open_door) is ArrivalKind.OPEN
    assert classify(banned, None, open_door) is ArrivalKind.UNVOUCHED  # a ban outranks it
    changes = reconcile(stored(), listed(banned), facts)
    assert changes.arrivals[0].banned


def test_who_left_by_themselves_and_who_was_removed() -> None:
    a, b, c, d = aci(), aci(), aci(), aci()
    changes = reconcile(stored(a, b, c, d), listed(a, d), Facts(actor=b.upper()))
    assert {(x.aci, x.left) for x in changes.departures} == {(b, True), (c, False)}
    unknown = reconcile(stored(a, b, c, d), listed(a, c, d), Facts())
    assert [x.left for x in unknown.departures] == [False]  # no actor: not known to have left


def test_an_empty_answer_is_not_believed() -> None:
    roster = stored(aci(), aci(), aci())
    changes = reconcile(roster, [], Facts())
    assert not changes.believed and changes.empty and not changes.waiting


def test_nobody_is_taken_for_gone_while_someone_is_listed_only_by_number() -> None:
    a, b, c = aci(), aci(), aci()
    entries = [*listed(a), Listed(aci=None, number="+15550000011"), Listed(aci="", number=None)]
    changes = reconcile(stored(a, b, c), entries, Facts())
    assert changes.unidentified == 2
    assert not changes.departures
    assert changes.waiting == {f"m-{b}", f"m-{c}"}
    assert not changes.absent  # nobody was seen missing for sure: no first sighting either


def test_a_mass_departure_needs_a_second_read() -> None:
    roster = stored(*(aci() for _ in range(8)))
    keep = [m.aci for m in roster[:3]]
    first = reconcile(roster, listed(*keep), Facts())
    assert not first.departures and len(first.waiting) == 5  # five of eight: not yet
    second = reconcile(roster, listed(*keep), Facts(absent_before=first.absent))
    assert len(second.departures) == 5 and not second.waiting
    # a different bad answer the second time confirms only the overlap
    other = reconcile(
        roster, listed(*(m.aci for m in roster[5:])), Facts(absent_before=first.absent)
    )
    assert {d.member_id for d in other.departures} == {m.member_id for m in roster[3:5]}


def test_a_few_departures_count_at_once_even_in_a_small_circle() -> None:
    a, b, c = aci(), aci(), aci()
    assert len(reconcile(stored(a, b, c), listed(a), Facts()).departures) == 2


def test_duplicates_in_the_list_count_once() -> None:
    a, newcomer = aci(), aci()
    changes = reconcile(stored(a), listed(a, newcomer, newcomer.upper()), Facts())
    assert len(changes.arrivals) == 1


def test_the_door() -> None:
    assert door_is_open(True, False) and door_is_open(False, True)
    assert not door_is_open(False, False)


acis = st.uuids().map(str)


@given(
    st.lists(acis, max_size=12, unique=True),
    st.lists(acis, max_size=12, unique=True),
    st.integers(min_value=0, max_value=2),
)
def test_reconciling_twice_changes_nothing_the_second_time(
    before: list[str], group: list[str], unidentified: int
) -> None:
    roster = stored(*before)
    entries = listed(*group) + [Listed(None, f"+1555{i:07d}") for i in range(unidentified)]
    first = reconcile(roster, entries, Facts())
    settled = reconcile(roster, entries, Facts(absent_before=first.absent))
    after = apply(roster, settled)
    again = reconcile(after, entries, Facts(absent_before=settled.absent))
    assert not again.arrivals and not again.departures
    if not entries:
        assert first.empty and not first.believed
    if unidentified:
        assert not first.departures and not settled.departures
    limit = max(2, len(roster) // 2)
    assert len(first.departures) <= limit  # one read never takes away a majority
    assert {a.aci for a in first.arrivals} == {g.lower() for g in group} - {
        b.lower() for b in before
    }
