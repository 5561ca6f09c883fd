"""Readers: walk the given paths and yield one Page per page found, or an error per bad input."""

from __future__ import annotations

import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from newstrace.model import Page, ReadError, SkippedFile
from newstrace.read.files import read_html_file, read_text_file
from newstrace.read.jsonl import read_json_file, read_jsonl_file
from newstrace.read.tables import read_table_file
from newstrace.read.warc import read_warc_file

__all__ = ["DEFAULT_MAX_PAGE_BYTES", "READERS", "SkippedFile", "file_kind", "list_files", "read_paths"]

# How Python's file system encoding keeps a byte of a name that is no UTF-8.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# 20 MB in the decimal megabytes the CLI's --max-page-mb and the error messages use.
DEFAULT_MAX_PAGE_BYTES = 20_000_000

READERS = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".text": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".jsonl.gz": read_jsonl_file,
    # Tables of articles with a header row (a text or html column), as news datasets are shared.
    ".csv": read_table_file,
    ".csv.gz": read_table_file,
    ".tsv": read_table_file,
    ".tsv.gz": read_table_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
    # Common Crawl's extracted text (conversion records) and the older ARC format warcio also reads.
    ".wet": read_warc_file,
    ".wet.gz": read_warc_file,
    ".arc": read_warc_file,
    ".arc.gz": read_warc_file,
}


def file_kind(path: Path) -> str | None:
    """The reader key for a path (its suffix, double suffixes such as .warc.gz included)."""
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return None


def list_files(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Every file under the given paths, in a stable order; directory loops are walked once."""
    seen_directories: set[str] = set()
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                yield from _walk(path, seen_directories)
            elif path.exists() or path.is_symlink():
                yield path
            else:
                yield ReadError(str(path), "no such file or directory")
        except OSError as error:
            yield ReadError(str(path), _describe_os_error(error))


def _walk(root: Path, seen: set[str]) -> Iterator[Path | ReadError]:
    real = os.path.realpath(root)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as error:
        yield ReadError(str(root), _describe_os_error(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_directory = entry.is_dir(follow_symlinks=True)
        except OSError as error:
            yield ReadError(str(path), _describe_os_error(error))
            continue
        if is_directory:
            yield from _walk(path, seen)
        else:
            yield path


def read_paths(
    paths: Iterable[str | Path], max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
) -> Iterator[Page | ReadError | SkippedFile]:
    """Read every supported file under the paths; bad files become ReadErrors, never exceptions."""
    for item in _read_paths(paths, max_page_bytes):
        yield _with_printable_names(item)


def _read_paths(paths: Iterable[str | Path], max_page_bytes: int) -> Iterator[Page | ReadError | SkippedFile]:
    for item in list_files(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        kind = file_kind(item)
        if kind is None:
            yield SkippedFile(str(item), f"not a supported type ({', '.join(sorted(READERS))})")
            continue
        try:
            if not stat.S_ISREG(item.stat().st_mode):
                # Reading a named pipe waits for a writer that may never come.
                yield ReadError(str(item), "not a regular file (a pipe, socket or device)")
                continue
            yield from READERS[kind](item, max_page_bytes)
        except OSError as error:
            yield ReadError(str(item), _describe_os_error(error))
        except (EOFError, zlib.error) as error:
            # A truncated or damaged .gz stream; the pages before the damage were already yielded.
            yield ReadError(str(item), f"truncated or damaged compressed file: {error}")
        except Exception as error:
            # A reader's library failing in a way no one foresaw stops this file, never the run.
            yield ReadError(str(item), f"could not be read ({type(error).__name__}: {error})")


def _printable(text: str) -> str:
    """A file name as text the store can keep: bytes that are no UTF-8 (Python keeps them as lone
    surrogates) written as escapes, so two such names stay apart ("caf\\xe9.txt")."""
    if text.isascii() or not _ESCAPED_BYTE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _with_printable_names(item: Page | ReadError | SkippedFile) -> Page | ReadError | SkippedFile:
    if isinstance(item, Page):
        source, names = _printable(item.source), tuple(_printable(name) for name in item.names)
        if source == item.source and names == item.names:
            return item
        return replace(item, source=source, names=names)
    source = _printable(item.source)
    return item if source == item.source else replace(item, source=source)


def _describe_os_error(error: OSError) -> str:
    import errno

    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        return "file disappeared before it could be read"
    if error.errno == errno.EACCES:
        return "permission denied"
    if error.errno == errno.EISDIR:
        return "is a directory"
    return error.strerror or str(error)
