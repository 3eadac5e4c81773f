"""The send order's rules, one by one (bot/sendorder.py): no clock, no gateway."""

from __future__ import annotations

import pytest

from bot.sendorder import Entry, Lane, SendOrder
from commands.types import OutgoingMessage, OutgoingReaction, Priority, Recipient

URGENT, NORMAL, LOW = Priority.URGENT, Priority.NORMAL, Priority.LOW


def msg(text: str, to: str = "g1", priority: Priority = NORMAL) -> OutgoingMessage:
    where = Recipient.person(to) if to.startswith("p") else Recipient.group(to)
    return OutgoingMessage(where, text, priority=priority)


def reaction(to: str, target: int) -> OutgoingReaction:
    return OutgoingReaction(Recipient.group(to), "🌱", "author", target)


def anything(lane: Lane) -> bool:
    return True


def text(entry: Entry) -> str:
    item = entry.item
    return item.text if isinstance(item, OutgoingMessage) else f"react:{item.target_timestamp}"


def send_all(order: SendOrder, may_send=anything) -> list[str]:  # type: ignore[no-untyped-def]
    """Pick and complete one entry at a time, as a single worker would."""
    sent = []
    while (entry := order.pick(may_send, now=0.0)) is not None:
        sent.append(text(entry))
        order.done(entry)
    return sent


def test_urgent_goes_first_across_conversations() -> None:
    order = SendOrder()
    for i in range(3):
        order.add(None, msg(f"low{i}", to=f"g{i}", priority=LOW))
    order.add(None, msg("normal", to="g8"))
    order.add(None, msg("sos alert", to="p-facilitator", priority=URGENT))
    assert send_all(order)[:2] == ["sos alert", "normal"]


def test_equally_urgent_conversations_go_in_the_order_they_were_queued() -> None:
    order = SendOrder()
    order.add(None, msg("first", to="g1", priority=URGENT))
    order.add(None, msg("second", to="g2", priority=URGENT))
    order.add(None, msg("third", to="g3", priority=URGENT))
    assert send_all(order) == ["first", "second", "third"]


def test_an_urgent_message_never_overtakes_an_earlier_one_to_the_same_conversation() -> None:
    """The earlier one rides along at the urgent priority, ahead of other conversations."""
    order = SendOrder()
    order.add(None, msg("elsewhere", to="g2"))
    order.add(None, msg("directory result", to="p1", priority=LOW))
    order.add(None, msg("sos reply", to="p1", priority=URGENT))
    assert send_all(order) == ["directory result", "sos reply", "elsewhere"]


def test_a_post_may_overtake_reactions_to_earlier_messages_but_not_earlier_posts() -> None:
    order = SendOrder()
    for target in range(5):
        order.add(None, reaction("g1", target))
    order.add(None, msg("a reply", to="g1"))
    order.add(None, msg("time's up", to="g1", priority=URGENT))
    sent = send_all(order)
    assert sent[:2] == ["a reply", "time's up"]
    assert sent[2:] == [f"react:{t}" for t in range(5)]  # reactions keep their own order


def test_one_item_per_conversation_in_flight() -> None:
    order = SendOrder()
    order.add(None, msg("one", to="g1"))
    order.add(None, msg("two", to="g1"))
    order.add(None, msg("other", to="g2", priority=LOW))
    first = order.pick(anything, now=0.0)
    assert first is not None and text(first) == "one"
    second = order.pick(anything, now=0.0)  # g1 is busy: another conversation goes
    assert second is not None and text(second) == "other"
    assert order.pick(anything, now=0.0) is None
    order.done(first)
    third = order.pick(anything, now=0.0)
    assert third is not None and text(third) == "two"


@pytest.mark.parametrize("fair_every", [2, 4, 8])
def test_low_never_starves_behind_a_stream_of_urgent_items(fair_every: int) -> None:
    """However many urgent items keep arriving, a waiting low item is passed over at most
    fair_every - 1 times."""
    order = SendOrder(fair_every)
    order.add(None, msg("reaction-ish", to="g0", priority=LOW))
    passed = 0
    for i in range(50):
        order.add(None, msg(f"urgent{i}", to=f"g{i + 1}", priority=URGENT))
        entry = order.pick(anything, now=0.0)
        assert entry is not None
        order.done(entry)
        if text(entry) == "reaction-ish":
            break
        passed += 1
    assert passed == fair_every - 1


def test_the_starvation_bound_holds_for_every_item_of_a_backlog() -> None:
    """Each low item is sent within fair_every picks per item queued before it, while
    urgent items keep arriving one per pick."""
    fair_every = 4
    order = SendOrder(fair_every)
    lows = [f"low{i}" for i in range(10)]
    for i, name in enumerate(lows):
        order.add(None, msg(name, to=f"low-g{i}", priority=LOW))
    sent_at: dict[str, int] = {}
    for pick in range(200):
        order.add(None, msg(f"u{pick}", to=f"u-g{pick}", priority=URGENT))
        entry = order.pick(anything, now=0.0)
        assert entry is not None
        order.done(entry)
        sent_at[text(entry)] = pick
        if all(name in sent_at for name in lows):
            break
    for position, name in enumerate(lows):
        assert sent_at[name] < fair_every * (position + 1)


def test_a_lane_that_may_not_send_is_skipped_not_waited_for() -> None:
    """A direct message without a DM token does not hold up the groups."""
    order = SendOrder()
    order.add(None, msg("dm", to="p1", priority=URGENT))
    order.add(None, msg("group", to="g1", priority=LOW))
    entry = order.pick(lambda lane: not lane.direct, now=0.0)
    assert entry is not None and text(entry) == "group"


def test_urgent_only_picks_leave_ordinary_lanes_alone() -> None:
    order = SendOrder()
    order.add(None, msg("normal", to="g1"))
    assert order.pick(anything, now=0.0, urgent_only=True) is None
    order.add(None, msg("normal first", to="g2"))
    order.add(None, msg("urgent after it", to="g2", priority=URGENT))
    entry = order.pick(anything, now=0.0, urgent_only=True)
    assert entry is not None and text(entry) == "normal first"  # carried by the urgent one


def test_a_retry_keeps_its_place_and_waits_out_its_backoff() -> None:
    order = SendOrder()
    order.add(None, msg("failed", to="g1"))
    order.add(None, msg("after it", to="g1", priority=URGENT))
    order.add(None, msg("elsewhere", to="g2", priority=LOW))
    entry = order.pick(anything, now=0.0)
    assert entry is not None and text(entry) == "failed"
    order.retry(entry, not_before=5.0)
    during = order.pick(anything, now=1.0)
    assert during is not None and text(during) == "elsewhere"  # g1 waits, others go on
    order.done(during)
    again = order.pick(anything, now=5.0)
    assert again is not None and text(again) == "failed"  # still first in its lane
    order.done(again)
    last = order.pick(anything, now=5.0)
    assert last is not None and text(last) == "after it"
    order.done(last)
    assert len(order) == 0


def test_fair_every_must_allow_some_priority() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        SendOrder(fair_every=1)
