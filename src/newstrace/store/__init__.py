"""The SQLite store: pages keyed by content hash and source, articles by id, errors by run."""

from newstrace.store.sqlite import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
