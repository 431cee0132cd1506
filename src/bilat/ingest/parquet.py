"""A Parquet corpus: one document a row, with the field mapping of JSON Lines and CSV (``bilat.ingest.fields``).

Rows are read a record batch at a time, so a file of any size is streamed. A row's place is
``path:N`` (rows numbered from 1), and a row without an id column is named ``<file>-N``, as CSV rows
are. Column values keep their Parquet types: an integer id is a number, a list of strings is a list of
paragraphs, a ``date``/``timestamp`` column is a date. A bad row (no text, an id that is neither a string
nor a number, a row over ``max_bytes``) is reported with its row number and skipped; a file that is not
Parquet, or has no text column, is one failure for the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bilat.errors import BadInput
from bilat.ingest.corpora import _mb
from bilat.ingest.fields import TEXT, Reading, has_text_column, record_document
from bilat.ingest.readers import _one_line

Errors = Callable[[str, str], None]

_ROWS = 1024  # rows per record batch


def _size(value: Any) -> int:
    """About how many bytes a cell holds (text as UTF-8; numbers and dates as a few bytes)."""
    if isinstance(value, str):
        return len(value.encode("utf-8", "surrogatepass"))
    if isinstance(value, list | tuple):
        return sum(_size(v) for v in value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    return 8


def read_parquet(path: str, errors: Errors, max_bytes: int,
                 on_bytes: Callable[[int], None] | None = None) -> Iterator[Reading]:
    """The rows of a Parquet file as documents; ``on_bytes`` is told about how much of the file is read."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        f = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as e:
        raise BadInput(f"not a Parquet file that bilat can read ({_one_line(e, 160)})") from e
    names = f.schema_arrow.names
    if not has_text_column(names):
        raise BadInput("no text column (looked for: " + ", ".join(TEXT) + ")")
    stem = Path(path).stem
    total_rows = max(1, f.metadata.num_rows)
    size = Path(path).stat().st_size
    n = 0
    try:
        for batch in f.iter_batches(batch_size=_ROWS):
            for row in batch.to_pylist():
                n += 1
                where = f"{path}:{n}"
                if _size(row) > max_bytes:
                    errors(where, f"row too large for one record (over {_mb(max_bytes)}, see --max-size)")
                    continue
                try:
                    yield record_document(row, where, f"{stem}-{n}", "parquet")
                except BadInput as e:
                    errors(where, str(e))
            if on_bytes:
                on_bytes(size * min(n, total_rows) // total_rows)
    except pa.ArrowException as e:  # a damaged row group: the rows before it are kept
        raise BadInput(f"damaged Parquet data after row {n} ({_one_line(e, 160)})") from e

