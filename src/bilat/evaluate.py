"""Scoring bilat's records against gold annotations: mentions, indicators and events (see SCHEMA.md).

    from bilat.evaluate import load_jsonl, score_mentions, format_report
    result = score_mentions(load_jsonl("gold.mentions.jsonl"), load_jsonl("pred.mentions.jsonl"))
    print(format_report("mentions", result))

Gold and predictions are paired by a maximum one-to-one matching; ``strict`` asks for the exact
date and the same actors, ``relaxed`` for the same year (or day and month) and the gold actors
with at most one more. Events are also scored as a clustering of the gold mentions they fuse.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePath
from typing import Any

from bilat.errors import BadInput

Row = dict[str, Any]
Accept = Callable[[Row, Row], bool]

DOC_SUFFIXES = (".txt", ".html", ".htm", ".md", ".pdf", ".docx", ".json", ".jsonl")
HEADLINE_TABLES = ("by", "by_relaxed")


# -- reading --------------------------------------------------------------------


def load_jsonl(path: str) -> list[Row]:
    """The JSON objects of a JSON Lines file; blank lines are skipped."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f"{path}: cannot read: {e}") from e
    rows: list[Row] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise BadInput(f"{path}:{n}: not JSON: {e}") from e
        if not isinstance(row, dict):
            raise BadInput(f"{path}:{n}: not a JSON object")
        rows.append(row)
    return rows


def doc_name(doc: object) -> str:
    """A document's name as the gold writes it: no folder, no known extension."""
    name = PurePath(str(doc)).name
    lower = name.lower()
    suffix = next((s for s in DOC_SUFFIXES if lower.endswith(s)), "")
    return name[: len(name) - len(suffix)]


def with_doc_names(rows: Iterable[Row]) -> list[Row]:
    """Copies of ``rows`` whose ``doc`` is the bare document name."""
    return [{**r, "doc": doc_name(r.get("doc", ""))} for r in rows]


# -- what counts as a match -------------------------------------------------------


def code_set(values: Iterable[Any] | None) -> set[str]:
    """Upper-case codes of a list of codes or ``{"code": …}`` / ``{"id": …}`` objects."""
    found: set[str] = set()
    for v in values or ():
        if isinstance(v, dict):
            v = v.get("code") or v.get("id")
        if v:
            found.add(str(v).upper())
    return found


def accepted_kinds(gold: Row) -> set[Any]:
    """The gold kind and its accepted alternatives."""
    return {gold["kind"], *gold.get("kind_alt", [])}


def accepted_dates(gold: Row) -> set[Any]:
    """The gold date and its accepted alternatives."""
    return {gold.get("date"), *gold.get("date_alt", [])}


def year_of(date: str | None) -> str | None:
    """The four-digit year a date starts with, or None."""
    if date and date[:4].isdigit():
        return date[:4]
    return None


def date_matches(gold: Row, date: str | None, strict: bool) -> bool:
    """Whether a predicted date fits the gold: exactly, or (relaxed) by year or by ``--MM-DD``."""
    wanted = accepted_dates(gold)
    if date in wanted:
        return True
    if strict:
        return False
    if gold.get("date") is None:
        return True  # the text gives no date: any prediction will do
    if date is None:
        return False
    for want in wanted:
        if want is None:
            continue
        if want.startswith("--"):
            if date.endswith(want[1:]):
                return True
        elif year_of(want) is not None and year_of(want) == year_of(date):
            return True
    return False


def actors_match(gold: Row, pred: Row, strict: bool) -> bool:
    """Same actors (strict), or every gold actor and at most one more (relaxed)."""
    want, have = code_set(gold.get("actors")), code_set(pred.get("actors"))
    if strict:
        return want == have
    return bool(want) and want <= have and len(have) - len(want) <= 1


def event_matches(gold: Row, pred: Row, strict: bool) -> bool:
    """Kind, date and actors agree (documents are not compared)."""
    return (
        pred.get("kind") in accepted_kinds(gold)
        and date_matches(gold, pred.get("date"), strict)
        and actors_match(gold, pred, strict)
    )


def mention_matches(gold: Row, pred: Row, strict: bool) -> bool:
    """Same document, and kind, date and actors agree."""
    return pred["doc"] == gold["doc"] and event_matches(gold, pred, strict)


def indicator_matches(gold: Row, pred: Row, strict: bool) -> bool:
    """Same document, indicator, states, period (or year), unit, and a value within 0.5%."""
    if pred["doc"] != gold["doc"] or pred.get("indicator") != gold["indicator"]:
        return False
    if str(pred.get("reporter", "")).upper() != gold["reporter"]:
        return False
    if gold.get("partner") and str(pred.get("partner", "")).upper() != gold["partner"]:
        return False
    period = gold.get("period")
    if period:
        same = pred.get("period") == period if strict else year_of(pred.get("period")) == year_of(period)
        if not same:
            return False
    try:
        value = float(pred.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if abs(value - gold["value"]) > 0.005 * abs(gold["value"]):
        return False
    return str(pred.get("unit", "")).upper() == gold["unit"].upper()


def person_key(text: object) -> str:
    """ASCII-folded lower-case letters of a name."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in folded if c.isalpha())


def people_hits(gold: Row, pred: Row) -> tuple[int, int] | None:
    """How many gold people keys the prediction's people contain, out of how many; None without gold people."""
    wanted = gold.get("people") or []
    if not wanted:
        return None
    names = [
        person_key(" ".join(str(p.get(k, "")) for k in ("latin", "name", "name_latin")) if isinstance(p, dict) else p)
        for p in pred.get("people") or []
    ]
    found = sum(any(alt in name for alt in key.split("|") for name in names) for key in wanted)
    return found, len(wanted)


# -- matching and counting -----------------------------------------------------------


def max_matching(golds: Sequence[Row], preds: Sequence[Row], accept: Accept) -> list[tuple[int, int]]:
    """A maximum one-to-one matching as sorted (gold index, prediction index) pairs.

    Kuhn's augmenting paths, tried gold by gold and candidate by candidate in list order, so the
    pairs chosen among equally large matchings are always the same ones.
    """
    candidates = [[j for j, p in enumerate(preds) if accept(g, p)] for g in golds]
    holder: dict[int, int] = {}  # prediction -> gold
    for start in range(len(golds)):
        seen: set[int] = set()
        frames = [[start, 0]]  # gold index, next candidate position
        taken: list[int] = []  # the prediction each open frame is trying to win
        while frames:
            frame = frames[-1]
            gi, k = frame
            options = candidates[gi]
            while k < len(options) and options[k] in seen:
                k += 1
            frame[1] = k + 1
            if k == len(options):
                frames.pop()
                if taken:
                    taken.pop()
                continue
            pj = options[k]
            seen.add(pj)
            if pj in holder:
                taken.append(pj)
                frames.append([holder[pj], 0])
                continue
            for (g, _), p in zip(frames, [*taken, pj], strict=True):
                holder[p] = g
            break
    return sorted((g, p) for p, g in holder.items())


def spared(hard: Sequence[Row], preds: Sequence[Row], pairs: list[tuple[int, int]], accept: Accept) -> set[int]:
    """Unmatched predictions that match excluded hard gold: not counted as false positives."""
    used = {p for _, p in pairs}
    free = [j for j in range(len(preds)) if j not in used]
    return {free[k] for _, k in max_matching(hard, [preds[j] for j in free], accept)}


def prf(tp: int, npred: int, ngold: int, tp_gold: int | None = None) -> dict[str, Any]:
    """Precision, recall and F1 (rounded to four places) with their counts.

    ``tp`` counts the matched predictions among ``npred``; ``tp_gold`` the matched gold among
    ``ngold`` when that differs (a breakdown by kind: a prediction of one kind can match gold that
    accepts it under another, so each side is counted under its own kind).
    """
    tp_gold = tp if tp_gold is None else tp_gold
    p = tp / npred if npred else 0.0
    r = tp_gold / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": npred, "gold": ngold}
    if tp_gold != tp:
        out["tp_gold"] = tp_gold
    return out


def split_gold(gold: Iterable[Row], pred: Iterable[Row], exclude_hard: bool) -> tuple[list[Row], list[Row], list[Row]]:
    """Scored gold, excluded hard gold, and the predictions for the documents the gold names."""
    every = with_doc_names(gold)
    docs = {g["doc"] for g in every}
    kept = [g for g in every if not (exclude_hard and g.get("hard"))]
    hard = [g for g in every if exclude_hard and g.get("hard")]
    # With no gold at all, every prediction is a false positive.
    return kept, hard, [p for p in with_doc_names(pred) if not docs or p["doc"] in docs]


# -- the three scores ------------------------------------------------------------------


def breakdown(gold: list[Row], pred: list[Row], pairs: list[tuple[int, int]], skip: set[int]) -> dict[str, Any]:
    """P/R/F1 per language (``lang:xx``) and per kind (``kind:k``).

    Precision counts a matched prediction under its own kind, recall a matched gold under its own:
    counting both under the gold's kind gave precision above 1 (#8).
    """
    counts: dict[str, list[int]] = {}  # key -> [matched predictions, predictions, gold, matched gold]

    def add(key: str, slot: int) -> None:
        counts.setdefault(key, [0, 0, 0, 0])[slot] += 1

    lang_of_doc = {g["doc"]: g.get("lang", "?") for g in gold}
    for g in gold:
        add("lang:" + g.get("lang", "?"), 2)
        add("kind:" + g["kind"], 2)
    for j, p in enumerate(pred):
        if j not in skip:
            add("lang:" + lang_of_doc.get(p["doc"], p.get("lang", "?")), 1)
            add("kind:" + str(p.get("kind")), 1)
    for i, j in pairs:
        add("lang:" + lang_of_doc.get(pred[j]["doc"], pred[j].get("lang", "?")), 0)
        add("lang:" + gold[i].get("lang", "?"), 3)
        add("kind:" + str(pred[j].get("kind")), 0)
        add("kind:" + gold[i]["kind"], 3)
    return {key: prf(*counts[key]) for key in sorted(counts)}


def score_mentions(gold: list[Row], pred: list[Row], exclude_hard: bool = False) -> dict[str, Any]:
    """Strict and relaxed P/R/F1 of event mentions, per language and kind, roles and people."""
    gold, hard, pred = split_gold(gold, pred, exclude_hard)
    result: dict[str, Any] = {}
    relaxed_pairs: list[tuple[int, int]] = []
    for mode, table in zip(("strict", "relaxed"), HEADLINE_TABLES, strict=True):

        def accept(g: Row, p: Row, strict: bool = mode == "strict") -> bool:
            return mention_matches(g, p, strict)

        pairs = max_matching(gold, pred, accept)
        skip = spared(hard, pred, pairs, accept)
        result[mode] = prf(len(pairs), len(pred) - len(skip), len(gold))
        result[table] = breakdown(gold, pred, pairs, skip)
        relaxed_pairs = pairs
    roles = [0, 0]
    people = [0, 0]
    for i, j in relaxed_pairs:
        g, p = gold[i], pred[j]
        if g.get("source") or g.get("target"):
            roles[1] += 1
            roles[0] += all(code_set(g.get(k)) == code_set(p.get(k)) for k in ("source", "target"))
        hits = people_hits(g, p)
        if hits:
            people[0] += hits[0]
            people[1] += hits[1]
    result["roles_correct"] = f"{roles[0]}/{roles[1]}"
    result["people_recall"] = f"{people[0]}/{people[1]}"
    return result


def score_indicators(gold: list[Row], pred: list[Row], exclude_hard: bool = False) -> dict[str, Any]:
    """Strict and relaxed P/R/F1 of indicators."""
    gold, hard, pred = split_gold(gold, pred, exclude_hard)
    result: dict[str, Any] = {}
    for mode in ("strict", "relaxed"):

        def accept(g: Row, p: Row, strict: bool = mode == "strict") -> bool:
            return indicator_matches(g, p, strict)

        pairs = max_matching(gold, pred, accept)
        result[mode] = prf(len(pairs), len(pred) - len(spared(hard, pred, pairs, accept)), len(gold))
    return result


def score_events(
    gold_events: list[Row],
    gold_mentions: list[Row],
    pred_events: list[Row],
    pred_mentions: list[Row],
    exclude_hard: bool = False,
) -> dict[str, Any]:
    """Strict and relaxed P/R/F1 of events, and pairwise clustering of the gold mentions linked to predictions."""
    gold_events = [g for g in gold_events if not (exclude_hard and g.get("hard"))]
    result: dict[str, Any] = {}
    for mode in ("strict", "relaxed"):
        strict = mode == "strict"
        pairs = max_matching(gold_events, pred_events, lambda g, p, s=strict: event_matches(g, p, s))
        result[mode] = prf(len(pairs), len(pred_events), len(gold_events))
    gm, pm = with_doc_names(gold_mentions), with_doc_names(pred_mentions)
    links = max_matching(gm, pm, lambda g, p: mention_matches(g, p, False))
    pred_of_gold = {gm[i]["id"]: pm[j].get("id") for i, j in links}
    event_of_pred: dict[Any, Any] = {}
    for e in pred_events:
        for m in e.get("mentions", []):
            event_of_pred[m.get("id") if isinstance(m, dict) else m] = e.get("id")
    event_of_gold = {m: e["id"] for e in gold_events for m in e.get("mentions", [])}
    linked = [m for m in event_of_gold if event_of_pred.get(pred_of_gold.get(m)) is not None]
    tp = fp = fn = 0
    for n, a in enumerate(linked):
        for b in linked[n + 1 :]:
            same_gold = event_of_gold[a] == event_of_gold[b]
            same_pred = event_of_pred[pred_of_gold[a]] == event_of_pred[pred_of_gold[b]]
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    result["clustering_pairs"] = prf(tp, tp + fp, tp + fn)
    result["linked_mentions"] = f"{len(linked)}/{len(event_of_gold)}"
    return result


# -- gold files against a knowledge base ---------------------------------------------------

GOLD_KINDS = ("mentions", "indicators", "events")


def gold_kind(rows: list[Row]) -> str | None:
    """What a gold file annotates, told by its rows: indicators, events or mentions."""
    if any("indicator" in r for r in rows):
        return "indicators"
    if any(isinstance(r.get("mentions"), list) for r in rows):
        return "events"
    if any("kind" in r for r in rows):
        return "mentions"
    return None


def load_gold(paths: Iterable[str]) -> dict[str, list[Row]]:
    """Gold rows by what they annotate; files of the same kind are pooled."""
    gold: dict[str, list[Row]] = {}
    for path in paths:
        rows = load_jsonl(path)
        kind = gold_kind(rows)
        if kind is None:
            raise BadInput(f"{path}: no gold mentions, indicators or events in it")
        gold.setdefault(kind, []).extend(rows)
    if "events" in gold and "mentions" not in gold:
        raise BadInput("gold events need the gold mentions they list: give a mentions file with --gold too")
    return {kind: gold[kind] for kind in GOLD_KINDS if kind in gold}


def score_records(
    gold: dict[str, list[Row]], records: Callable[[str], list[Row]], exclude_hard: bool = False
) -> dict[str, dict[str, Any]]:
    """Scores of ``records(what)`` against ``load_gold``'s rows, for the documents the gold names.

    A predicted event counts when one of its mentions is in those documents.
    """
    result: dict[str, dict[str, Any]] = {}
    if "mentions" in gold:
        result["mentions"] = score_mentions(gold["mentions"], records("mentions"), exclude_hard)
    if "indicators" in gold:
        result["indicators"] = score_indicators(gold["indicators"], records("indicators"), exclude_hard)
    if "events" in gold:
        docs = {doc_name(m.get("doc", "")) for m in gold["mentions"]}
        mentions = [m for m in records("mentions") if doc_name(m.get("doc", "")) in docs]
        ids = {m.get("id") for m in mentions}
        events = [
            e
            for e in records("events")
            if any((m.get("id") if isinstance(m, dict) else m) in ids for m in e.get("mentions", []))
        ]
        result["events"] = score_events(gold["events"], gold["mentions"], events, mentions, exclude_hard)
    return result


# -- printing ---------------------------------------------------------------------------


def format_report(name: str, result: dict[str, Any]) -> str:
    """A result as text lines; the last line is the headline ``<name>: strict F1=… relaxed F1=…``."""
    lines: list[str] = []
    for key, value in result.items():
        if key in HEADLINE_TABLES:
            lines.append(f"{key}:")
            lines.extend(
                f"  {k:32s} P={v['p']:.3f} R={v['r']:.3f} F1={v['f1']:.3f} ({v['tp']}/{v['pred']}/{v['gold']})"
                for k, v in value.items()
            )
        elif isinstance(value, dict):
            lines.append(
                f"{key:18s} P={value['p']:.3f} R={value['r']:.3f} F1={value['f1']:.3f} "
                f"(tp {value['tp']}, pred {value['pred']}, gold {value['gold']})"
            )
        else:
            lines.append(f"{key:18s} {value}")
    lines.append(f"{name}: strict F1={result['strict']['f1']:.3f} relaxed F1={result['relaxed']['f1']:.3f}")
    return "\n".join(lines)
