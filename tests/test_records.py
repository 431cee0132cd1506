"""The typed records and their dict form (docs/records.md): ``to_dict`` is ``dataclasses.asdict`` with
tuples as lists, and ``records_io`` reads it back to the same record."""

from __future__ import annotations

import dataclasses
from typing import Any

from bilat.fuse import fuse
from bilat.records import ActorSummary, CanonicalPerson, RoleSpan, to_dict
from bilat.records_io import event_from_dict, mention_from_dict
from conftest import TEXTS, mentions_of


def reference(record: Any) -> Any:
    def fix(v: Any) -> Any:
        if isinstance(v, tuple | list):
            return [fix(x) for x in v]
        if isinstance(v, dict):
            return {k: fix(x) for k, x in v.items()}
        return v

    return fix(dataclasses.asdict(record))


def test_to_dict_is_asdict_with_lists_and_reads_back() -> None:
    # Written for this test: people and a place, beside the shared test texts.
    extra = ("On 3 March 2022 the Norwegian foreign minister Anniken Huitfeldt visited Warsaw and met "
             "Polish foreign minister Zbigniew Rau.")
    mentions = [m for lang, text in [*TEXTS.items(), ("en", extra)] for m in mentions_of(text, lang)]
    assert any(m.people for m in mentions) and any(m.location for m in mentions)
    for m in mentions:
        d = to_dict(m)
        assert d == reference(m)
        assert isinstance(d["actors"], list) and isinstance(d["evidence"], dict)
        assert mention_from_dict(d) == m
    for e in fuse(mentions):
        assert to_dict(e) == reference(e) and event_from_dict(to_dict(e)) == e


def test_to_dict_of_the_read_side_summaries() -> None:
    p = CanonicalPerson("Ivan Petrov", ("Иван Петров",), (RoleSpan("ambassador", "RU", "2019", "2021-03", 2),),
                        ("ru",), 2)
    assert to_dict(p) == {"latin": "Ivan Petrov", "names": ["Иван Петров"], "languages": ["ru"], "mentions": 2,
                          "roles": [{"role": "ambassador", "country": "RU", "first": "2019", "last": "2021-03",
                                     "mentions": 2}]}
    assert to_dict(ActorSummary("NO", 3, {"en": "Norway"})) == {"code": "NO", "events": 3, "names": {"en": "Norway"}}
