"""The session core with a fake clock: ``now`` is a plain number of milliseconds we pass in."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from facilitation.prompts import named, speaker
from facilitation.session import (
    MAX_TOPIC_CHARS,
    Closed,
    Hand,
    Phase,
    Post,
    SessionError,
    SessionState,
    Transition,
    done,
    end,
    extend,
    from_json,
    lower_hand,
    next_due,
    next_speaker,
    ordered_queue,
    pause,
    raise_hand,
    resume,
    set_away,
    set_back,
    start,
    tick,
    to_json,
)
from facilitation.texts.session import HOSTED_BY_WITH
from facilitation.timing import checkout_lead, spoken_duration, time_left

S = 1_000
M = 60 * S
H = 60 * M
T0 = 1_700_000_000_000  # any epoch ms; nothing reads a real clock
REMINDER = "What is said in the circle stays in the circle."
TIMES_UP = (
    "that's the time for this turn. Thank you. If there's more you want to say, /hand again "
    "and the circle will come back to you."
)


def begin(length: int = 60 * M, turn: int = 5 * M, wins: bool = False, **away: int) -> Transition:
    return start("s1", T0, length, turn, wins, REMINDER, {m: T0 + ms for m, ms in away.items()})


def texts(t: Transition) -> list[str]:
    return [e.render(lambda member: f"@{member}") for e in t.effects if isinstance(e, Post)]


def mentions(t: Transition) -> list[str]:
    return [m for e in t.effects if isinstance(e, Post) for m in e.mentions]


def sharing(length: int = 60 * M, turn: int = 5 * M, wins: bool = False) -> SessionState:
    """A session moved on to sharing at T0 + 1s, with the floor open."""
    return next_speaker(begin(length, turn, wins).state, T0 + S).state


def speaking(*members: str, at: int = T0 + 2 * S, turn: int = 5 * M) -> SessionState:
    """Sharing, with the first of ``members`` speaking and the others queued in order."""
    state = sharing(turn=turn)
    for offset, member in enumerate(members):
        state = raise_hand(state, member, None, at + offset).state
    return state


# --- opening -----------------------------------------------------------------------------------


def test_the_opening_carries_the_reminder_the_timings_and_the_check_in_prompt() -> None:
    t = begin()
    assert t.state.phase is Phase.CHECK_IN
    assert len(t.effects) == 1
    (text,) = texts(t)
    assert REMINDER in text
    assert "1 hour" in text and "turns of 5 minutes" in text
    assert "/checkin 1-5 and a few words" in text
    assert "1 = struggling … 5 = great" in text
    assert "by direct message if you'd rather keep it private" in text
    assert "wins" not in text
    assert t.due_at == T0 + 50 * M


def test_a_wins_only_session_says_so_when_it_opens() -> None:
    (text,) = texts(begin(45 * M, wins=True))
    assert "a wins-only session: today we share wins and positive updates, no trauma talk" in text
    assert "45 minutes" in text


def test_sharing_begins_with_next_and_wins_only_says_wins_only() -> None:
    t = next_speaker(begin(wins=True).state, T0 + S)
    assert t.state.phase is Phase.SHARING
    assert "sharing begins" in texts(t)[0] and "wins only" in texts(t)[0]
    assert "The floor is open" in texts(t)[0]


@pytest.mark.parametrize(("length", "turn", "code"), [(0, 5 * M, "bad-length"), (M, 0, "bad-turn")])
def test_start_refuses_empty_lengths(length: int, turn: int, code: str) -> None:
    with pytest.raises(SessionError) as raised:
        start("s", T0, length, turn, False, REMINDER)
    assert raised.value.code == code


# --- hands and the progressive stack -----------------------------------------------------------


def test_hands_raised_in_check_in_wait_and_next_calls_the_first() -> None:
    state = begin().state
    t = raise_hand(state, "ana", None, T0 + S)
    assert t.effects == () and t.state.speaker is None
    state = raise_hand(t.state, "bo", None, T0 + 2 * S).state
    t = next_speaker(state, T0 + 3 * S)
    assert t.state.speaker is not None and t.state.speaker.member == "ana"
    assert mentions(t) == ["ana"]
    assert [h.member for h in t.state.queue] == ["bo"]


def test_a_hand_in_sharing_with_the_floor_free_speaks_at_once() -> None:
    t = raise_hand(sharing(), "ana", "money stress", T0 + 2 * S)
    assert t.state.speaker is not None
    assert t.state.speaker.member == "ana"
    assert t.state.speaker.ends_at == T0 + 2 * S + 5 * M
    assert texts(t) == [
        "@ana, you have the floor for 5 minutes (topic: money stress). /done when you're finished."
    ]


def test_a_member_who_spoke_goes_behind_one_who_has_not_even_if_they_raised_first() -> None:
    state = speaking("ana", "cy")
    state = done(state, "ana", T0 + M).state  # cy speaks, ana has spoken
    state = raise_hand(state, "ana", None, T0 + 2 * M).state
    state = raise_hand(state, "bo", None, T0 + 3 * M).state
    assert [h.member for h in state.queue] == ["ana", "bo"]  # raise order is kept
    assert [h.member for h in ordered_queue(state, T0 + 3 * M)] == ["bo", "ana"]
    t = done(state, "cy", T0 + 4 * M)
    assert t.state.speaker is not None and t.state.speaker.member == "bo"
    assert mentions(t) == ["bo"]


def test_within_each_group_first_come_first_served() -> None:
    state = speaking("zed", "c", "a", "b")
    assert [h.member for h in ordered_queue(state, T0 + M)] == ["c", "a", "b"]
    state = SessionState(
        id="s",
        started_at=T0,
        ends_at=T0 + H,
        length_ms=H,
        turn_ms=5 * M,
        wins_only=False,
        queue=(Hand("x", 5), Hand("y", 5), Hand("w", 4), Hand("v", 1)),
        spoken=frozenset({"w", "v"}),
    )
    assert [h.member for h in ordered_queue(state, 10)] == ["x", "y", "v", "w"]


def test_lower_leaves_the_queue() -> None:
    state = speaking("ana", "bo")
    t = lower_hand(state, "bo", T0 + M)
    assert t.state.queue == () and t.effects == ()
    with pytest.raises(SessionError) as raised:
        lower_hand(t.state, "bo", T0 + M)
    assert raised.value.code == "not-queued"


def test_done_calls_the_next_automatically_or_opens_the_floor() -> None:
    state = speaking("ana", "bo")
    t = done(state, "ana", T0 + M)
    assert t.state.speaker is not None and t.state.speaker.member == "bo"
    assert "ana" in t.state.spoken
    assert texts(t)[0].startswith("Thank you. @bo, you have the floor")
    t = done(t.state, "bo", T0 + 2 * M)
    assert t.state.speaker is None
    assert texts(t) == ["Thank you. The floor is open: /hand to share."]


def test_next_ends_the_turn_and_calls_the_next() -> None:
    state = speaking("ana", "bo")
    t = next_speaker(state, T0 + M)
    assert t.state.speaker is not None and t.state.speaker.member == "bo"
    assert t.state.spoken == frozenset({"ana"})
    t = next_speaker(t.state, T0 + 2 * M)
    assert t.state.speaker is None and texts(t)[-1].endswith("The floor is open: /hand to share.")


def test_a_wins_only_turn_reminds_to_share_a_win() -> None:
    t = raise_hand(sharing(wins=True), "ana", None, T0 + 2 * S)
    assert "share a win" in texts(t)[0]


def test_topics_are_cleaned_and_capped() -> None:
    t = raise_hand(sharing(), "ana", "  rent\u202e  \n stress " + "x" * 300, T0 + 2 * S)
    assert t.state.speaker is not None
    hand_topic = texts(t)[0].split("(topic: ")[1].split(")")[0]
    assert hand_topic.startswith("rent stress x") and "\u202e" not in hand_topic
    assert len(hand_topic) <= 100
    assert len(hand_topic) <= MAX_TOPIC_CHARS == 80
    assert raise_hand(begin().state, "bo", "   ", T0).state.queue[0].topic is None


# --- turn timing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("turn", "warn_after", "said"),
    [(30 * S, 15 * S, "15 seconds"), (5 * M, 4 * M, "1 minute"), (2 * M, M, "1 minute")],
)
def test_the_turn_warning_comes_a_minute_before_or_at_half_time(
    turn: int, warn_after: int, said: str
) -> None:
    began = T0 + 2 * S
    t = raise_hand(sharing(turn=turn), "ana", None, began)
    assert t.due_at == began + warn_after
    assert tick(t.state, began + warn_after - 1).effects == ()
    warned = tick(t.state, began + warn_after)
    assert texts(warned) == [f"@ana, {said} left in your turn."]
    assert warned.due_at == began + turn
    assert tick(warned.state, began + warn_after).effects == ()  # once


def test_times_up_ends_the_turn_and_calls_the_next() -> None:
    state = speaking("ana", "bo")
    ends = T0 + 2 * S + 5 * M
    state = tick(state, ends - M).state
    t = tick(state, ends)
    assert t.state.speaker is not None and t.state.speaker.member == "bo"
    assert t.state.speaker.started_at == ends
    assert texts(t)[0].startswith(f"@ana, {TIMES_UP} @bo, you have the floor")
    t = tick(t.state, ends + 5 * M)
    assert t.state.speaker is None
    assert texts(t)[-1] == f"@bo, {TIMES_UP} The floor is open: /hand to share."


def test_a_late_timer_still_comes_before_the_hand_that_arrived_after_it() -> None:
    state = speaking("ana")
    ends = T0 + 2 * S + 5 * M
    t = raise_hand(state, "bo", None, ends + 10)  # the time's-up timer has not fired yet
    assert t.state.speaker is not None and t.state.speaker.member == "bo"
    assert TIMES_UP in texts(t)[0]  # no stale warning first
    assert len(t.effects) == 2


# --- session timing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "call_at", "left"),
    [
        (2 * M, M + 36 * S, "24 seconds"),
        (60 * M, 50 * M, "10 minutes"),
        (30 * M, 24 * M, "6 minutes"),
    ],
)
def test_the_check_out_call(length: int, call_at: int, left: str) -> None:
    state = begin(length).state
    state = raise_hand(state, "ana", None, T0 + S).state
    assert next_due(state) == T0 + call_at
    assert tick(state, T0 + call_at - 1).effects == ()
    t = tick(state, T0 + call_at)
    assert t.state.phase is Phase.CHECK_OUT and t.state.queue == ()
    (text,) = texts(t)
    assert text.startswith(f"Check-out time, {left} left.")
    assert "/checkout and one positive thing or a goal for next week" in text
    assert "with a 1-5 mood first if you like" in text
    assert text.endswith("Passing is fine too: /checkout pass.")


def test_the_speaker_may_finish_after_the_check_out_call_but_hands_may_not_rise() -> None:
    state = speaking("ana", "bo", turn=5 * M)
    state = tick(state, T0 + 47 * M).state  # turns went round; someone is speaking
    state = raise_hand(state, "cy", None, T0 + 49 * M).state
    assert state.speaker is not None
    speaker = state.speaker.member
    t = tick(state, T0 + 50 * M)
    assert t.state.speaker == state.speaker and t.state.queue == ()
    assert mentions(t) == [speaker] and "can finish their turn" in texts(t)[0]
    with pytest.raises(SessionError) as raised:
        raise_hand(t.state, "cy", None, T0 + 50 * M + S)
    assert raised.value.code == "checking-out"
    with pytest.raises(SessionError) as raised:
        next_speaker(t.state, T0 + 50 * M + S)
    assert raised.value.code == "checking-out"
    finished = done(t.state, speaker, T0 + 50 * M + 30 * S)
    assert finished.state.speaker is None
    assert "Check-out is open" in texts(finished)[0]


def test_a_wins_only_check_out_asks_for_a_win() -> None:
    t = tick(begin(wins=True).state, T0 + 50 * M)
    assert "/checkout and one win from today or a goal" in texts(t)[0]


@pytest.mark.parametrize(
    ("length", "warn_at", "said"),
    [(60 * M, 55 * M, "5 minutes"), (20 * M, 18 * M, "2 minutes"), (30 * M, 27 * M, "3 minutes")],
)
def test_the_end_warning(length: int, warn_at: int, said: str) -> None:
    state = tick(begin(length).state, T0 + length - checkout_lead(length)).state  # the call
    assert next_due(state) == T0 + warn_at
    assert tick(state, T0 + warn_at - 1).effects == ()
    t = tick(state, T0 + warn_at)
    assert texts(t) == [f"{said[0].upper()}{said[1:]} left in this session."]
    assert t.due_at == T0 + length


@pytest.mark.parametrize("length", [M, 2 * M, 10 * M, 19 * M])
def test_an_end_warning_close_behind_the_check_out_call_rides_on_it(length: int) -> None:
    """Less than two minutes apart: the call already says how long is left."""
    t = tick(begin(length).state, T0 + length - checkout_lead(length))
    (call,) = texts(t)
    assert f"Check-out time, {time_left(checkout_lead(length))} left" in call
    assert t.state.end_warned and t.due_at == T0 + length  # nothing more until the close


def test_no_end_warning_once_everyone_has_checked_out() -> None:
    state = tick(begin().state, T0 + 50 * M).state  # the call; five minutes to the warning
    quiet = tick(state, T0 + 55 * M, checked_out=True)
    assert quiet.effects == () and quiet.state.end_warned
    assert quiet.due_at == T0 + 60 * M
    assert texts(tick(state, T0 + 55 * M)) == ["5 minutes left in this session."]


def test_the_session_closes_exactly_once() -> None:
    state = tick(tick(begin().state, T0 + 50 * M).state, T0 + 55 * M).state
    t = tick(state, T0 + H)
    assert t.effects == (Closed(),)
    assert t.state.phase is Phase.CLOSED and t.state.closed_at == T0 + H and t.due_at is None
    again = tick(t.state, T0 + 2 * H)
    assert again.effects == () and again.state == t.state and again.due_at is None
    with pytest.raises(SessionError) as raised:
        end(t.state, T0 + 2 * H)
    assert raised.value.code == "closed"


def test_end_closes_now_with_no_stale_steps() -> None:
    state = speaking("ana", "bo")
    t = end(state, T0 + 52 * M)  # the check-out call is overdue: it is not sent
    assert t.effects == (Closed(),)
    assert t.state.speaker is None and t.state.queue == () and "ana" in t.state.spoken


def test_after_a_long_gap_only_the_close_happens() -> None:
    state = speaking("ana", "bo")
    t = tick(state, T0 + 5 * H)
    assert t.effects == (Closed(),)
    assert t.due_at is None


def test_overdue_steps_happen_once_and_skip_warnings_for_what_is_over() -> None:
    state = speaking("ana")
    t = tick(state, T0 + 52 * M)  # ana's turn and the check-out call are overdue
    said = texts(t)
    assert said[0] == f"@ana, {TIMES_UP} The floor is open: /hand to share."
    assert said[1].startswith("Check-out time, 8 minutes left.")
    assert len(said) == 2
    assert t.due_at == T0 + 55 * M
    t = tick(state, T0 + 57 * M)  # the end warning is folded into the late check-out call
    assert len(texts(t)) == 2 and texts(t)[1].startswith("Check-out time, 3 minutes left.")
    assert t.due_at == T0 + H


# --- pause and resume --------------------------------------------------------------------------


def test_pause_freezes_every_clock_and_resume_continues_with_the_time_left() -> None:
    state = speaking("ana")
    turn_ends = T0 + 2 * S + 5 * M
    t = pause(state, T0 + 3 * M)
    assert texts(t) == [
        "Let's pause and take a breath together. Feet on the floor, three slow breaths. "
        "A facilitator will /resume when we're ready."
    ]
    assert t.due_at is None and next_due(t.state) is None
    assert tick(t.state, T0 + 9 * H).effects == ()  # nothing runs while paused
    raised = raise_hand(t.state, "bo", None, T0 + 4 * M)  # hands raised while paused wait
    assert raised.effects == () and raised.state.speaker == state.speaker
    back = resume(raised.state, T0 + 10 * M)
    assert back.state.ends_at == T0 + H + 7 * M
    assert back.state.speaker is not None and back.state.speaker.ends_at == turn_ends + 7 * M
    assert back.state.paused_at is None
    assert texts(back) == [
        "We're back. 57 minutes left in this session. @ana, you still have 2 minutes of your turn."
    ]
    assert back.due_at == turn_ends + 7 * M - M


def test_a_turn_done_while_paused_passes_the_floor_on_resume() -> None:
    state = pause(speaking("ana", "bo"), T0 + M).state
    t = done(state, "ana", T0 + 2 * M)
    assert t.state.speaker is None and texts(t) == ["Thank you. We'll carry on after /resume."]
    back = resume(t.state, T0 + 3 * M)
    assert back.state.speaker is not None and back.state.speaker.member == "bo"
    assert back.state.speaker.ends_at == T0 + 3 * M + 5 * M


def test_pause_and_resume_errors() -> None:
    state = pause(begin().state, T0 + M).state
    for call, code in ((pause, "paused"), (next_speaker, "paused")):
        with pytest.raises(SessionError) as raised:
            call(state, T0 + 2 * M)
        assert raised.value.code == code
    with pytest.raises(SessionError) as raised:
        resume(begin().state, T0 + M)
    assert raised.value.code == "not-paused"


# --- extend ------------------------------------------------------------------------------------


def test_extend_after_the_check_out_call_opens_sharing_again() -> None:
    state = tick(tick(begin().state, T0 + 50 * M).state, T0 + 55 * M).state
    assert state.checkout_called and state.end_warned
    t = extend(state, 20 * M, T0 + 56 * M)
    assert t.state.ends_at == T0 + 80 * M and t.state.length_ms == 80 * M
    assert t.state.phase is Phase.SHARING
    assert not t.state.checkout_called and not t.state.end_warned
    assert texts(t) == [
        "Session extended by 20 minutes: 24 minutes left. Sharing is open again; the check-out "
        "call will come again before the end. The floor is open: /hand to share."
    ]
    assert t.due_at == T0 + 70 * M
    called = tick(t.state, T0 + 70 * M)
    assert called.state.phase is Phase.CHECK_OUT and "Check-out time" in texts(called)[0]


def test_a_short_extension_keeps_check_out_but_may_warn_again() -> None:
    state = tick(tick(begin().state, T0 + 50 * M).state, T0 + 55 * M).state
    t = extend(state, 5 * M, T0 + 56 * M)  # check-out would be at 55m: past; warning at 60m
    assert t.state.phase is Phase.CHECK_OUT and t.state.checkout_called
    assert not t.state.end_warned
    assert t.due_at == T0 + 60 * M
    assert texts(tick(t.state, T0 + 60 * M)) == ["5 minutes left in this session."]


def test_extend_while_paused_counts_from_the_pause() -> None:
    state = pause(begin().state, T0 + 10 * M).state
    t = extend(state, 15 * M, T0 + 30 * M)
    assert t.due_at is None
    assert texts(t) == ["Session extended by 15 minutes: 1 hour and 5 minutes left once we resume."]
    back = resume(t.state, T0 + 40 * M)
    assert back.state.ends_at == T0 + H + 15 * M + 30 * M


def test_extend_needs_a_positive_length() -> None:
    with pytest.raises(SessionError) as raised:
        extend(begin().state, 0, T0)
    assert raised.value.code == "bad-duration"


# --- away --------------------------------------------------------------------------------------


def test_away_members_leave_the_queue_and_cannot_raise_a_hand() -> None:
    state = speaking("ana", "bo", "cy")
    t = set_away(state, "bo", T0 + 2 * H, T0 + M)
    assert [h.member for h in t.state.queue] == ["cy"] and t.effects == ()
    with pytest.raises(SessionError) as raised:
        raise_hand(t.state, "bo", None, T0 + 2 * M)
    assert raised.value.code == "away"
    back = set_back(t.state, "bo", T0 + 3 * M)
    assert raise_hand(back.state, "bo", None, T0 + 3 * M).state.queue[-1].member == "bo"
    assert set_back(back.state, "bo", T0 + 3 * M).state == back.state  # harmless twice


def test_a_speaker_going_away_passes_the_floor_without_being_named() -> None:
    state = speaking("ana", "bo")
    t = set_away(state, "ana", T0 + H, T0 + M)
    assert t.state.speaker is not None and t.state.speaker.member == "bo"
    assert "ana" in t.state.spoken
    assert mentions(t) == ["bo"]
    assert all("ana" not in text for text in texts(t))


def test_members_already_away_at_the_start_are_never_named() -> None:
    state = next_speaker(begin(ana=10 * M).state, T0 + S).state
    with pytest.raises(SessionError) as raised:
        raise_hand(state, "ana", None, T0 + 2 * S)
    assert raised.value.code == "away"
    assert raise_hand(state, "ana", None, T0 + 10 * M).state.speaker is not None  # away is over


def test_away_until_must_be_in_the_future() -> None:
    with pytest.raises(SessionError) as raised:
        set_away(begin().state, "ana", T0, T0)
    assert raised.value.code == "bad-duration"


# --- errors ------------------------------------------------------------------------------------


def test_errors_carry_short_codes() -> None:
    state = speaking("ana", "bo")
    cases: list[tuple[Callable[[], Transition], str]] = [
        (lambda: done(state, "bo", T0 + M), "not-speaker"),
        (lambda: raise_hand(state, "bo", None, T0 + M), "already-queued"),
        (lambda: raise_hand(state, "ana", None, T0 + M), "already-speaking"),
        (lambda: lower_hand(state, "cy", T0 + M), "not-queued"),
        (lambda: resume(state, T0 + M), "not-paused"),
    ]
    closed = end(state, T0 + M).state
    later = T0 + 2 * M
    cases += [
        (lambda: raise_hand(closed, "cy", None, later), "closed"),
        (lambda: lower_hand(closed, "bo", later), "closed"),
        (lambda: done(closed, "ana", later), "closed"),
        (lambda: next_speaker(closed, later), "closed"),
        (lambda: pause(closed, later), "closed"),
        (lambda: resume(closed, later), "closed"),
        (lambda: extend(closed, M, later), "closed"),
        (lambda: end(closed, later), "closed"),
        (lambda: set_away(closed, "bo", T0 + H, later), "closed"),
        (lambda: set_back(closed, "bo", later), "closed"),
    ]
    for call, code in cases:
        with pytest.raises(SessionError) as raised:
            call()
        assert raised.value.code == code
        assert str(raised.value) == code


def test_an_operation_after_an_overdue_close_fails_and_leaves_the_close_to_the_timer() -> None:
    state = begin().state
    with pytest.raises(SessionError) as raised:
        raise_hand(state, "ana", None, T0 + H)
    assert raised.value.code == "closed"
    assert tick(state, T0 + H).effects == (Closed(),)


# --- effects and storage -----------------------------------------------------------------------


def test_posts_render_mentions_through_the_callers_names() -> None:
    post = Post(HOSTED_BY_WITH.with_(host=speaker("u1"), cohosts=[speaker("u2"), named("u3")]))
    shown = post.render({"u1": "Sky", "u2": "Rae"}.__getitem__, lambda m: f"<{m}>")
    assert shown == "Holding this session: Sky, with Rae and <u3>."
    assert post.mentions == ("u1", "u2")
    assert post.members == ("u1", "u2", "u3")


def test_json_round_trips_exactly() -> None:
    state = set_away(speaking("ana", "bo", "cy"), "dee", T0 + H, T0 + M).state
    state = pause(tick(state, T0 + 5 * M).state, T0 + 6 * M).state
    state = raise_hand(state, "eve", 'a topic, with "quotes" and ünïcode', T0 + 7 * M).state
    text = to_json(state)
    assert from_json(text) == state
    assert to_json(from_json(text)) == text
    assert json.loads(text)["format"] == 1
    assert text.isascii()
    closed = end(state, T0 + 8 * M).state
    assert from_json(to_json(closed)) == closed


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "not json",
        '{"format": 2}',
        '{"format": true}',
        '{"format": 1}',
        '{"format": 1, "queue": 3}',
    ],
)
def test_from_json_refuses_what_it_did_not_write(text: str) -> None:
    with pytest.raises(ValueError):
        from_json(text)


def test_from_json_checks_types() -> None:
    data = json.loads(to_json(begin().state))
    data["ends_at"] = True
    with pytest.raises(ValueError):
        from_json(json.dumps(data))


# --- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ms", "spoken", "left"),
    [
        (H, "1 hour", "1 hour"),
        (90 * M, "1 hour 30 minutes", "1 hour 30 minutes"),
        (96 * S, "1 minute 36 seconds", "1 minute 36 seconds"),
        (4 * M + 40 * S, "4 minutes 40 seconds", "5 minutes"),
        (1, "1 second", "1 second"),
        (0, "0 seconds", "0 seconds"),
    ],
)
def test_lengths_are_said_as_people_say_them(ms: int, spoken: str, left: str) -> None:
    assert spoken_duration(ms) == spoken
    assert time_left(ms) == left


def test_the_call_says_who_is_next_by_name_without_pinging_them() -> None:
    state = speaking("ana", "ben", "cy", "dee")
    t = done(state, "ana", T0 + M)
    (post,) = [e for e in t.effects if isinstance(e, Post)]
    text = post.render(lambda m: f"@{m}", lambda m: f"<{m}>")
    assert text.startswith("Thank you. @ben, you have the floor for 5 minutes.")
    assert text.endswith(" Next up: <cy>, then 1 more.")
    assert post.mentions == ("ben",)  # only the speaker's phone is pinged
    last = done(done(t.state, "ben", T0 + 2 * M).state, "cy", T0 + 3 * M)
    assert texts(last)[0].endswith("/done when you're finished.")  # nobody after dee
