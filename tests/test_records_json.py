"""Records as JSON: ``to_dict`` gives what ``dataclasses.asdict`` gives (tuples as lists), faster."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from bilat.fuse import fuse
from bilat.pipeline import process
from bilat.records import (
    ActorSummary,
    CanonicalPerson,
    Document,
    Event,
    Evidence,
    Location,
    Mention,
    Person,
    RoleSpan,
    to_dict,
    to_json,
)
from bilat.records_io import event_from_dict, mention_from_dict
from conftest import TEXTS, mentions_of


def old_to_dict(record: object) -> dict:
    def fix(v: object) -> object:
        if isinstance(v, tuple | list):
            return [fix(x) for x in v]
        if isinstance(v, dict):
            return {k: fix(x) for k, x in v.items()}
        return v
    return fix(asdict(record))  # type: ignore[return-value]


def test_records_as_asdict_gives_them() -> None:
    m = Mention(id="m:1", doc="d", lang="en", kind="visit", plover="CONSULT", plover_mode="visit", cameo="042",
                date="2021-05-03", date_end=None, evidence=Evidence(0, 0, 10, "The visit."), actors=("NO", "PL"),
                source="NO", target="PL", location=Location("Warsaw", "PL"),
                people=(Person("Jonas Gahr Støre", None, "prime_minister", "NO"),), confidence=0.75)
    e = Event(id="e:1", kind="visit", plover="CONSULT", cameo="042", date="2021-05-03", mentions=("m:1",),
              actors=("NO", "PL"), location=Location("Warsaw", "PL"))
    for r in (m, e, m.evidence, m.people[0]):
        assert to_dict(r) == old_to_dict(r)
        assert to_json(r) == json.dumps(old_to_dict(r), ensure_ascii=False)
        assert list(to_dict(r)) == list(old_to_dict(r))  # the same key order
    # the encoder walks the record itself; what JSON cannot hold still fails as json.dumps fails
    with pytest.raises(TypeError, match="set is not JSON serializable"):
        to_json(Evidence(0, 0, 1, {"a"}))  # type: ignore[arg-type]


def test_processed_documents_carry_the_json_the_store_writes() -> None:
    text = ("The Prime Minister of Norway visited Warsaw on 3 May 2021 and met the President of Poland. "
            "Trade between Norway and Poland grew by 12% in 2020, to 900 million dollars.")
    p = process(Document(name="a", text=text, lang="en"))
    assert p.mentions and p.indicators
    assert p.records == (tuple(json.dumps(old_to_dict(m), ensure_ascii=False) for m in p.mentions),
                         tuple(json.dumps(old_to_dict(i), ensure_ascii=False) for i in p.indicators))


def test_to_dict_is_asdict_with_lists_and_reads_back() -> None:
    # Written for this test: people and a place, beside the shared test texts.
    extra = ("On 3 March 2022 the Norwegian foreign minister Anniken Huitfeldt visited Warsaw and met "
             "Polish foreign minister Zbigniew Rau.")
    mentions = [m for lang, text in [*TEXTS.items(), ("en", extra)] for m in mentions_of(text, lang)]
    assert any(m.people for m in mentions) and any(m.location for m in mentions)
    for m in mentions:
        d = to_dict(m)
        assert d == old_to_dict(m)
        assert isinstance(d["actors"], list) and isinstance(d["evidence"], dict)
        assert mention_from_dict(d) == m
    for e in fuse(mentions):
        assert to_dict(e) == old_to_dict(e) and event_from_dict(to_dict(e)) == e


def test_to_dict_of_the_read_side_summaries() -> None:
    p = CanonicalPerson("Ivan Petrov", ("Иван Петров",), (RoleSpan("ambassador", "RU", "2019", "2021-03", 2),),
                        ("ru",), 2)
    assert to_dict(p) == {"latin": "Ivan Petrov", "names": ["Иван Петров"], "languages": ["ru"], "mentions": 2,
                          "roles": [{"role": "ambassador", "country": "RU", "first": "2019", "last": "2021-03",
                                     "mentions": 2}]}
    assert to_dict(ActorSummary("NO", 3, {"en": "Norway"})) == {"code": "NO", "events": 3, "names": {"en": "Norway"}}
