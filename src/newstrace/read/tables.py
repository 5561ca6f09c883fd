"""CSV and TSV readers: one page per row of a table of articles, as news datasets are often shared
(a header row naming the columns: a text or html column, and optionally url, title, date, author,
outlet; the field names of the JSON readers)."""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from newstrace.model import Page, ReadError
from newstrace.read.decode import DecodeError, decode_bytes
from newstrace.read.files import names_for_path
from newstrace.read.jsonl import HTML_FIELDS, TEXT_FIELDS, is_page_record, page_of_record

# Bytes read to tell the encoding before the rows are streamed.
_SAMPLE_BYTES = 1 << 16
TABLE_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
# A comma first: a header without any of them is one column, read as a comma's table.
_DELIMITERS = (",", ";", "\t", "|")


def read_table_file(path: Path, max_bytes: int) -> Iterator[Page | ReadError]:
    """Stream the rows of a CSV or TSV file (gzipped or not), each row with text a page."""
    name = path.name.lower()
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        sample = handle.read(_SAMPLE_BYTES)
        if not sample.strip():
            yield ReadError(str(path), "empty file")
            return
        try:
            decoded, encoding = decode_bytes(sample)
        except DecodeError as error:
            yield ReadError(str(path), str(error))
            return
        delimiter = "\t" if ".tsv" in name else _delimiter(decoded)
        # The whole file is then read from its start, decoded as a stream with the encoding found.
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding=_stream_encoding(encoding), errors="replace", newline="")
        yield from _rows(path, text, delimiter, max_bytes)


def _rows(path: Path, text: io.TextIOWrapper, delimiter: str, max_bytes: int) -> Iterator[Page | ReadError]:
    # An article is one field: csv's default limit (128 KB) is below a long page. The limit is the
    # csv module's, for the whole process: it is set back when the file is read.
    limit = csv.field_size_limit(min(sys.maxsize, max_bytes))
    try:
        yield from _records(path, csv.reader(text, delimiter=delimiter), max_bytes)
    finally:
        csv.field_size_limit(limit)


def _records(path: Path, reader: Iterator[list[str]], max_bytes: int) -> Iterator[Page | ReadError]:
    try:
        header = next(reader)
    except StopIteration:
        yield ReadError(str(path), "empty file")
        return
    columns = [column.strip().lower().lstrip("\ufeff") for column in header]
    if not {*TEXT_FIELDS, *HTML_FIELDS} & set(columns):
        fields = ", ".join((*TEXT_FIELDS, *HTML_FIELDS))
        yield ReadError(str(path), f"no text or html column in the header row ({fields})")
        return
    suffix = max((suffix for suffix in TABLE_SUFFIXES if path.name.lower().endswith(suffix)), key=len, default="")
    stem_names = names_for_path(path, suffix_length=len(suffix) or None)
    rows_read = 0
    row_number = 1
    try:
        # Rows are numbered as a spreadsheet numbers them (the header is row 1), not by the file's
        # lines: a field may hold line breaks.
        for row_number, row in enumerate(reader, start=2):
            where = f"{path}:{row_number}"
            if not any(cell.strip() for cell in row):
                continue
            rows_read += 1
            record = dict(zip(columns, row, strict=False))
            if not is_page_record(record):
                yield ReadError(where, "row has no text or html")
                continue
            raw = "\x1f".join(row).encode("utf-8", "surrogatepass")
            if len(raw) > max_bytes:
                yield ReadError(where, f"row is {len(raw) / 1e6:.1f} MB, over the page limit")
                continue
            yield page_of_record(
                record, where, hashlib.sha256(raw).hexdigest(), [f"{name}:{row_number}" for name in stem_names]
            )
    except csv.Error as error:
        # A field over the page limit: the rows before it were given.
        yield ReadError(f"{path}:{row_number + 1}", f"not a readable table row: {error}")
        return
    if not rows_read:
        yield ReadError(str(path), "a header row and no rows")


def _delimiter(sample: str) -> str:
    """The character between a table's columns: the commonest in its header line of a comma, a
    semicolon (spreadsheets where the comma marks decimals write those), a tab and a bar."""
    header = sample.split("\n", 1)[0]
    return max(_DELIMITERS, key=header.count)


def _stream_encoding(encoding: str) -> str:
    """The codec to stream with: a byte-order mark found in the sample is skipped by the -sig codecs."""
    name = codecs.lookup(encoding).name
    return "utf-8-sig" if name == "utf-8" else name
