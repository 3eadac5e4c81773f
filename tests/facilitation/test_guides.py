from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.guides import (
    CRISIS,
    GUIDES,
    MAX_GUIDE_CHARS,
    MAX_INDEX_CHARS,
    MAX_LINE_CHARS,
    Guide,
    crisis_guide,
    find_guide,
    guide_index,
    is_crisis,
)
from facilitation.i18n import english

EXPECTED_KEYS = (
    "therapist",
    "harassment",
    "leak",
    "doxing",
    "boundaries",
    "starting",
    "safety",
    "hybrid",
    "crisis",
)
PHONE_LIKE = re.compile(r"\d[\d \-.()]{5,}\d")
COMMAND = re.compile(r"(?<![\w/])/[a-z]+")
KNOWN_COMMANDS = {
    "/agreement",
    "/away",
    "/back",
    "/checkin",
    "/checkout",
    "/circle",
    "/guide",
    "/invite",
    "/nospace",
    "/pause",
    "/resource",
    "/resources",
    "/session",
    "/sos",
}


def by_key(key: str) -> Guide:
    return next(guide for guide in GUIDES if guide.key == key)


def all_names() -> list[tuple[str, Guide]]:
    return [(name, guide) for guide in GUIDES for name in (guide.key, *guide.aliases)]


def test_guides_come_in_the_documented_order() -> None:
    assert tuple(guide.key for guide in GUIDES) == EXPECTED_KEYS
    assert CRISIS is by_key("crisis")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda guide: guide.key)
def test_every_guide_fits_a_phone_screen(guide: Guide) -> None:
    assert len(english(guide.text)) <= MAX_GUIDE_CHARS
    lines = english(guide.text).splitlines()
    assert lines[0] == english(guide.title)
    assert len(lines) >= 4
    assert all(len(line) <= MAX_LINE_CHARS for line in lines)
    assert all(line == line.strip() and line for line in lines)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda guide: guide.key)
def test_no_guide_holds_links_numbers_or_handles(guide: Guide) -> None:
    lowered = english(guide.text).lower()
    assert "http" not in lowered
    assert "www." not in lowered
    assert "@" not in english(guide.text)
    assert not re.search(r"\d{7,}", english(guide.text))
    assert not PHONE_LIKE.search(english(guide.text))
    assert not re.search(r"\b[a-z0-9-]+\.(com|org|net|io|uk|de|fr)\b", lowered)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda guide: guide.key)
def test_guides_only_point_to_commands_that_exist(guide: Guide) -> None:
    assert set(COMMAND.findall(english(guide.text))) <= KNOWN_COMMANDS


def test_the_articles_words_are_there() -> None:
    assert "What is your experience working with people in the adult industry?" in (
        english(by_key("therapist").text)
    )
    assert "I can't hold space for this right now" in english(by_key("boundaries").text)
    starting = english(by_key("starting").text)
    assert "What is said in the circle stays in the circle." in starting
    assert "We prioritise the safety of the most marginalised among us." in starting
    assert "I'm experiencing this specific industry-related stressor." in english(
        by_key("hybrid").text
    )


def test_guides_point_to_the_commands_that_help() -> None:
    assert "/resources therapist" in english(by_key("therapist").text)
    assert "/away" in english(by_key("harassment").text)
    assert "/resources harassment" in english(by_key("harassment").text)
    assert "/resources lawyer" in english(by_key("leak").text)
    assert "/sos" in english(by_key("doxing").text)
    boundaries = english(by_key("boundaries").text)
    assert "/nospace" in boundaries
    assert "/away 7d" in boundaries
    assert "/session start 45m wins" in boundaries
    assert "/agreement set" in english(by_key("starting").text)
    assert "/invite" in english(by_key("starting").text)
    assert "/resources psychiatrist" in english(by_key("hybrid").text)
    assert "/sos" in english(CRISIS.text)
    assert "emergency" in english(CRISIS.text)
    assert "/guide crisis" in english(by_key("hybrid").text)


def test_keys_and_aliases_are_unique_in_every_spelling() -> None:
    names = [name for name, _ in all_names()]
    assert len(names) == len(set(names))
    squashed = [name.replace("-", "").rstrip("s") for name in names]
    assert len(squashed) == len(set(squashed))
    assert all(name == name.lower() and " " not in name for name in names)
    # No two guides collide once spaces, hyphens and plurals are forgiven.
    for name, guide in all_names():
        spellings = [name.replace("-", " "), name.upper()]
        if not name.endswith("s"):
            spellings.append(f"{name}s")
        for spelling in spellings:
            assert find_guide(spelling) is guide, spelling


@pytest.mark.parametrize(("name", "guide"), all_names(), ids=lambda value: str(value)[:20])
def test_find_guide_resolves_every_key_and_alias(name: str, guide: Guide) -> None:
    for spelling in (
        name,
        name.upper(),
        name.title(),
        f"/{name}",
        f"  {name}  ",
        f" /{name.upper()} ",
        name.replace("-", " "),
        name.replace("-", "_"),
        name.replace("-", "  "),
        f"/guide {name}",
    ):
        assert find_guide(spelling) is guide, spelling


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("compassion fatigue", "boundaries"),
        ("Compassion-Fatigue", "boundaries"),
        ("therapists", "therapist"),
        ("boundary", "boundaries"),
        ("leaks", "leak"),
        ("troll", "harassment"),
        ("sex positive", "therapist"),
        ("KINK AWARE", "therapist"),
        ("pile on", "harassment"),
        ("/Newcomers", "safety"),
        ("ＳＯＳ", "crisis"),
        ("therapist?", "therapist"),
        ("pile-ons", "harassment"),
        ("take downs", "leak"),
        ("compassionfatigue", "boundaries"),
    ],
)
def test_find_guide_forgives_plurals_and_separators(query: str, key: str) -> None:
    found = find_guide(query)
    assert found is not None
    assert found.key == key


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("harass", "harassment"),
        ("/HARASS", "harassment"),
        ("thera", "therapist"),
        ("bound", "boundaries"),
        ("doxx", "doxing"),
        ("burn", "boundaries"),
        ("psych", "hybrid"),
        ("saf", "safety"),
        ("emerg", "crisis"),
        ("take", "leak"),
        ("begin", "safety"),
        ("kink", "therapist"),
    ],
)
def test_find_guide_accepts_a_unique_prefix(query: str, key: str) -> None:
    found = find_guide(query)
    assert found is not None
    assert found.key == key


@pytest.mark.parametrize(
    "query",
    ["", "   ", "/", "-", "zzz", "s", "st", "ha", "/guide", "guide", "sta", "com", "x" * 5000],
)
def test_find_guide_returns_none_for_nothing_short_or_ambiguous(query: str) -> None:
    assert find_guide(query) is None


def test_ambiguous_prefixes_are_refused() -> None:
    # "sta" starts both "starting"/"start" and "stalking" (doxing); "com" both
    # "compassion-fatigue" (boundaries) and "community-agreement" (starting).
    for prefix in ("sta", "com"):
        owners = {guide.key for name, guide in all_names() if name.startswith(prefix)}
        assert len(owners) > 1
        assert find_guide(prefix) is None
    # Longer prefixes of the same words are unique again.
    assert by_key("starting") is find_guide("star")
    assert by_key("doxing") is find_guide("stal")
    assert by_key("boundaries") is find_guide("comp")
    assert by_key("starting") is find_guide("comm")


def test_an_exact_alias_beats_a_longer_one_it_prefixes() -> None:
    # "new" (safety) is also the start of "new-circle" (starting).
    assert find_guide("new") is by_key("safety")
    assert find_guide("start") is by_key("starting")


@given(st.text(max_size=80))
def test_find_guide_never_raises(query: str) -> None:
    found = find_guide(query)
    assert found is None or found in GUIDES


def test_guide_index_lists_every_guide_and_names_the_crisis_one() -> None:
    index = english(guide_index())
    assert len(index) < MAX_INDEX_CHARS
    lines = index.splitlines()
    assert len(lines) == len(GUIDES) + 2
    for line, guide in zip(lines, GUIDES, strict=False):
        assert line == f"/guide {guide.key} · {english(guide.title)}"
        assert len(line) <= 80
    assert "/guide" in lines[-2] and "only you see them" in lines[-2]
    assert lines[-1] == (
        "In crisis, or worried you might hurt yourself? /guide crisis shows how to reach "
        "human help now, and /sos tells your facilitators."
    )
    assert "http" not in index


@pytest.mark.parametrize(
    "topic",
    [
        "suicide",
        "Suicidal",
        "self-harm",
        "self harm",
        "selfharm",
        "panic",
        "panic attack",
        "crisis",
        "help",
        "HELP",
        "/guide help",
        "emergency",
        "sos",
        "danger",
        "hurt",
    ],
)
def test_every_word_for_a_crisis_leads_to_the_crisis_guide(topic: str) -> None:
    assert find_guide(topic) is CRISIS
    assert is_crisis(find_guide(topic))


def test_the_crisis_guide_without_vetted_lines_still_says_what_to_do_now() -> None:
    said = english(crisis_guide())
    assert said.startswith("Reaching human help\n")
    assert "Call your local emergency number" in said
    assert 'Search for "crisis line" and the name of your country' in said
    assert "/resources" not in said  # nothing listed: nowhere to send them
    assert not re.search(r"\d{3,}", said)  # no invented hotline number
    assert "/sos lets your circle's facilitators know" in said


def test_the_crisis_guide_shows_the_circles_vetted_lines_in_place() -> None:
    listed = ["#4 Night line · crisis\nphone: +49 30 1234567", "#7 Text line · crisis"]
    said = english(crisis_guide(listed))
    assert "2. Or call a crisis line. The ones your circle has vetted:\n" + listed[0] in said
    assert listed[1] in said
    assert '"crisis line"' not in said  # they have lines: no need to search


def test_the_crisis_guide_for_someone_in_no_circle_never_mentions_facilitators() -> None:
    said = english(crisis_guide(has_circle=False))
    assert "facilitator" not in said and "circle" not in said
    assert "/resources" not in said and "/sos" not in said
    assert "Call your local emergency number" in said


def test_what_sos_did_replaces_the_line_about_sos() -> None:
    said = english(crisis_guide(after=["They were told."]))
    assert "They were told.\nYou matter" in said
    assert "/sos lets" not in said


def test_the_words_that_care() -> None:
    everything = "\n".join(english(guide.text) for guide in GUIDES)
    assert "if that feels safe where you live" in english(by_key("harassment").text)
    assert "if that feels safe where you live" in english(by_key("doxing").text)
    assert "Consider the police" not in everything
    assert "That can be compassion fatigue" in english(by_key("boundaries").text)
    assert "That's compassion fatigue" not in everything
    assert "I won't say who sent it" in english(by_key("boundaries").text)
    assert "nobody knows it was you" not in everything
