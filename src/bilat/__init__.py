"""bilat: documents about international relations, in any language, into a knowledge base of
who did what with whom and when, every fact traced to the sentence that states it."""

from bilat.kb import DEFAULT_DB, IngestProgress, IngestReport, KnowledgeBase, open

__all__ = ["DEFAULT_DB", "IngestProgress", "IngestReport", "KnowledgeBase", "open"]
__version__ = "0.1.0"
