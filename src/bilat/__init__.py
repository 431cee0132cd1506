"""bilat: documents about international relations, in any language, into a knowledge base of
who did what with whom and when, every fact traced to the sentence that states it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bilat.kb import DEFAULT_DB, IngestProgress, IngestReport, KnowledgeBase, open

__all__ = ["DEFAULT_DB", "IngestProgress", "IngestReport", "KnowledgeBase", "open"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """The knowledge base's names, imported when first asked for: a process that only analyses
    text (a worker of ``bilat ingest --workers``) never loads DuckDB and pyarrow."""
    if name in __all__:
        from bilat import kb

        return getattr(kb, name)
    raise AttributeError(f"module 'bilat' has no attribute {name!r}")
