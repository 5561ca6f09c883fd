"""Sentence alignment of two articles and the relation it shows (copy, syndicated, rewrite, ...)."""

from newstrace.align.alignment import AlignedText, align_texts, prepare_text
from newstrace.align.relation import relate

__all__ = ["AlignedText", "align_texts", "prepare_text", "relate"]
