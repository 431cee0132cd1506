"""The state where a meeting is held is its venue, not a party; a conference's host is its target
(SCHEMA.md: "the venue of a multilateral event … is not an actor"). Sentences written for these tests."""

from __future__ import annotations

from conftest import mentions_of


def test_a_summit_in_a_third_state_has_the_two_leaders_only() -> None:
    text = "On 12 June 2018 the leaders of the United States and North Korea held a summit in Singapore."
    (m,) = [m for m in mentions_of(text, "en") if m.kind == "meeting"]
    assert m.actors == ("KP", "US")


def test_talks_in_a_third_state_in_ukrainian() -> None:
    text = "3 березня 2022 року у Білорусі відбулися переговори делегацій України та Росії."
    (m,) = [m for m in mentions_of(text, "uk") if m.kind == "consultations"]
    assert m.actors == ("RU", "UA")


def test_a_conference_in_a_state_has_it_as_host() -> None:
    text = "In February 2023 the foreign minister of Chile attended a security conference in Germany."
    (m,) = [m for m in mentions_of(text, "en") if m.kind == "conference"]
    assert (m.actors, m.source, m.target) == (("CL", "DE"), ("CL",), ("DE",))
