"""Objects the tests build again and again."""

from __future__ import annotations

from typing import Any

from newstrace.model import Article


def make_article(article_id: str, paragraphs: list[str], **fields: Any) -> Article:
    """A cleaned article with just an id and a body, plus any field given."""
    return Article(
        id=article_id,
        source=fields.pop("source", f"{article_id}.txt"),
        content_hash=fields.pop("content_hash", ""),
        position=fields.pop("position", 1),
        title=fields.pop("title", None),
        paragraphs=paragraphs,
        **fields,
    )
