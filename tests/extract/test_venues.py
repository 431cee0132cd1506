"""The state where a meeting is held is its venue, not a party; a conference's host is its target
(SCHEMA.md: "the venue of a multilateral event … is not an actor"). Sentences written for these tests."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(("text", "lang", "kind", "actors"), [
    ("On 4 May 2023 the presidents of France and Poland spoke by telephone about the situation in Syria.",
     "en", "phone_call", ("FR", "PL")),
    ("4 мая 2023 года президенты Франции и Польши провели телефонный разговор о ситуации в Сирии.",
     "ru", "phone_call", ("FR", "PL")),
    ("4 травня 2023 року президенти Франції та Польщі провели телефонну розмову щодо врегулювання в Сирії.",
     "uk", "phone_call", ("FR", "PL")),
    ("4 maja 2023 r. prezydenci Francji i Polski rozmawiali telefonicznie o sytuacji w Syrii.",
     "pl", "phone_call", ("FR", "PL")),
])
def test_a_state_talked_about_is_no_party(text: str, lang: str, kind: str, actors: tuple[str, ...]) -> None:
    assert [m.actors for m in mentions_of(text, lang) if m.kind == kind] == [actors]


@pytest.mark.parametrize(("text", "host"), [
    ("North Korea's foreign minister took part in the UN General Assembly in New York on 29 September 2018.", "UN"),
    ("In 2021 the foreign minister of Iran attended the IAEA General Conference in Vienna.", "IAEA"),
    # the host state named as a party: it hosts
    ("In May 2019 Belarusian MPs took part in the OSCE parliamentary conference in Oslo at the invitation of the "
     "Storting.",
     "NO"),
])
def test_a_conference_is_hosted_by_its_organisation(text: str, host: str) -> None:
    (m,) = [m for m in mentions_of(text, "en") if m.kind == "conference"]
    assert m.target == (host,)


@pytest.mark.parametrize(("text", "lang", "kind", "actors"), [
    ("On 11 June 2022, during a meeting with the President of Chile in Kyiv, the President of Ukraine called for "
     "new sanctions against Russia.", "en", "meeting", ("CL", "UA")),
    ("On 11 June 2022 the President of Chile met the President of Ukraine and discussed Russia's war.",
     "en", "meeting", ("CL", "UA")),
    ("11 червня 2022 року Президент України провів зустріч з Президентом Чилі, обговоривши санкції проти Росії.",
     "uk", "meeting", ("CL", "UA")),
])
def test_the_target_of_another_act_is_no_party(text: str, lang: str, kind: str, actors: tuple[str, ...]) -> None:
    assert [m.actors for m in mentions_of(text, lang) if m.kind == kind] == [actors]


def test_a_meeting_with_one_party_named_is_no_mention_but_aid_from_a_donor_is() -> None:
    assert [m for m in mentions_of("On 3 May 2023 Chile held consultations on trade.", "en")
            if m.kind == "consultations"] == []
    (aid,) = [m for m in mentions_of("In June 1993 Norway allocated 300 million kroner in humanitarian aid.", "en")
              if m.kind == "aid"]
    assert aid.actors == ("NO",)


def test_aid_with_only_its_recipient_named_is_no_mention() -> None:
    assert [m for m in mentions_of("In March 2022 humanitarian aid was delivered to Chile.", "en")
            if m.kind == "aid"] == []
    (m,) = [m for m in mentions_of("In March 2022 Peru delivered humanitarian aid to Chile.", "en") if m.kind == "aid"]
    assert (m.source, m.target) == (("PE",), ("CL",))


def test_the_giver_after_from_the_is_the_donor() -> None:
    (m,) = [m for m in mentions_of("In March 2022 Chile received weapons from the Peruvian government.", "en")
            if m.kind == "aid"]
    assert (m.source, m.target) == (("PE",), ("CL",))
