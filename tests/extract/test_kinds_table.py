"""The event kinds are data: kinds.toml gives each kind's codes and role rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.extract import kinds
from bilat.extract.events import draft_events  # noqa: F401  (the extractor imports with the table)


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
