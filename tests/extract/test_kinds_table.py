"""The event kinds are data: kinds.toml gives each kind's codes and role rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.extract import kinds
from bilat.extract.events import draft_events  # noqa: F401  (the extractor imports with the table)
from conftest import mentions_of


def test_every_kind_has_codes_and_known_rules() -> None:
    assert "visit" in kinds.KINDS and kinds.KINDS["visit"].roles == "destination"
    for k in kinds.KINDS.values():
        assert k.plover and k.cameo
        assert k.roles in kinds.ROLES and k.orgs in kinds.ORGS and k.complete in kinds.COMPLETE
    assert kinds.KINDS["meeting"].symmetric and not kinds.KINDS["sanctions"].symmetric


def test_a_new_kind_is_a_table(tmp_path: Path) -> None:
    p = tmp_path / "kinds.toml"
    p.write_text('[visit]\nplover = "CONSULT"\ncameo = "042"\nroles = "destination"\n'
                 '[talks]\nplover = "CONSULT"\ncameo = "046"\nimplies = "visit"\n', encoding="utf-8")
    table = kinds._load(p)
    assert table["talks"].implies == "visit" and table["talks"].symmetric


@pytest.mark.parametrize("bad", ['roles = "somewhere"', 'colour = "red"', 'implies = "nothing"'])
def test_a_bad_table_is_refused(tmp_path: Path, bad: str) -> None:
    p = tmp_path / "kinds.toml"
    p.write_text(f'[talks]\nplover = "CONSULT"\ncameo = "046"\n{bad}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"kinds\.toml"):
        kinds._load(p)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The accord was first concluded in 2019 through the mediation of Oman.", "en", []),
    ("Соглашение было заключено в 2019 году при посредничестве Омана.", "ru", []),
    ("Oman mediated between Iran and Chile in 2019.", "en", [("CL", "IR", "OM")]),
])
def test_a_mediation_needs_a_party_besides_the_mediator(text: str, lang: str, expected: list) -> None:
    ms = [m for m in mentions_of(text, lang) if m.kind == "mediation"]
    assert [m.actors for m in ms] == expected
