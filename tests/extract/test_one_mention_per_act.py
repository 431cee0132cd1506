"""One act found twice over in one sentence (a date carried from the sentence before and the same date
written again) is one mention: mention ids are unique in a document, as the store requires. Sentences
written for this test."""

from __future__ import annotations

from conftest import mentions_of

TEXT = ("On 7 January the parliament of Kyrgyzstan held an extraordinary session.\n"
        "On the same day, 7 January, a peacekeeping contingent of the armed forces of the Kyrgyz Republic "
        "flew to the Republic of Kazakhstan.")


def test_the_same_act_twice_in_one_sentence_is_one_mention() -> None:
    found = mentions_of(TEXT, "en", "2022-01-10")
    assert [(m.kind, m.date, m.actors) for m in found] == [("visit", "2022-01-07", ("KG", "KZ"))]
    assert len({m.id for m in found}) == len(found)
