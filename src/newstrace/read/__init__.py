"""Readers: walk the given paths and yield one Page per page found, or an error per bad input."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newstrace.model import Page, ReadError, SkippedFile
from newstrace.read.files import read_html_file, read_text_file
from newstrace.read.jsonl import read_json_file, read_jsonl_file
from newstrace.read.warc import read_warc_file

__all__ = ["DEFAULT_MAX_PAGE_BYTES", "READERS", "SkippedFile", "file_kind", "list_files", "read_paths"]

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
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
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
    for item in list_files(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        kind = file_kind(item)
        if kind is None:
            yield SkippedFile(str(item), f"not a supported type ({', '.join(sorted(READERS))})")
            continue
        try:
            yield from READERS[kind](item, max_page_bytes)
        except OSError as error:
            yield ReadError(str(item), _describe_os_error(error))
        except (EOFError, zlib.error) as error:
            # A truncated or damaged .gz stream; the pages before the damage were already yielded.
            yield ReadError(str(item), f"truncated or damaged compressed file: {error}")


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
