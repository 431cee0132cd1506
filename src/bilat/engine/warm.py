"""Imported once by the forkserver before it starts workers: the pipeline's modules and the
language-identification model are loaded here, so every worker forked from it starts with them.
Each language's lexicons and patterns are left to load in the workers, as their documents need
them (all six in the forkserver would cost more time than a small ingest takes)."""

from __future__ import annotations

import contextlib

from bilat import pipeline  # noqa: F401  (imported to be inherited)
from bilat.normalise import langid

with contextlib.suppress(Exception):  # warming is a saving, never a condition
    langid._model()
