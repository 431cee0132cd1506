"""Engines that run the pure stage of the pipeline (``bilat.pipeline.process_batch``) over shards.

``local``: this process, or a pool of local worker processes; the caller stays the one writer.
"""

from bilat.engine.local import InProcess, LocalPool, default_workers, engine

__all__ = ["InProcess", "LocalPool", "default_workers", "engine"]
