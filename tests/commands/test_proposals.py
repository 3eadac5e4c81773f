"""/propose and /consent: the circle decides together; only counts are ever shown."""

from __future__ import annotations

from tests.commands.care_helpers import DAY, HOUR, in_group, make_facilitator, table_rows, to
from tests.commands.chat import GROUP, Chat, aci, only_text, reactions

REASON = "Sundays are the only day my kids are with me"


async def _open(chat: Chat, people: dict[str, str], text: str = "We meet on Sundays") -> int:
    out = await chat.say(people["alice"], f"/propose {text}")
    [post] = in_group(out)
    assert post.startswith("Proposal #") and text in post
    return int(post.split("#")[1].split(",")[0].split(" ")[0])


async def test_a_proposal_is_posted_and_answered_privately(
    agreed: Chat, people: dict[str, str]
) -> None:
    out = await agreed.say(people["alice"], "/propose We meet on Sundays for 3d")
    [post] = in_group(out)
    assert "Proposal #1" in post and "We meet on Sundays" in post and "3 days" in post
    assert "for 3d" not in post
    reply = only_text(await agreed.dm(people["bob"], f"/consent 1 block {REASON}"))
    assert "counted" in reply and "Nobody is shown who answered what" in reply
    assert "without your name" in reply
    again = only_text(await agreed.dm(people["bob"], "/consent 1 concern"))
    assert "is now concern" in again
    await agreed.dm(people["carol"], "/consent 1 agree")
    listing = only_text(await agreed.say(people["dana"], "/propose"))
    assert "#1" in listing and "2 answers so far" in listing
    assert "agree" not in listing.replace("/consent", "").casefold().split("#1")[1]
    assert await table_rows(agreed, "proposal_votes") == 2


async def test_a_block_stops_it_and_reasons_go_privately(
    agreed: Chat, people: dict[str, str]
) -> None:
    await make_facilitator(agreed, people, "carol")
    n = await _open(agreed, people)
    await agreed.dm(people["bob"], f"/consent {n} block {REASON}")
    await agreed.dm(people["dana"], f"/consent {n} agree")
    out = await agreed.advance(2 * DAY)
    [post] = in_group(out)
    assert f"Proposal #{n} is blocked." in post and "block 1" in post and "Agree 1" in post
    assert REASON not in post
    for name in ("alice", "carol"):  # the proposer and the facilitators, without names
        [private] = to(out, people[name])
        assert REASON in private and "without names" in private
    assert not to(out, people["bob"]) and not to(out, people["dana"])
    assert await table_rows(agreed, "proposal_votes") == 0
    assert "no open proposal" in only_text(await agreed.dm(people["dana"], f"/consent {n} agree"))


async def test_agrees_outnumbering_concerns_pass(agreed: Chat, people: dict[str, str]) -> None:
    n = await _open(agreed, people)
    for name, answer in (("bob", "agree"), ("carol", "agree"), ("dana", "concern")):
        await agreed.dm(people[name], f"/consent {n} {answer}")
    [post] = in_group(await agreed.advance(2 * DAY))
    assert f"Proposal #{n} passed." in post


async def test_an_early_close_cannot_pass_before_everyone_answered(
    agreed: Chat, people: dict[str, str]
) -> None:
    n = await _open(agreed, people)
    await agreed.dm(people["alice"], f"/consent {n} agree")
    assert "Only a facilitator" in only_text(await agreed.dm(people["bob"], f"/propose close {n}"))
    [post] = in_group(await agreed.say(people["alice"], f"/propose close {n}"))
    assert "did not pass" in post and "before everyone had answered" in post
    assert await agreed.advance(3 * DAY) == []  # its timer went with it


async def test_answers_only_from_members_who_agreed(circle: Chat, people: dict[str, str]) -> None:
    await circle.say(people["alice"], "/agree")
    [post] = in_group(await circle.say(people["alice"], "/propose Tea after sessions"))
    assert "#1" in post
    reply = only_text(await circle.dm(people["bob"], "/consent 1 agree"))
    assert "accepted the current community agreement" in reply
    assert await circle.dm(aci(), "/consent 1 agree") == []  # a stranger hears nothing
    assert await table_rows(circle, "proposal_votes") == 0
    await circle.dm(people["bob"], "/agree")
    assert "counted" in only_text(await circle.dm(people["bob"], "/consent 1 agree"))


async def test_an_answer_in_the_group_counts_and_gets_a_reaction(
    agreed: Chat, people: dict[str, str]
) -> None:
    n = await _open(agreed, people)
    assert reactions(await agreed.say(people["bob"], f"/consent {n} agree")) == ["🗳️"]
    assert await table_rows(agreed, "proposal_votes") == 1


async def test_bad_input_changes_nothing(agreed: Chat, people: dict[str, str]) -> None:
    n = await _open(agreed, people)
    for bad in (f"/consent {n}", f"/consent {n} maybe", "/consent", "/consent x agree"):
        assert only_text(await agreed.dm(people["bob"], bad)).startswith("Usage: /consent"), bad
    assert "no open proposal #9" in only_text(await agreed.dm(people["bob"], "/consent 9 agree"))
    long = only_text(await agreed.dm(people["bob"], f"/consent {n} block " + "x" * 400))
    assert "at most 300 characters" in long
    assert await table_rows(agreed, "proposal_votes") == 0
    long = only_text(await agreed.say(people["alice"], "/propose " + "y" * 1200))
    assert "at most 1,000 characters" in long
    assert "14 days" in only_text(await agreed.say(people["alice"], "/propose Tea for 30d"))
    assert "no open proposal #7" in only_text(await agreed.say(people["alice"], "/propose close 7"))
    assert await table_rows(agreed, "proposals") == 1


async def test_newcomers_wait_for_tenure_and_facilitators_do_not(
    agreed: Chat, people: dict[str, str]
) -> None:
    """Founders may propose at once; a facilitator always."""
    reply = await agreed.say(people["bob"], "/propose Tea after sessions")
    assert in_group(reply) and "Tea after sessions" in in_group(reply)[0]
    assert "2 days" in in_group(reply)[0]


async def test_a_proposal_by_direct_message_names_nobody(
    agreed: Chat, people: dict[str, str]
) -> None:
    out = await agreed.dm(people["bob"], "/propose A quiet minute at the start")
    [post] = in_group(out)
    assert "A quiet minute at the start" in post and people["bob"] not in post
    assert reactions(out) == ["🗳️"]


async def test_a_newcomer_waits_for_tenure_to_propose_but_may_answer_later_ones(
    agreed: Chat, people: dict[str, str]
) -> None:
    n = await _open(agreed, people)
    agreed.clock.advance(HOUR)
    await agreed.say(people["alice"], "/circle set unvouched allow")
    members = [people[x] for x in ("alice", "bob", "carol", "dana", "erin")]
    agreed.groups.set(GROUP, members=members, admins=[people["alice"]])
    await agreed.group_changed(people["alice"])
    await agreed.dm(people["erin"], "/agree")
    refused = only_text(await agreed.dm(people["erin"], "/propose Snacks"))
    assert "after 14 days in the circle" in refused
    joined_after = only_text(await agreed.dm(people["erin"], f"/consent {n} agree"))
    assert f"#{n} opened before you joined" in joined_after
    later = await _open(agreed, people, "Snacks at every session")
    assert "counted" in only_text(await agreed.dm(people["erin"], f"/consent {later} agree"))
    assert await table_rows(agreed, "proposals") == 2
