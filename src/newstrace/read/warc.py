"""WARC reader: each HTML response record is one page, named by its target URL."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newstrace.model import Page, ReadError
from newstrace.read.decode import DecodeError, decode_bytes


def read_warc_file(path: Path, max_bytes: int) -> Iterator[Page | ReadError]:
    found_any = False
    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or str(path)
                data = record.content_stream().read(max_bytes + 1)
                found_any = True
                if len(data) > max_bytes:
                    yield ReadError(f"{path}#{url}", "record is over the page limit")
                    continue
                try:
                    html, _encoding = decode_bytes(data)
                except DecodeError as error:
                    yield ReadError(f"{path}#{url}", str(error))
                    continue
                yield Page(
                    source=f"{path}#{url}",
                    content_hash=hashlib.sha256(data).hexdigest(),
                    format="html",
                    names=(url,),
                    html=html,
                    url=url,
                )
        except (ArchiveLoadFailed, ValueError, EOFError, OSError) as error:
            yield ReadError(str(path), f"not a readable WARC file: {error}")
            return
        except Exception as error:
            # warcio fails inside its parser on some malformed records (a response record without a
            # target URI raises AttributeError): the file is damaged, not the run. Records before
            # the damage were already given.
            yield ReadError(str(path), f"damaged WARC record ({type(error).__name__}: {error})")
            return
    if not found_any:
        yield ReadError(str(path), "WARC file holds no HTML response records")
