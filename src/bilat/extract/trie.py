"""A regex alternation of many literals, factored on their common beginnings (a prefix tree)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def trie(literals: Iterable[str], piece: Callable[[str], str] = re.escape) -> str:
    """A pattern matching any of ``literals`` where one starts (the longest there), built as a tree
    of their common beginnings so that each place is tried letter by letter, not literal by literal;
    ``piece`` writes one character as regex. Matches nothing when there are no literals."""
    root: dict[str, dict] = {}
    for lit in literals:
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        parts = [piece(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"
